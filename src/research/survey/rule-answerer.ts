import type { AnswerValue } from '../../core/run-records.js';
import { findMoney, fromUsdPerMonth, moneyUnit, usdPerMonth } from '../signals/money.js';
import { strongestObjection, willingnessToPayUsdPerMonth, type Fact, type PersonaSignals } from '../signals/persona-signals.js';
import { contentWords, overlap } from '../signals/words.js';
import type { Question } from './survey-schema.js';

// The offline engine's survey answers: rules over the persona's facts, no model. The same persona
// and question always give the same answer. Each answer names the fact that drove it, and the
// reason is built from that fact, so a researcher can see why (and the consistency checks, reading
// the same signals, find nothing to flag in an answer the rules gave).

export interface RuleAnswer {
  answer: AnswerValue;
  reason: string;
}

const POSITIVE_KINDS = new Set(['motivation', 'goal', 'value', 'painPoint', 'challenge', 'attitude', 'buying']);
const ORDINAL_UP = /\b(very|extremely|definitely|always|strongly agree|agree|likely|yes|love|often|high|much)\b/i;
const ORDINAL_DOWN = /\b(not|never|unlikely|disagree|no|hate|rarely|low|little|none)\b/i;
const BUDGET_WORDS = /\b(free|basic|starter|lite|cheapest|student|budget|essential)\b/i;
const PREMIUM_WORDS = /\b(premium|pro|plus|enterprise|unlimited|business|team|advanced|deluxe)\b/i;

interface Driver {
  fact: Fact | undefined;
  score: number;
}

export function answerByRules(signals: PersonaSignals, question: Question, context = ''): RuleAnswer {
  const questionWords = contentWords(`${question.text} ${question.description ?? ''} ${context}`);
  switch (question.type) {
    case 'single_choice': {
      const ordinal = ordinalOrder(question.options);
      if (ordinal) {
        const mood = disposition(signals, question.text, questionWords);
        const target = ((mood.score + 1) / 2) * (ordinal.length - 1);
        const chosen = ordinal[Math.round(target)]!;
        return { answer: chosen, reason: reasonFrom(signals, mood.fact, mood.score) };
      }
      const scored = question.options.map((option) => ({ option, ...optionScore(signals, option, questionWords) }));
      const best = pickBest(scored, signals.personaId + question.id);
      return { answer: best.option, reason: reasonFrom(signals, best.fact, best.score, best.option) };
    }
    case 'multiple_choice': {
      const scored = question.options.map((option, index) => ({ option, index, ...optionScore(signals, option, questionWords) }));
      const min = question.minChoices ?? 1;
      const max = question.maxChoices ?? question.options.length;
      const ranked = [...scored].sort((a, b) => b.score - a.score || tieBreak(signals.personaId + question.id, a.index, b.index));
      const liked = ranked.filter((s) => s.score > 0.05);
      const chosen = (liked.length >= min ? liked : ranked.slice(0, min)).slice(0, max);
      const picked = question.options.filter((o) => chosen.some((c) => c.option === o));
      const lead = chosen[0]!;
      return { answer: picked, reason: reasonFrom(signals, lead.fact, lead.score, lead.option) };
    }
    case 'scale': {
      const mood = disposition(signals, question.text, questionWords);
      const value = question.min + Math.round(((mood.score + 1) / 2) * (question.max - question.min));
      return { answer: value, reason: reasonFrom(signals, mood.fact, mood.score) };
    }
    case 'yes_no': {
      const mood = disposition(signals, question.text, questionWords);
      return { answer: mood.score >= 0, reason: reasonFrom(signals, mood.fact, mood.score) };
    }
    case 'number':
      return numberAnswer(signals, question, questionWords);
    case 'free_text': {
      const mood = disposition(signals, question.text, questionWords);
      const text = reasonFrom(signals, mood.fact, mood.score);
      return {
        answer: text.slice(0, question.maxLength ?? 600),
        reason: mood.fact ? `It comes down to ${describeKind(mood.fact)}.` : 'That is how I see it.',
      };
    }
  }
}

/** -1 (against) .. 1 (for), and the fact that weighed most. */
function disposition(signals: PersonaSignals, text: string, words: Set<string>): Driver {
  const against = bestFact(signals, words, (f) => f.kind === 'objection');
  const forIt = bestFact(signals, words, (f) => POSITIVE_KINDS.has(f.kind));
  let score = (signals.openness - 0.5) * 0.4 - (signals.skepticism - 0.5) * 0.4 + (signals.agreeableness - 0.5) * 0.2;
  score += 0.6 * forIt.score - 0.9 * against.score;
  let fact = against.score * 0.9 >= forIt.score * 0.6 ? against.fact : forIt.fact;
  // Something the person has ruled out is a firm no, whatever else speaks for it.
  const ruledOut = strongestObjection(signals, contentWords(text), 0.5, 0.34);
  if (ruledOut) return { fact: ruledOut, score: -0.8 };
  const price = priceIn(text);
  if (price !== undefined) {
    const { usd, because } = willingnessToPayUsdPerMonth(signals);
    if (price > usd) {
      score -= 0.5 + Math.min(0.5, price / usd - 1);
      if (typeof because === 'object') fact = because.fact;
    } else score += 0.2;
  }
  return { fact, score: clamp(score, -1, 1) };
}

function bestFact(signals: PersonaSignals, words: Set<string>, keep: (fact: Fact) => boolean): Driver {
  let best: Driver = { fact: undefined, score: 0 };
  for (const fact of signals.facts) {
    if (!keep(fact)) continue;
    const score = overlap(words, fact.words);
    if (score > best.score) best = { fact, score };
  }
  return { fact: best.score >= 0.25 ? best.fact : undefined, score: best.score >= 0.25 ? Math.min(1, best.score) : 0 };
}

function optionScore(signals: PersonaSignals, option: string, questionWords: Set<string>): Driver {
  const words = contentWords(option);
  const against = bestFact(signals, words, (f) => f.kind === 'objection');
  const forIt = bestFact(signals, new Set([...words, ...questionWords]), (f) => POSITIVE_KINDS.has(f.kind) && overlap(words, f.words) > 0);
  let score = 0.6 * forIt.score - 0.9 * against.score;
  let fact = against.score * 0.9 >= forIt.score * 0.6 ? against.fact : forIt.fact;
  const ruledOut = strongestObjection(signals, words, 0.6);
  if (ruledOut) return { fact: ruledOut, score: -2 };
  if (BUDGET_WORDS.test(option)) score += signals.priceSensitivity - 0.5;
  if (PREMIUM_WORDS.test(option)) score += 0.5 - signals.priceSensitivity;
  const price = priceIn(option);
  if (price !== undefined) {
    const { usd, because } = willingnessToPayUsdPerMonth(signals);
    if (price > usd) {
      score -= 0.6 + Math.min(0.6, price / usd - 1);
      if (typeof because === 'object') fact = because.fact;
    } else score += 0.15 * (price / usd);
  }
  return { fact, score };
}

function numberAnswer(signals: PersonaSignals, question: Extract<Question, { type: 'number' }>, words: Set<string>): RuleAnswer {
  const money =
    moneyUnit(question.unit) ??
    (priceIn(question.text) !== undefined || /\b(pay|price|spend|cost)\b/i.test(question.text)
      ? { currency: 'USD', period: 'month' as const }
      : undefined);
  let value: number;
  let reason: string;
  if (money) {
    const wtp = willingnessToPayUsdPerMonth(signals);
    value = fromUsdPerMonth(wtp.usd, money.currency, money.period) ?? wtp.usd;
    reason =
      typeof wtp.because === 'object'
        ? `${capitalize(wtp.because.fact.text)}: I won't go past that.`
        : wtp.because === 'income'
          ? `On what I earn (${signals.income!.text}), that is what I'd put toward something like this.`
          : `That is about what I'd spend on something like this.`;
  } else {
    const stated = numberNear(signals, question.unit);
    const mood = disposition(signals, question.text, words);
    if (stated) {
      value = stated.value;
      reason = `${capitalize(stated.fact.text)}.`;
    } else {
      const low = question.min ?? 0;
      const high = question.max ?? Math.max(low + 10, low * 2);
      value = low + ((mood.score + 1) / 2) * (high - low);
      reason = reasonFrom(signals, mood.fact, mood.score);
    }
  }
  value = clamp(value, question.min ?? -Infinity, question.max ?? Infinity);
  value = question.integer || Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 100) / 100;
  return { answer: value, reason };
}

/** "640 employees" in the persona, for a question counted in employees. */
function numberNear(signals: PersonaSignals, unit: string): { value: number; fact: Fact } | undefined {
  const unitWords = contentWords(unit);
  for (const fact of signals.facts) {
    for (const match of fact.text.matchAll(/(\d[\d,.]*)\s+([\p{L}-]+)/gu)) {
      if (contentWords(match[2]!).size > 0 && overlap(contentWords(match[2]!), unitWords) > 0) {
        const value = Number(match[1]!.replace(/,/g, ''));
        if (Number.isFinite(value)) return { value, fact };
      }
    }
  }
  return undefined;
}

/** A price named in the text, in USD per month (a one-off counts as is). */
function priceIn(text: string): number | undefined {
  const money = findMoney(text)[0];
  return money ? usdPerMonth(money) : undefined;
}

/** Options that read as a ladder ("Very likely" … "Not at all likely"), top first; else undefined. */
function ordinalOrder(options: readonly string[]): string[] | undefined {
  const scores = options.map(
    (o) => (ORDINAL_UP.test(o) ? 1 : 0) + (/\b(very|extremely|strongly|definitely)\b/i.test(o) ? 1 : 0) - (ORDINAL_DOWN.test(o) ? 2 : 0),
  );
  const graded = scores.filter((s) => s !== 0).length;
  if (options.length < 3 || graded < options.length - 1) return undefined;
  return options
    .map((option, i) => ({ option, score: scores[i]! }))
    .sort((a, b) => a.score - b.score)
    .map((o) => o.option);
}

function pickBest<T extends Driver & { option: string }>(scored: T[], seed: string): T {
  return scored.reduce((best, next, i) =>
    next.score > best.score || (next.score === best.score && tieBreak(seed, i, scored.indexOf(best)) < 0) ? next : best,
  );
}

/** A stable order for equal scores, different per persona x question. */
function tieBreak(seed: string, a: number, b: number): number {
  return hash(`${seed}:${a}`) - hash(`${seed}:${b}`);
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** The reason, in the first person, built around the fact that decided the answer. */
function reasonFrom(signals: PersonaSignals, fact: Fact | undefined, score: number, option?: string): string {
  if (!fact) {
    if (option) return score >= 0 ? `${option} fits how I work well enough.` : `None of it speaks to me, but ${option} is the least bad.`;
    if (signals.quote) return `As I always say: "${signals.quote}"`;
    return score >= 0 ? 'It sounds reasonable to me.' : "I'm not convinced.";
  }
  const text = fact.text.replace(/[.\s]+$/, '');
  switch (fact.kind) {
    case 'objection':
      return `My worry is this: ${lowerFirst(text)}.`;
    case 'painPoint':
    case 'challenge':
      return `What I deal with today: ${lowerFirst(text)}.`;
    case 'motivation':
    case 'goal':
      return `What I'm after: ${lowerFirst(text)}.`;
    case 'value':
      return `What matters to me: ${lowerFirst(text)}.`;
    case 'attitude':
    case 'buying':
      return `That's how I buy: ${lowerFirst(text)}.`;
    case 'quote':
      return `As I always say: "${text}"`;
  }
}

function describeKind(fact: Fact): string {
  return {
    objection: 'a worry',
    painPoint: 'what I deal with',
    challenge: 'what I deal with',
    motivation: 'what I want',
    goal: 'what I want',
    value: 'what I value',
    attitude: 'how I buy',
    buying: 'how I buy',
    quote: 'what I always say',
  }[fact.kind];
}

function lowerFirst(text: string): string {
  // Keep acronyms and names ("SKU", "Epicor") as written.
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
