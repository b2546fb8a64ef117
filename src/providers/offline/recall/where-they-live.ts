import type { Persona } from '../../../persona/schema.js';
import { splitSentences } from './dialogue-state.js';
import { factsOf, type Fact } from './persona-facts.js';

// "Where do you live?", "Where are you based?": no interview topic is about this, so the question
// was read by its words and got "Honestly? No idea." from people whose file gives a location. The
// answer is the location field, else a sentence of the file that says where they live.

const ASKS_WHERE =
  /\bwhere (?:do|did) you (?:live|stay)\b|\bwhere are you (?:based|from|located|living)\b|\bwhere(?:'s| is) (?:home|your home)\b|\bwhat (?:city|town|country|part of \w+) (?:do you live in|are you (?:in|from))\b/i;

/** A sentence that says where the person lives: "He lives in Govan", "lives in a glade in the forest", "based in Lagos". */
const LIVES = /\b(?:lives?|living|resides?)\s+(?:in|at|on|near|outside)\b|\b(?:based|from)\s+(?:in\s+|at\s+)?(?:the\s+)?\p{Lu}/u;

/** Whether `question` asks where the person lives. */
export function asksWhereTheyLive(question: string): boolean {
  return ASKS_WHERE.test(question);
}

/** The file's location, else its first sentence saying where the person lives; undefined when it says neither. */
export function whereTheyLiveFact(persona: Persona): Fact | undefined {
  const facts = factsOf(persona);
  const location = facts.find((f) => f.field === 'location');
  if (location) return location;
  for (const fact of facts) {
    const sentence = splitSentences(fact.text).find((s) => LIVES.test(s));
    if (sentence) return { ...fact, text: sentence };
  }
  return undefined;
}
