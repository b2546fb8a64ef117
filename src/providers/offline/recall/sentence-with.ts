import type { Persona } from '../../../persona/schema.js';
import { contentStems } from '../understand/words.js';
import type { CountAnswer } from './count-sentence.js';
import { splitSentences } from './dialogue-state.js';
import { authoredSentencesOf } from './index.js';
import { factsOf } from './persona-facts.js';

// The search a "how long" or "how much is X" question makes: among the sentences that have what
// it asks for (a stretch of time, an amount), the one sharing most of its words. The person's own
// lines first, then the file's facts one sentence at a time.

/** The candidate that `has` what is asked sharing the most of `asked` (the first on a tie); none sharing one, none. */
function best<T extends { text: string }>(
  candidates: readonly T[],
  has: (text: string) => boolean,
  asked: ReadonlySet<string>,
): T | undefined {
  let found: T | undefined;
  let score = 0;
  for (const candidate of candidates) {
    if (!has(candidate.text)) continue;
    const shared = new Set(contentStems(candidate.text).filter((s) => asked.has(s))).size;
    if (shared > score) [found, score] = [candidate, shared];
  }
  return found;
}

/** The persona's own sentence that `has` it and shares most of `asked`, else such a sentence of a fact; undefined when there is none. */
export function sentenceWith(persona: Persona, has: (text: string) => boolean, asked: ReadonlySet<string>): CountAnswer | undefined {
  const own = best(authoredSentencesOf(persona), has, asked);
  if (own) return { text: own.text };
  const sentences = factsOf(persona).flatMap((fact) => splitSentences(fact.text).map((text) => ({ fact, text })));
  const found = best(sentences, has, asked);
  return found ? { fact: { ...found.fact, text: found.text } } : undefined;
}
