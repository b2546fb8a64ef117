import type { ChatTurn } from '../../core/messages.js';
import type { Persona } from '../schema.js';
import { cardNamespaceOf, cardText } from './namespace.js';
import { namesFor } from './card-prompt.js';
import { activeLoreEntries } from './lorebook.js';
import { fillOriginal, fillPlaceholders } from './placeholders.js';

// The per-request context of a persona imported from a card (the engine appends it to the system
// prompt): the lorebook entries the recent turns call up, and the card's
// `post_history_instructions`. (The card's opening message is every persona's greeting: see
// src/persona/opening-context.ts.) We have
// no post-history instructions of our own, so `{{original}}` there stands for nothing.

export type ContextFor = (turns: ChatTurn[]) => string | undefined;

/** The context hook for a card persona, or undefined for our own personas (nothing to add). */
export function cardContextFor(persona: Persona): ContextFor | undefined {
  const ns = cardNamespaceOf(persona.data);
  if (!ns) return undefined;
  const names = namesFor(persona);
  const instructions = cardText(persona.data, 'post_history_instructions')?.trim();
  return (turns) => {
    const parts: string[] = [];
    const lore = activeLoreEntries(ns.data.character_book, turns, names);
    if (lore.length > 0) parts.push(`## Things you know that matter right now\n${lore.join('\n\n')}`);
    if (instructions) {
      const text = fillPlaceholders(fillOriginal(instructions, ''), names).trim();
      if (text) parts.push(`## Instructions\n${text}`);
    }
    return parts.length > 0 ? parts.join('\n\n') : undefined;
  };
}
