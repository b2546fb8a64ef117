import type { Persona } from '../../../persona/schema.js';
import { splitSentences } from './dialogue-state.js';
import { AMOUNT } from './money.js';
import { factsOf, type Fact } from './persona-facts.js';

// "How much do you earn?", "What's your salary?", "What do you make a year?": the file's income is
// the answer, said as the person says it. Without this the question fell to the money-at-home
// topic (the household budget, what the joint account pays) or, read as "how much?" about nothing,
// to a price hedge: "I would have to check before naming a number. On £43,000 a year…".
// Only questions about the person's income itself, in the forms that ask it: "earn your trust",
// "a tool that helps you earn more", "an app that tracks your income", "Do your clients pay you on
// time?", "What do you make of AI?" are not about pay, and "How much of your income goes on rent?"
// asks about the rent.

const ASKS_INCOME = new RegExp(
  [
    // The income named as the person's: "What's your salary?", "Is your income enough?", "your take-home pay".
    String.raw`\b(?:what(?:'s| is| was)|how much is|is|was|tell me about) your (?:\w+ )?(?:income|salary|earnings|wages?|take[- ]home pay)\b`,
    String.raw`\bhow much (?:money )?(?:do|did|does|would|will) (?:you|they|your \w+) (?:earn|make|take home|bring home|bring in)\b`,
    String.raw`\bhow much (?:do|does|did|will) (?:they|your \w+|it) pay you\b`,
    String.raw`\bwhat (?:do|did|does|would|will) (?:you|they|your \w+) (?:earn|take home|bring in)\b`,
    String.raw`\b(?:do|did|does) you earn\b`,
    String.raw`\bwhat (?:do|did) you (?:make|bring in|take home)\s+(?:a|an|per|each|every|in an?)\s+(?:year|month|week|day|hour|shift)\b`,
  ].join('|'),
  'i',
);

/** A share of the income, or its tax: what it pays for is the subject, not the income. */
const PART_OF_INCOME =
  /\b(?:of|from|on|out of) (?:your|the|their|my|his|her) (?:\w+ )?(?:income|salary|earnings|wages?|pay(?:check|cheque)?)\b|\bincome tax\b/i;

/** Whether `question` asks what the person earns. */
export function asksIncome(question: string): boolean {
  return ASKS_INCOME.test(question) && !PART_OF_INCOME.test(question);
}

/** A sentence about what comes in, with its amount: "His income is the state pension plus …, about £1,650 a month". */
const INCOME_WORDS = /\b(?:income|earns?|earned|earning|salary|wages?|pension|paid|takes? home|brings? home|take-home)\b/i;

/**
 * The file's income: its income field, else (a Character Card's description, an agent's notes) the
 * first sentence of any field that speaks of income and gives an amount.
 */
export function incomeFact(persona: Persona): Fact | undefined {
  const facts = factsOf(persona);
  const field = facts.find((f) => f.field === 'income');
  if (field) return field;
  for (const fact of facts) {
    const sentence = splitSentences(fact.text).find((s) => INCOME_WORDS.test(s) && AMOUNT.test(s));
    if (sentence) return { ...fact, text: sentence };
  }
  return undefined;
}
