// "How much do you earn?", "What's your salary?", "What do you make a year?": the file's income is
// the answer, said as the person says it. Without this the question fell to the money-at-home
// topic (the household budget, what the joint account pays) or, read as "how much?" about nothing,
// to a price hedge: "I would have to check before naming a number. On £43,000 a year…".
// "Earn your trust" and "earn its place" are not about pay, nor "What do you make of AI?".

const ASKS_INCOME = new RegExp(
  [
    String.raw`\b(?:income|salary|salaries|wages?|earnings|take[- ]home pay)\b`,
    String.raw`\bearn(?:s|ed|ing)?\b(?!\s+(?:your|my|our|their|its|his|her|the|a)\s+(?:trust|respect|business|loyalty|place|keep|spot|stripes))`,
    String.raw`\bhow much (?:do|does|did|would) (?:you|they|your \w+) (?:make|get paid|pay you)\b`,
    // Not "What do you make of AI?" nor a baker's "What do you make?": what they make in a stretch of time.
    String.raw`\bwhat (?:do|did) you (?:make|bring in|take home)\s+(?:a|an|per|each|every|in an?)\s+(?:year|month|week|day|hour|shift)\b`,
    String.raw`\b(?:do|does|did|will) (?:they|your \w+|it) pay you\b`,
    String.raw`\b(?:get|are you|were you) paid\b(?! for\b)`,
  ].join('|'),
  'i',
);

/** Whether `question` asks what the person earns. */
export function asksIncome(question: string): boolean {
  return ASKS_INCOME.test(question);
}
