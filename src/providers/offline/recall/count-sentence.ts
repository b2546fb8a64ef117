import type { Persona } from '../../../persona/schema.js';
import { STOP, stem } from '../understand/words.js';
import { splitSentences } from './dialogue-state.js';
import { authoredSentencesOf, nounKey, nounKeys } from './index.js';
import { factsOf, type Fact } from './persona-facts.js';

// "How many children do you have?" asks for a count, and the file has it ("Married, four children,
// two of them at university"; "I run a finance team of eleven"): the sentence where a number
// stands next to a thing the question names. Without this the question read as "how much" and
// got the money answer ("I'd have to check before I gave you a number").

const NUMBER =
  /^(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|hundreds|thousand|thousands|dozen|dozens|both|twins)$/;

/** How far before the thing its number may stand: "seven Friesian-cross dairy cows". */
const BEFORE = 4;

export type CountAnswer = { text: string } | { fact: Fact };

/** Words counted alike: "how many kids" is answered by "one son aged 7". */
const COUNTED_ALIKE: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['kid', 'child', 'children', 'son', 'daughter', 'twin']),
  new Set(['people', 'person', 'employee', 'staff', 'worker', 'team', 'crew', 'hand', 'headcount']),
  new Set(['grandchild', 'grandchildren', 'grandkid', 'grandson', 'granddaughter']),
];

const isSmall = (w: string) => STOP.has(stem(w)) || /^\d+$/.test(w);

/**
 * What a "how many" question counts (the words after "how many", up to the first small word, and
 * what is counted alike) and the rest of what it names; undefined for another question. "How many
 * customers come in a day?" counts customers, not days.
 */
/** "How many …?": a count is asked for, not an amount of money. */
export function asksHowMany(question: string): boolean {
  return /\bhow many\b/i.test(question);
}

function countIn(question: string): { counted: Set<string>; named: Set<string> } | undefined {
  // Every reply asks; most questions are no count, and a test is cheaper than reading the words.
  if (!asksHowMany(question)) return undefined;
  const words = nounKeys(question);
  const at = words.findIndex((w, i) => w === 'how' && words[i + 1] === 'many');
  if (at < 0) return undefined;
  const after = words.slice(at + 2);
  const end = after.findIndex(isSmall);
  const phrase = after.slice(0, end < 0 ? after.length : end).slice(0, 3);
  if (phrase.length === 0) return undefined;
  const counted = new Set(phrase.flatMap((w) => [w, ...(COUNTED_ALIKE.find((alike) => alike.has(w)) ?? [])]));
  return { counted, named: new Set([...counted, ...words.filter((w) => w !== 'how' && w !== 'many' && !isSmall(w))]) };
}

/** Words, numbers and amounts as written ("friesian-cross", "30-second", "$6,200"), and punctuation apart. */
function tokensOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}$£€¥₹₦][\p{L}\p{N},.'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]|[^\s\p{L}\p{N}]/gu) ?? [];
}

/** A count: a number word or a whole number that is not a year ("in 2011"); an amount of money is no count. */
const isCount = (token: string) => NUMBER.test(token) && !/^(?:19|20)\d\d$/.test(token);

/**
 * Whether a number counts one of `things` in `tokens`: before it with only describing words
 * between ("seven Friesian-cross dairy cows"; not across a comma or a small word: "desk by seven,
 * and the first hour", "two ventilated patients a shift"), or after "of" ("a team of eleven").
 */
function countsOneOf(tokens: readonly string[], things: ReadonlySet<string>): boolean {
  return tokens.some((token, i) => {
    if (!things.has(nounKey(token))) return false;
    for (let j = i - 1; j >= Math.max(0, i - BEFORE); j--) {
      const before = tokens[j]!;
      if (isCount(before)) return true;
      if (!/^[\p{L}]/u.test(before) || STOP.has(stem(before))) break;
    }
    return tokens[i + 1] === 'of' && isCount(tokens[i + 2] ?? '');
  });
}

/** How many of the question's things a sentence names: "a finance team of eleven" answers "people on your finance team" better than "640 people". */
function named(words: readonly string[], things: ReadonlySet<string>): number {
  return new Set(words.filter((w) => things.has(w))).size;
}

type Count = NonNullable<ReturnType<typeof countIn>>;

/** The best of `candidates` with a number next to a counted thing: most of the question's things named, the first on a tie. */
function best<T extends { text: string; words: readonly string[] }>(candidates: readonly T[], count: Count): T | undefined {
  let found: T | undefined;
  let score = 0;
  for (const candidate of candidates) {
    if (!countsOneOf(tokensOf(candidate.text), count.counted)) continue;
    const n = named(candidate.words, count.named);
    if (n > score) [found, score] = [candidate, n];
  }
  return found;
}

/** The persona's own sentence with the count, else the fact (one sentence of it) with it; undefined when the file has none. */
export function countAnswerFor(persona: Persona, question: string): CountAnswer | undefined {
  const count = countIn(question);
  if (!count) return undefined;
  const own = best(authoredSentencesOf(persona), count);
  if (own) return { text: own.text };
  const sentences = factsOf(persona).flatMap((fact) => splitSentences(fact.text).map((text) => ({ fact, text, words: nounKeys(text) })));
  const found = best(sentences, count);
  return found ? { fact: { ...found.fact, text: found.text } } : undefined;
}
