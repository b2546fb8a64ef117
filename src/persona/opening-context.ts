import type { ChatTurn } from '../core/messages.js';
import type { Persona } from './schema.js';

// The chat shows a persona's greeting when a session opens, and the session keeps it as its first
// message, but a model never gets it as a turn (a request opens with the user). Until the persona
// has replied, the model is told how the conversation began, so its first reply follows on from
// the greeting instead of greeting a second time.

export type ContextFor = (turns: ChatTurn[]) => string | undefined;

export function greetingContextFor(persona: Persona): ContextFor | undefined {
  const greeting = persona.data.chatProfile?.greeting?.trim();
  if (!greeting) return undefined;
  return (turns) =>
    turns.some((t) => t.role === 'persona') ? undefined : `## How this conversation began\nYou opened it with this message:\n${greeting}`;
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
