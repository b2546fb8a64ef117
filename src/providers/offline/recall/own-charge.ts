import type { Persona } from '../../../persona/schema.js';
import { splitSentences } from './dialogue-state.js';
import { AMOUNT } from './money.js';
import { factsOf, type Fact } from './persona-facts.js';

// "What do you charge for a wedding?", "What are your rates?": the person's own price to their
// customers, not what they would pay for software. The price topic's facts are about paying
// ("Pays €29 a month for Pic-Time galleries"), so the question got one of those. The answer is a
// sentence of the file that charges an amount ("A farm visit is charged at £65 plus drugs and
// time"), else the income when it says what it comes from ("about €42,000 a year, from roughly 28
// weddings"): no price per job is ever worked out from it.

const ASKS_OWN_CHARGE =
  /\b(?:do|would|did|will) you (?:charge|bill|quote)\b|\bhow much (?:do|would|will) you (?:charge|bill|ask)\b|\byour (?:rates?|prices?|fees?|pricing|day rate|hourly rate)\b|\bwhat(?:'s| is| are) the (?:rate|fee|price) for\b/i;

/** A sentence that charges an amount: "is charged at £65", "my day rate is €400" (not "the AWS bill"). */
const CHARGES = /\b(?:charg\w*|rates?|fees?|priced at)\b/i;
/** The person paying rather than charging: "Pays €29 a month for…", "the subscription costs…". */
const PAYS = /\b(?:pays?|paid|paying|subscription|spends?|spent)\b/i;

/** A sentence about charging, unless paying comes first in it ("TB testing … pays poorly" after the charge is fine). */
function charges(sentence: string): boolean {
  const charge = CHARGES.exec(sentence);
  const pays = PAYS.exec(sentence);
  return charge !== null && (pays === null || pays.index > charge.index);
}

/** Whether `question` asks what the person charges their own customers. */
export function asksOwnCharge(question: string): boolean {
  return ASKS_OWN_CHARGE.test(question);
}

/** The sentence with what the person charges, else an income fact that says what it comes from; undefined when the file has neither. */
export function ownChargeFact(persona: Persona): Fact | undefined {
  for (const fact of factsOf(persona)) {
    if (fact.field === 'income') continue;
    const sentence = splitSentences(fact.text).find((s) => charges(s) && AMOUNT.test(s));
    if (sentence) return { ...fact, text: sentence };
  }
  return factsOf(persona).find((f) => f.field === 'income' && /\bfrom\b/i.test(f.text) && AMOUNT.test(f.text));
}
