import { stems } from '../understand/words.js';

// Amounts as the file gives them. The engine never derives a figure the file does not state (a
// budget guessed from income would be an invented number): it quotes the file's own amounts, or the
// person says they would have to check.

/**
 * 1234567 -> "1,234,567". Not toLocaleString: its first call loads the ICU locale data, measured at
 * over 100 ms of a one-shot ask on a busy machine.
 */
export function groupThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** A currency as files write it before an amount: a sign (£ € ¥ ₹ ₦, escaped: the bundle is ASCII) or a code. */
const CURRENCY = String.raw`(?:R\$|[$\u00a3\u20ac\u00a5\u20b9\u20a6]|\b(?:AED|KES|AUD|NOK|USD|EUR|GBP|INR|NGN|BRL)\b)`;
const NAMES_AMOUNT = new RegExp(String.raw`${CURRENCY}\s?\d|\d+\s?%`);

/** Sentences from the file that name an amount (a sign-off limit, a lamp paid off at KES 50 a day). */
export function amountsIn(texts: readonly string[]): string[] {
  return texts.filter((t) => NAMES_AMOUNT.test(t));
}

const FIGURE = String.raw`\d[\d,.]*(?:\s?(?:million|billion|thousand|k|m)\b)?`;
const PER = String.raw`\s(?:a|an|per|each)\s(?:month|year|week|day|hour|night|season|term|visit|session)\b`;
/**
 * An amount of money as said: "about ₦400,000", "$8 to $15 a month", "KES 200 to 300 a month". The
 * second figure of a range needs its currency or a period after it: "₦50,000 to 2 suppliers" is
 * an amount and a count.
 */
export const AMOUNT = new RegExp(
  String.raw`(?:\b(?:about|around|roughly|nearly|almost|over|under)\s)?${CURRENCY}\s?${FIGURE}` +
    String.raw`(?:\s(?:to|-|\u2013)\s(?:${CURRENCY}\s?${FIGURE}|${FIGURE}(?=${PER})))?(?:${PER})?`,
  'i',
);

/** Words that only say a question is about money ("how much does it cost"): not what it is about. */
export const MONEY_WORDS: ReadonlySet<string> = new Set(stems('much cost costs price pay paid spend spent charge charged worth'));

/** What the person would pay, not what something costs them: the price topic's question. */
export const HYPOTHETICAL = /\b(?:how much|what) (?:would|could|might|will|should) you\b|\bwilling to\b/i;
