import type { ChatTurn } from '../core/messages.js';
import type { Persona } from './schema.js';

// The chat shows a persona's greeting when a session opens, and the session keeps it as its first
// message, but a model never gets it as a turn (a request opens with the user). Until the persona
// has replied, the model is told how the conversation began, so its first reply follows on from
// the greeting instead of greeting a second time.

export type ContextFor = (turns: ChatTurn[]) => string | undefined;

/**
 * `shown`: the front end showed the greeting (the chat). Otherwise (a card's first message in
 * `ask`) the model is told it is how its character opens, and that the user has not seen it.
 */
export function greetingContextFor(persona: Persona, shown = true): ContextFor | undefined {
  const greeting = persona.data.chatProfile?.greeting?.trim();
  if (!greeting) return undefined;
  const text = shown
    ? `## How this conversation began\nYou opened it with this message:\n${greeting}`
    : `## How your character opens\nThe user has not seen this yet; open with it if it fits:\n${greeting}`;
  return (turns) => (turns.some((t) => t.role === 'persona') ? undefined : text);
}

/** Several context hooks as one: their texts, in order, separated by a blank line. */
export function combineContexts(...hooks: Array<ContextFor | undefined>): ContextFor | undefined {
  const present = hooks.filter((h): h is ContextFor => h !== undefined);
  if (present.length === 0) return undefined;
  return (turns) => {
    const parts = present.map((h) => h(turns)).filter((p): p is string => Boolean(p));
    return parts.length > 0 ? parts.join('\n\n') : undefined;
  };
}
