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
export { forgetDialogueMemo } from '../../src/providers/offline/recall/dialogue-state.js';

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

// ---- scoring helpers (pure) ----
import { contentStems } from '../../src/providers/offline/understand/words.js';
import * as LINES from '../../src/providers/offline/realize/lines.js';
import type { TopicIntent } from '../../src/providers/offline/understand/intents.js';
import { isTopicIntent } from '../../src/providers/offline/understand/intents.js';

export { isTopicIntent };

function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Where a reply's substance came from: an authored line for the intent, a fact of an expected field, or neither. */
export function drawsOn(persona: Persona, intent: TopicIntent, reply: string): 'authored' | 'field' | undefined {
  const authored = authoredOf(persona).filter((a) => a.intent === intent);
  if (authored.some((a) => reply.includes(a.text.slice(0, 60)))) return 'authored';
  const fields = new Set(INTENT_FIELDS[intent]);
  const facts = factsOf(persona).filter((f) => fields.has(f.field));
  for (const sentence of sentencesOf(reply)) {
    const s = new Set(contentStems(sentence));
    for (const fact of facts) {
      const f = contentStems(fact.text);
      if (f.length === 0) continue;
      const shared = f.filter((x) => s.has(x)).length;
      if (shared / f.length >= 0.5) return 'field';
    }
  }
  if (intent === 'price' && /\d/.test(reply)) return 'field';
  return undefined;
}

const ENGINE_LINES = new Set(
  [...Object.values(LINES.DONT_KNOW), ...Object.values(LINES.COVERED), ...Object.values(LINES.NO_STORY)].flat().map((l) => l.toLowerCase()),
);

/** A follow-up is answered when the reply says something from the persona, not only the engine's own stock lines. */
export function answersFollowUp(reply: string): boolean {
  const rest = sentencesOf(reply).filter((s) => !ENGINE_LINES.has(s.toLowerCase()));
  return rest.join(' ').length >= 30;
}

/** Sentences of 40+ characters said more than once in one interview. */
export function repeatedSentences(replies: readonly string[]): string[] {
  const seen = new Map<string, number>();
  for (const reply of replies) for (const s of sentencesOf(reply)) if (s.length >= 40) seen.set(s, (seen.get(s) ?? 0) + 1);
  return [...seen.entries()].filter(([, n]) => n > 1).map(([s]) => s);
}
