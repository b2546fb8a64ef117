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

/** Not "Do you charge your car at home?", "What's the price for Netflix?", "your price range for a scanner", "Are your fees reimbursed?". */
const ASKS_OWN_CHARGE =
  /\b(?:what|how much) (?:do|would|did|will) you (?:charge|bill|ask)\b|\bdo you charge (?:for|per|by|extra|more|less|a|an)\b|\b(?:what(?:'s| is| are|'re)|how much (?:is|are)|tell me about) your (?:\w+ )?(?:rates?|prices?|fees?|pricing|day rate|hourly rate)\b(?! range)/i;

/**
 * A sentence where the person charges an amount: "She charges €60 for a check-up", "A farm visit is
 * charged at £65", "sell kegs to pubs for €140 each", "my day rate is €400", "$1,500-$4,000 per
 * TikTok", "priced at €1,800". Not "Bank charges of £15 a month" nor interest rates or school fees:
 * a charge of someone else's.
 */
const CHARGES =
  /\bcharges? (?:about |around |roughly )?(?:[$\u00a3\u20ac\u00a5\u20b9\u20a6]|\b(?:AED|KES|AUD|NOK|USD|EUR|GBP|INR|NGN|BRL)\b)|\bsells? [^.;]{0,60}\b(?:for|at) (?:about |around )?[$\u00a3\u20ac\u00a5\u20b9\u20a6]|\b(?:is|are) charged at\b|\bcharges? (?:customers|clients|patients|couples|members|farmers|people|for|per|by)\b|\b(?:my|his|her|their|our) (?:\w+ )?(?:day |hourly )?(?:rates?|fees?|prices?)\b|\bpriced at\b|\bper (?:hour|session|visit|wedding|job|day|post|video|tiktok|reel|shoot|class|lesson|night)\b/i;
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
