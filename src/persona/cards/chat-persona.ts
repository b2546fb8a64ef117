import type { Persona } from '../schema.js';
import { TT_KEY } from '../tinytroupe/agent-to-persona.js';
import { namesFor } from './card-prompt.js';
import { cardNamespaceOf } from './namespace.js';
import { fillPlaceholders, type Names } from './placeholders.js';

// Card text is written with `{{char}}`/`{{user}}`. The prompt builder fills them in, but the
// offline engine and the chat's greeting read persona fields directly, so a card persona is
// chatted with as a copy whose every text has the placeholders filled. The file is untouched, so
// export still writes the card as it came.

export function personaForChat(persona: Persona): Persona {
  // What an imported TinyTroupe agent keeps for its export (the routes its fields took) is
  // bookkeeping, not the person: no engine chats with it.
  if (TT_KEY in persona.data) {
    const { [TT_KEY]: _routes, ...data } = persona.data as Record<string, unknown>;
    persona = { ...persona, data: data as Persona['data'] };
  }
  if (!cardNamespaceOf(persona.data)) return persona;
  const names = namesFor(persona);
  return { ...persona, data: fillDeep(persona.data, names) as Persona['data'] };
}

function fillDeep(value: unknown, names: Names): unknown {
  if (typeof value === 'string') return fillPlaceholders(value, names);
  if (Array.isArray(value)) return value.map((v) => fillDeep(v, names));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillDeep(v, names)]));
  }
  return value;
}

/** The card's alternate greetings (placeholders filled), e.g. for a retry of the first message. */
export function alternateGreetings(persona: Persona): string[] {
  const greetings = cardNamespaceOf(persona.data)?.data.alternate_greetings;
  if (!Array.isArray(greetings)) return [];
  const names = namesFor(persona);
  return greetings.filter((g): g is string => typeof g === 'string' && g.trim() !== '').map((g) => fillPlaceholders(g, names));
}
