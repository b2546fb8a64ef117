import type { ChatTurn } from '../../src/core/messages.js';
import { loadPersonas } from '../../src/persona/loader.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import type { Persona } from '../../src/persona/schema.js';
import { composeReply } from '../../src/providers/offline/engine.js';

// The shipped personas as the offline engine sees them, with and without their authored lines
// (exampleDialogue, stories): without them the engine must still answer from the facts.

export const SHIPPED: Persona[] = loadPersonas({ userDir: null }).personas.filter((p) => p.origin === 'shipped');

export function shipped(id: string): Persona {
  const persona = SHIPPED.find((p) => p.id === id);
  if (!persona) throw new Error(`no shipped persona ${id}`);
  return persona;
}

/** The same persona with its authored material taken out: only the facts remain. */
export function factsOnly(persona: Persona): Persona {
  const { exampleDialogue: _d, stories: _s, ...data } = persona.data;
  return { ...persona, data };
}

/** A persona from a file written for a test (not loaded from disk, not validated: the engine's view of it). */
export function personaFrom(id: string, data: { name: string } & Record<string, unknown>): Persona {
  return { id, name: data.name, data, source: 'test', origin: 'path' } as unknown as Persona;
}

export async function interview(persona: Persona, questions: readonly string[], seed = 1): Promise<string[]> {
  const profile = buildChatProfile(persona.data);
  const messages: ChatTurn[] = [];
  const replies: string[] = [];
  for (const question of questions) {
    messages.push({ role: 'user', content: question });
    const reply = await composeReply({ persona, profile, messages: [...messages], seed, maxOutputTokens: profile.maxOutputTokens });
    messages.push({ role: 'persona', content: reply });
    replies.push(reply);
  }
  return replies;
}

export async function answer(persona: Persona, question: string, seed = 1): Promise<string> {
  return (await interview(persona, [question], seed))[0]!;
}
