import { asList, bigFive } from '../../persona/facts.js';
import { buildChatProfile } from '../../persona/profile.js';
import type { Persona } from '../../persona/schema.js';
import { findMoney, periodInWords, usdPerMonth, type Money } from './money.js';
import { contentWords, overlap } from './words.js';

// What a persona file says that bears on a survey answer: its facts by kind, stated money limits,
// income, and how price-sensitive and open the person is. Both the rule-based answerer and the
// consistency checks read these, so an answer and its check agree on what the persona said.

export type FactKind = 'objection' | 'painPoint' | 'motivation' | 'value' | 'goal' | 'challenge' | 'attitude' | 'buying' | 'quote';

export interface Fact {
  kind: FactKind;
  /** As written in the persona file. */
  text: string;
  /** Where it is in the file, e.g. generatedInsights.objections[2]. */
  path: string;
  words: Set<string>;
}

/** A most this person will pay: a stated budget, or a priced objection ("Another $12.99 a month"). */
export interface MoneyLimit {
  money: Money;
  usdPerMonth: number | undefined;
  fact: Fact;
}

export interface PersonaSignals {
  personaId: string;
  name: string;
  facts: Fact[];
  limits: MoneyLimit[];
  income: { usdPerMonth: number; text: string } | undefined;
  /** 0 (price hardly matters) .. 1 (every cent counts). */
  priceSensitivity: number;
  skepticism: number;
  openness: number;
  agreeableness: number;
  quote: string | undefined;
}

const PRICE_WORDS =
  /\b(price|pricing|priced|cost|costs|expensive|fee|fees|charge|charges|subscription|subscriptions|pay|paying|budget|afford|cheap|money|billing|dollars?|up front|interest)\b/i;
const LIMIT_WORDS =
  /\b(budget|afford|at most|no more than|max(imum)?|up to|spend|cap|ceiling|limit|won't pay|will not pay|on top of|another)\b/i;
const PREMIUM_WORDS = /\b(premium|luxury|pays? (a )?premium|quality over price|best available|price is not|money is not)\b/i;

const FACT_SOURCES: ReadonlyArray<[FactKind, (p: Persona) => unknown, string]> = [
  ['objection', (p) => p.data.generatedInsights?.objections, 'generatedInsights.objections'],
  ['painPoint', (p) => p.data.generatedInsights?.painPoints, 'generatedInsights.painPoints'],
  ['motivation', (p) => p.data.generatedInsights?.motivations, 'generatedInsights.motivations'],
  ['buying', (p) => p.data.generatedInsights?.buyingBehavior, 'generatedInsights.buyingBehavior'],
  ['value', (p) => p.data.psychographics?.values, 'psychographics.values'],
  ['attitude', (p) => p.data.psychographics?.attitudes, 'psychographics.attitudes'],
  ['goal', (p) => p.data.customInputs?.goals, 'customInputs.goals'],
  ['challenge', (p) => p.data.customInputs?.challenges, 'customInputs.challenges'],
  ['quote', (p) => p.data.customInputs?.quote, 'customInputs.quote'],
];

export function personaSignals(persona: Persona): PersonaSignals {
  const facts: Fact[] = [];
  for (const [kind, read, path] of FACT_SOURCES) {
    const value = read(persona) as string | string[] | undefined;
    const list = asList(value);
    list.forEach((text, i) => facts.push({ kind, text, path: Array.isArray(value) ? `${path}[${i}]` : path, words: contentWords(text) }));
  }
  const notes = persona.data.customInputs?.notes;
  const limits = moneyLimits([
    ...facts,
    ...(notes ? [{ kind: 'buying' as const, text: notes, path: 'customInputs.notes', words: contentWords(notes) }] : []),
  ]);
  const income = incomeOf(persona);
  const traits = bigFive(persona.data);
  const profile = buildChatProfile(persona.data);
  return {
    personaId: persona.id,
    name: persona.name,
    facts,
    limits,
    income,
    priceSensitivity: priceSensitivity(facts, income?.usdPerMonth),
    skepticism: profile.skepticism,
    openness: traits.openness,
    agreeableness: traits.agreeableness,
    quote: persona.data.customInputs?.quote,
  };
}

function moneyLimits(facts: Fact[]): MoneyLimit[] {
  const limits: MoneyLimit[] = [];
  for (const fact of facts) {
    if (fact.kind !== 'objection' && !LIMIT_WORDS.test(fact.text)) continue;
    for (const money of findMoney(fact.text)) {
      // "$12.99 a month on top of…" is a price they balk at; a one-off sum in a buying rule
      // ("signs off on anything over $25,000") is an approval line, also a limit.
      limits.push({ money, usdPerMonth: usdPerMonth(money), fact });
    }
  }
  return limits;
}

function incomeOf(persona: Persona): PersonaSignals['income'] {
  const raw = persona.data.baseSelection?.income;
  if (raw === undefined) return undefined;
  const text = String(raw);
  const found = findMoney(text);
  if (found.length === 0) return undefined;
  // A range ("$48,000-$70,000 a year") counts as its middle; a period stated anywhere applies.
  const first = found[0]!;
  const second =
    found[1] && found[1].currency === first.currency && /^\s*[-–]\s*/.test(text.slice(text.indexOf(first.text) + first.text.length))
      ? found[1]
      : undefined;
  const amount = second ? (first.amount + second.amount) / 2 : first.amount;
  const stated = second?.period ?? first.period;
  const period = stated !== 'once' ? stated : periodInWords(text) !== 'once' ? periodInWords(text) : 'year';
  const usd = usdPerMonth({ amount, currency: first.currency, period });
  return usd === undefined ? undefined : { usdPerMonth: usd, text };
}

function priceSensitivity(facts: Fact[], incomeUsdPerMonth: number | undefined): number {
  let score = 0.4;
  if (incomeUsdPerMonth !== undefined) {
    if (incomeUsdPerMonth < 1500) score += 0.35;
    else if (incomeUsdPerMonth < 4000) score += 0.2;
    else if (incomeUsdPerMonth < 10_000) score += 0.05;
    else if (incomeUsdPerMonth >= 20_000) score -= 0.15;
  }
  const priceFacts = facts.filter((f) => ['objection', 'painPoint', 'challenge'].includes(f.kind) && PRICE_WORDS.test(f.text)).length;
  score += Math.min(0.3, priceFacts * 0.08);
  if (facts.some((f) => PREMIUM_WORDS.test(f.text))) score -= 0.15;
  return Math.min(0.95, Math.max(0.05, score));
}

/**
 * The most this person would pay each month for a product like the one asked about, in USD: the
 * lowest stated limit that recurs monthly, else a share of income that shrinks with price sensitivity.
 */
export function willingnessToPayUsdPerMonth(signals: PersonaSignals): { usd: number; because: MoneyLimit | 'income' | 'default' } {
  const monthly = signals.limits.filter((l) => l.money.period !== 'once' && l.usdPerMonth !== undefined);
  if (monthly.length > 0) {
    const lowest = monthly.reduce((a, b) => (a.usdPerMonth! <= b.usdPerMonth! ? a : b));
    // A priced objection is a price already refused: stay under it.
    const usd = lowest.fact.kind === 'objection' ? lowest.usdPerMonth! * 0.75 : lowest.usdPerMonth!;
    return { usd, because: lowest };
  }
  if (signals.income)
    return { usd: clamp(signals.income.usdPerMonth * 0.004 * (1.2 - signals.priceSensitivity), 2, 2000), because: 'income' };
  return { usd: 20 * (1.2 - signals.priceSensitivity), because: 'default' };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

const NEVER_WORDS = /\b(never|won't|will not|refuses?|no way|not|only|without|needs?)\b/i;

/**
 * The objection these words match best, when they match it well; a "never"-style objection
 * ("Needs a credit card up front", "Annual billing only") needs less. The answerer and the
 * consistency check share it, so what one treats as ruled out the other does too.
 */
/** The objection the words match best, when they match it well; "never"-style objections need less. */
export function strongestObjection(
  signals: PersonaSignals,
  words: Set<string>,
  threshold: number,
  neverThreshold = threshold,
): Fact | undefined {
  let best: { fact: Fact; score: number } | undefined;
  for (const fact of signals.facts) {
    if (fact.kind !== 'objection') continue;
    const score = overlap(words, fact.words);
    const needed = NEVER_WORDS.test(fact.text) ? neverThreshold : threshold;
    if (score >= needed && fact.words.size > 0 && (!best || score > best.score)) best = { fact, score };
  }
  return best?.fact;
}
