import { stem, STOP } from '../understand/words.js';
import { endSentence } from './frames.js';

// Where a persona's catch-phrase goes in a reply. Most are said before the point ("okay but hear me
// out", "no because literally"), some after it ("you know?", a motto of a whole sentence), and
// pasted after the last sentence a lead-in reads as a line cut off: "…plus music. no because literally".

/** A tag asks for agreement after the point: "you know?", "right?", "innit". */
const TAG = /\?\s*$|^(?:you know|right|innit|eh|yeah|or what|isn't it|no)[?.!…]?$/i;
/** A phrase ending on a word no sentence ends on leads straight into the next words: "no because literally …". */
const DANGLING =
  /(?:\b(?:because|cos|cuz|literally|like|so|but|and|or|honestly|basically|actually|genuinely|look|listen|see|well|the|a|an|to|of|if|when|is|was)|[:,—–-]|\.\.\.|…)$/i;
/** Words from which a phrase is a sentence of its own rather than an interjection. */
const LONG_WORDS = 7;
/** "I", "I'm", "I'd": kept as written when a lead-in runs into them. */
const FIRST_PERSON = /^I(?:'[a-z]+|’[a-z]+)?\b/;

/**
 * The reply's parts with `phrase` in its place, or undefined when it would not read well here (a
 * lead-in before a sentence that opens on a name, whose capital letter could not be lowered).
 */
export function withCatchPhrase(parts: readonly string[], phrase: string): string[] | undefined {
  const said = phrase.trim();
  const [first, ...rest] = parts;
  if (!said || first === undefined) return undefined;
  if (TAG.test(said)) return [...parts, /[.!?…]$/.test(said) ? said : `${said}?`];
  // A motto of a whole sentence ("Show me it works on my phone…, and that my money lands the same
  // day.") closes the answer; a short phrase is said before the point.
  if (!DANGLING.test(said)) return said.split(/\s+/).length >= LONG_WORDS ? [...parts, endSentence(said)] : [endSentence(said), ...parts];
  const firstWord = /^\S+/.exec(first)?.[0] ?? '';
  if (FIRST_PERSON.test(firstWord)) return [`${said} ${first}`, ...rest];
  // Only a word that is never a name loses its capital: "If it saves me an hour" but not "Epicor is".
  const bare = firstWord.toLowerCase().replace(/[^a-z']/g, '');
  if (!bare || !STOP.has(stem(bare))) return undefined;
  return [`${said} ${first.charAt(0).toLowerCase()}${first.slice(1)}`, ...rest];
}
