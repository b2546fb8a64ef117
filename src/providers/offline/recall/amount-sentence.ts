import type { Persona } from '../../../persona/schema.js';
import type { CountAnswer } from './count-sentence.js';
import { asksIncome } from './income-question.js';
import { AMOUNT, HYPOTHETICAL, MONEY_WORDS } from './money.js';
import { namedThings } from './named-thing.js';
import { asksOwnCharge } from './own-charge.js';
import { sentenceWith } from './sentence-with.js';

// "How much are your energy bills?", "What do you pay for your gallery service?": the amount of
// something the file names, and the file has it ("the energy bills (gas and electric about £140 a month)"). The
// sentence with an amount that shares most words with the question answers; without this the
// question read as a price question and got "I'd have to look it up". What the person would pay
// for something ("How much would you pay…?"), their income and their own charges have answers of
// their own.

/** "How much…", "What do you pay for…", "What does the gallery cost?". */
const ASKS_AMOUNT =
  /\bhow much\b|\bwhat (?:do|did) you (?:pay|spend)\b|\bwhat (?:does|did|do) (?:the |your |that |it )?[\w -]{0,30}\bcost\b/i;

/** The persona's own sentence with the amount asked about, else the fact (one sentence of it) with it; undefined otherwise. */
export function amountAnswerFor(persona: Persona, question: string): CountAnswer | undefined {
  if (!ASKS_AMOUNT.test(question) || HYPOTHETICAL.test(question) || asksIncome(question) || asksOwnCharge(question)) return undefined;
  // Only the things it names: "month" or "spend" would pick any amount, and a question whose words
  // are all cue words ("How much do you spend on groceries?") is the topic's, answered there.
  const asked = new Set(namedThings(question).filter((s) => !MONEY_WORDS.has(s)));
  if (asked.size === 0) return undefined;
  return sentenceWith(persona, (text) => AMOUNT.test(text), asked);
}
