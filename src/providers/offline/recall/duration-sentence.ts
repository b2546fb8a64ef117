import type { Persona } from '../../../persona/schema.js';
import { JOB_WORDS, workStems } from '../understand/leaving-work.js';
import { contentStems } from '../understand/words.js';
import type { CountAnswer } from './count-sentence.js';
import { sentenceWith } from './sentence-with.js';

// "How long did you drive buses?", "How long have you used Epicor?": a stretch of time is asked
// for, and the file has it ("He drove for First Glasgow for 31 years", "installed in 2011"): the
// sentence with a duration, a "since" or a year that shares most words with the question. Without
// this the question went by its topic and got the person's age and pension.

// No bare "a": "a shift", "£560 a season" are rates, not stretches of time.
const NUMBER = String.raw`(?:\d+(?:[.,]\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|a few|a couple of|several|many)`;
const UNIT = String.raw`(?:years?|months?|weeks?|days?|decades?|hours?|minutes?)`;

/**
 * A stretch of time: "31 years", "nine business days", "12.5-hour", "since 2019". Not
 * an amount ("£43,000 a year") nor a rate ("60 litres a day", "a shift"): no currency before the
 * number, no "a", "per" or "every" before the unit.
 */
export const DURATION = new RegExp(
  String.raw`(?<![\u00a3$\u20ac\u00a5\u20b9\u20a6\d.,])\b${NUMBER}(?:[\s-]+(?!(?:a|an|per|each|every)\b)[a-z]+){0,2}?[\s-]+${UNIT}\b|\bsince\s+(?:(?:19|20)\d\d|[a-z]+)\b`,
  'i',
);
const YEAR = /\b(?:in|from)\s+(?:19|20)\d\d\b/i;
const STARTED =
  /\b(?:started|starting|began|begun|founded|joined|opened|installed|moved|set up|took over|established|launched|qualified|married|retired|bought|inherited|signed)\b/i;

/** "How long have you been a nurse?" is answered by "qualified for fourteen years": words of a career. */
const CAREER = contentStems('career qualified trained practising');

/** Words of a "how long" question that say nothing about what it is about. */
const NOT_THE_SUBJECT = new Set(contentStems('long how take took ago been'));

/** "How long …?", "Since when …?", "How many years …?": a stretch of time is asked for. */
export function asksHowLong(question: string): boolean {
  return /\bhow long\b|\bsince when\b|\bhow many (?:years|months|weeks|decades)\b/i.test(question);
}

/** The persona's own sentence with the duration, else the fact (one sentence of it) with it; undefined when the file has none. */
export function durationAnswerFor(persona: Persona, question: string): CountAnswer | undefined {
  if (!asksHowLong(question)) return undefined;
  const asked = new Set(contentStems(question).filter((s) => !NOT_THE_SUBJECT.has(s)));
  if (asked.size === 0) return undefined;
  // "How long have you been a dentist?": the work's own words count too ("run her own practice … for 12 years").
  const work = workStems(persona.data.baseSelection?.occupation);
  if ([...asked].some((s) => work.has(s) || JOB_WORDS.has(s))) for (const s of [...CAREER, ...work]) asked.add(s);
  return sentenceWith(persona, hasDuration, asked);
}

/**
 * A stretch of time, or a year with a verb of starting next to it: "installed in 2011", "co-owns
 * the practice since 2009". A year alone is no answer: "In 2021 the practice spent £18,000 on an
 * X-ray" does not say how long they have had the practice, nor "a 2017 Toyota Hilux" the truck.
 */
function hasDuration(text: string): boolean {
  return DURATION.test(text) || (YEAR.test(text) && STARTED.test(text));
}
