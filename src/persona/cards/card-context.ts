import type { ChatTurn } from '../../core/messages.js';
import type { Persona } from '../schema.js';
import { cardNamespaceOf } from './namespace.js';
import { namesFor } from './card-prompt.js';
import { activeLoreEntries } from './lorebook.js';

// The per-request context of a persona imported from a card (the engine appends it to the system
// prompt): the lorebook entries the recent turns call up. (The card's opening message is every
// persona's greeting: see src/persona/opening-context.ts; its post-history instructions go after
// the history: see buildSystemPrompt's `postHistory`.)

export type ContextFor = (turns: ChatTurn[]) => string | undefined;

/** The context hook for a card persona, or undefined when it has no lorebook. */
export function cardContextFor(persona: Persona): ContextFor | undefined {
  const ns = cardNamespaceOf(persona.data);
  if (!ns || !ns.data.character_book) return undefined;
  const names = namesFor(persona);
  return (turns) => {
    const lore = activeLoreEntries(ns.data.character_book, turns, names);
    return lore.length > 0 ? `## Things you know that matter right now\n${lore.join('\n\n')}` : undefined;
  };
}
