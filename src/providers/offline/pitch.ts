import type { AnswerContext } from './answers.js';
import type { Fact } from './facts.js';
import { FACT_CUES } from './intents.js';
import * as R from './reaction-lines.js';
import { topicStems } from './topic-match.js';

// A pitch ("We built an app that automates your weekly planning for $15/month. Would you use it?")
// deserves an answer to that pitch: a verdict, the price said back in the persona's terms, and
// whether the thing touches a problem this person actually has. The verdict weighs fit with their
// pains and goals against their scepticism and any worry about cost.

export interface PitchDetails {
  /** What the user built, with "you/your" turned to "me/my": "an app that automates my weekly planning". */
  thing?: string;
  /** The price the user named, said out loud: "$15 a month". */
  price?: string;
}

const UNITS: Record<string, string> = {
  month: 'a month',
  mo: 'a month',
  monthly: 'a month',
  year: 'a year',
  yr: 'a year',
  annually: 'a year',
  week: 'a week',
  wk: 'a week',
  day: 'a day',
  user: 'per user',
  seat: 'per seat',
  person: 'per person',
};

/** "$15/month" -> "$15 a month", "£20 per user" -> "£20 per user", "$99" -> "$99". */
export function priceMentioned(text: string): string | undefined {
  const match = text.match(
    /([$€£₦¥₹])\s?(\d[\d,]*(?:\.\d+)?k?)(?:\s*(?:\/|per|a|an|each)\s*|\s+)?(month|monthly|mo|year|yr|annually|week|wk|day|user|seat|person)?\b/i,
  );
  if (!match) return undefined;
  const unit = match[3] ? UNITS[match[3].toLowerCase()] : undefined;
  return unit ? `${match[1]}${match[2]} ${unit}` : `${match[1]}${match[2]}`;
}

const SWAP: Record<string, string> = {
  your: 'my',
  yours: 'mine',
  you: 'me',
  yourself: 'myself',
  my: 'your',
  me: 'you',
  our: 'your',
  we: 'you',
  us: 'you',
};

/** The thing pitched, as the persona would name it back. */
export function thingPitched(text: string): string | undefined {
  const named =
    text.match(
      /\b((?:an?|the|this|our)\s+(?:[\w-]+\s+){0,2}?(?:app|tool|platform|service|product|bot|assistant|extension|plugin|dashboard|system|website|marketplace|software|subscription|device|course)\b[^.?!]*?)(?=\s+(?:for|at|costing|that costs)\s+[$€£₦¥₹]|\s*[.,?!;]|$)/i,
    )?.[1] ??
    text.match(
      /\bwe(?:'ve| have| are|'re)?\s+(?:built|made|building|making|launched|created|launching)\s+([^.?!]+?)(?=\s+(?:for|at)\s+[$€£₦¥₹]|\s*[.,?!;]|$)/i,
    )?.[1];
  if (!named) return undefined;
  const spoken = named
    .replace(/\b(your|yours|you|yourself|my|me|our|we|us)\b/gi, (w) => SWAP[w.toLowerCase()] ?? w)
    .replace(/^our\b/i, 'your')
    .replace(/[^\p{L}\p{N}\s$€£%&+'’.-]/gu, '')
    .trim();
  const words = spoken.split(/\s+/);
  return words.length >= 2 && words.length <= 12 ? spoken.charAt(0).toLowerCase() + spoken.slice(1) : undefined;
}

export function pitchDetails(text: string): PitchDetails {
  return { thing: thingPitched(text), price: priceMentioned(text) };
}

/** Words that make a fact about money. Whole words only: "fee" must not match "feel". */
export const MONEY =
  /(\b(price[sd]?|pricing|costs?|costly|expensive|cheap|budgets?|afford\w*|money|roi|pay|paying|paid|subscriptions?|fees?|spend\w*|discounts?|licen[cs]es?|contracts?|cash|dollars?|per[- ](user|seat)|upsold|upsell\w*)\b|[$€£₦¥₹]\s?\d)/i;

/** Facts about money that make a recurring price a sore point. */
function worriesAboutCost(fact: Fact): boolean {
  return (fact.kind === 'objection' || fact.kind === 'painPoint' || fact.kind === 'challenge') && MONEY.test(fact.raw);
}

/** "$15 a month? That adds up fast." or, when money is not their worry, "$15 a month is fine if...". */
export function priceReaction(ctx: AnswerContext, price: string): string {
  return ctx.say.line(ctx.picker.any(worriesAboutCost) ? R.PRICE_WORRY : R.PRICE_FINE, { price });
}

export function reactToPitch(ctx: AnswerContext): string[] {
  const { say, picker, style } = ctx;
  const { thing, price } = pitchDetails(ctx.userText);
  const pitchStems = new Set(topicStems(thing ?? ctx.userText));
  const [fit] = picker.pick({ painPoint: 3, challenge: 2.5, goal: 2 }, 1, {
    accept: (f) => f.stems.size > 0 && [...pitchStems].some((s) => f.stems.has(s)),
  });
  const costWorry = price !== undefined && picker.any(worriesAboutCost);
  const score = (fit ? 0.9 : 0) - (costWorry ? 0.5 : 0) - style.skepticism * 0.8 + (1 - style.skepticism) * 0.3 + ctx.rng.float() * 0.2;
  const verdict = say.line(score >= 0.35 ? R.PITCH_YES : score <= -0.35 ? R.PITCH_NO : R.PITCH_MAYBE);

  const reasons: string[] = [];
  if (fit) reasons.push(say.line(R.PITCH_FITS, { x: fit.spoken.text }));
  else if (thing) {
    reasons.push(say.line(R.PITCH_MISSES, { thing }));
    const [pain] = picker.pick({ painPoint: 3, challenge: 2 }, 1);
    if (pain) reasons.push(say.line(R.REAL_PROBLEM, { x: pain.spoken.text }));
  }
  if (price) reasons.splice(costWorry && !fit ? 0 : reasons.length, 0, priceReaction(ctx, price));
  if (score < 0.35 || reasons.length < 2) {
    const [doubt] = picker.pick({ objection: 3 }, 1, { cue: price ? MONEY : FACT_CUES.pitch });
    if (doubt) reasons.push(say.fact(doubt));
  }
  if (reasons.length === 0) {
    const [hook] = picker.pick({ motivation: 2, painPoint: 2, goal: 1.5 }, 1, { cue: FACT_CUES.pitch });
    if (hook) reasons.push(say.fact(hook));
  }
  // The verdict and its first reason are one thought: a terse persona still says why.
  const [first, ...rest] = reasons;
  return [first ? `${verdict} ${first}` : verdict, ...rest];
}
