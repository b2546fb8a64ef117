import { capitalize } from '../realize/frames.js';
import { contentStems, QUESTION_LEAD_IN, stems } from '../understand/words.js';
import { DURATION } from './duration-sentence.js';
import { AMOUNT, HYPOTHETICAL, MONEY_WORDS } from './money.js';

// "How much does it cost?", "How long have you had it?", a bare "How much?": asked right after a
// reply that named an amount or a stretch of time ("a season ticket at Ibrox for 40 years, about
// £560 a season"), they ask for that figure, not for what the person would pay for software.
// A question that names something of its own ("How much is your rent?") is not asked back.

const TIME_WORDS: ReadonlySet<string> = new Set(stems('long take took last lasted'));

const ASKS_AGAIN = new RegExp(String.raw`${QUESTION_LEAD_IN}how (much|long)\b`, 'i');
const AMOUNTS = new RegExp(AMOUNT.source, 'gi');
const DURATIONS = new RegExp(DURATION.source, 'gi');

/** How many replies back the figure may be: "How much?" then "And how long?" both ask about the answer before. */
const REPLIES_BACK = 2;

/**
 * The figure of a recent reply that `question` asks about again, as a short answer ("About £560 a
 * season.", "For 40 years."), or undefined. Of several, the most complete (a range, a period: "$8
 * to $15 a month" over "Above $15"), the last on a tie: a reply reasons towards its figure
 * ("…that's $160,000 a year in salary, so I'd look at $40,000 to $80,000 a year").
 */
export function figureAskedBack(question: string, replies: readonly string[]): string | undefined {
  const asks = ASKS_AGAIN.exec(question)?.[1]?.toLowerCase();
  // "How much would you pay for it?" after what it costs now asks something else.
  if (!asks || HYPOTHETICAL.test(question)) return undefined;
  const own = asks === 'much' ? MONEY_WORDS : TIME_WORDS;
  if (contentStems(question).some((s) => !own.has(s))) return undefined;
  for (const reply of replies.slice(-REPLIES_BACK).reverse()) {
    const found = mostComplete([...reply.matchAll(asks === 'much' ? AMOUNTS : DURATIONS)]);
    if (!found) continue;
    // "for 40 years", "since 2014": the word that makes it a stretch of time comes with it.
    const before = asks === 'long' ? /\b(for|since|over|in)\s+$/i.exec(reply.slice(0, found.index))?.[1] : undefined;
    // A figure at the end of its sentence carries the full stop ("€28,000."): one is enough.
    const figure = found[0].trim().replace(/[.,]+$/, '');
    return `${capitalize(before ? `${before.toLowerCase()} ${figure}` : figure)}.`;
  }
  return undefined;
}

function mostComplete(found: readonly RegExpMatchArray[]): RegExpMatchArray | undefined {
  const completeness = (m: RegExpMatchArray) =>
    (/\s(?:to|-|\u2013)\s/.test(m[0]) ? 2 : 0) + (/\s(?:a|an|per|each)\s\w+$/.test(m[0]) ? 1 : 0);
  return found.reduce<RegExpMatchArray | undefined>((best, m) => (best && completeness(best) > completeness(m) ? best : m), undefined);
}
