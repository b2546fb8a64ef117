// Drives the offline engine in-process for the evaluation (bench/offline-eval.mjs bundles this
// file with esbuild, so the evaluation runs the same TypeScript the CLI ships).
import type { ChatTurn } from '../../src/core/messages.js';
import { loadPersonas } from '../../src/persona/loader.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import type { Persona } from '../../src/persona/schema.js';
import { composeReply } from '../../src/providers/offline/engine.js';
import { INTENT_FIELDS } from '../../src/providers/offline/recall/intent-fields.js';
import { factsOf } from '../../src/providers/offline/recall/persona-facts.js';
import { authoredOf } from '../../src/providers/offline/recall/index.js';
import { understand } from '../../src/providers/offline/understand/index.js';

export { understand, INTENT_FIELDS, factsOf, authoredOf };

export function shippedPersonas(): Persona[] {
  return loadPersonas({ userDir: null }).personas.filter((p) => p.origin === 'shipped');
}

export function profileOf(persona: Persona) {
  return buildChatProfile(persona.data);
}

/** One reply after `history`; returns the reply and how long composing it took. */
export async function replyTo(
  persona: Persona,
  history: ChatTurn[],
  question: string,
  seed?: number,
): Promise<{ text: string; ms: number }> {
  const profile = profileOf(persona);
  const messages: ChatTurn[] = [...history, { role: 'user', content: question }];
  const start = performance.now();
  const text = await composeReply({
    persona,
    profile,
    messages,
    seed,
    maxOutputTokens: profile.maxOutputTokens,
    system: `You are ${persona.name}.`,
  });
  return { text, ms: performance.now() - start };
}
