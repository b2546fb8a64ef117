import { capitalize } from './text.js';

// A hedge ("honestly", "to be honest", "frankly") softens a reply once; twice in one reply it reads
// as a tic ("Because X, honestly. Honestly, Y."). Templates carry their own hedges, so the reply as
// a whole keeps only the first.

const HEDGE = String.raw`(?:honestly|to be honest|frankly|in all honesty)`;
/** Each removable form of a hedge, with how to close the gap it leaves. */
const FORMS: ReadonlyArray<{ pattern: RegExp; fix: (match: string, ...groups: string[]) => string }> = [
  // "Honestly? Probably not." / "Honestly, I don't know." at a sentence start.
  {
    pattern: new RegExp(String.raw`(^|[.!?]\s+|\n(?:\d+\.\s+)?)${HEDGE}[?,!]\s+(\S)`, 'gi'),
    fix: (_m, before, next) => `${before}${capitalize(next!)}`,
  },
  // "Because X, honestly." / "The hard part, honestly: X".
  { pattern: new RegExp(String.raw`,\s+${HEDGE}(?=[.!?:;,])`, 'gi'), fix: () => '' },
];
const ANY_HEDGE = new RegExp(String.raw`\b${HEDGE}\b`, 'i');

/** The reply with every hedge after the first taken out, where it can go without breaking a sentence. */
export function dropRepeatedHedges(text: string): string {
  const first = ANY_HEDGE.exec(text);
  if (!first) return text;
  const keepUntil = first.index + first[0].length;
  let rest = text.slice(keepUntil);
  for (const { pattern, fix } of FORMS) rest = rest.replace(pattern, fix as (substring: string, ...args: string[]) => string);
  return text.slice(0, keepUntil) + rest;
}

/** "I don't know much about that", "no strong view on X": an answer that opening lines must not dress up. */
const NOT_KNOWING =
  /\b(?:(?:don't|do not) know much|know very little|(?:is|that)(?: not|n't) something I know|outside my world|no idea|no clue|not the right person|(?:no|don't have a|do not have a) (?:strong|firm) (?:view|opinion)|(?:haven't|have not) really thought)\b/i;

export function admitsNotKnowing(sentence: string | undefined): boolean {
  return sentence !== undefined && NOT_KNOWING.test(sentence);
}
