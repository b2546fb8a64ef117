import type { Persona } from '../../persona/schema.js';
import type { ResultRow } from '../results/run-results.js';
import { findMoney, moneyUnit, usdPerMonth } from '../signals/money.js';
import { personaSignals, strongestObjection, type PersonaSignals } from '../signals/persona-signals.js';
import { contentWords } from '../signals/words.js';

// Persona adherence, deterministic: named rules, each comparing one answer with one fact of the
// persona file and quoting that fact when they disagree. Rules stay conservative (a flag should
// be worth a researcher's look); the model judge (--judge) catches what rules cannot.

export interface ConsistencyFlag {
  personaId: string;
  personaName: string;
  questionId: string;
  rule: string;
  answer: string;
  /** The persona's words the answer contradicts, quoted. */
  fact: string;
  /** Where the fact is in the persona file. */
  factPath: string;
  explanation: string;
  source: 'rules' | 'judge';
}

/** A stated limit is only exceeded when the answer is clearly above it. */
const TOLERANCE = 1.05;
/** Above this share of monthly income, a monthly price contradicts what the person earns. */
const INCOME_SHARE = 0.3;

export function checkRow(row: ResultRow, signals: PersonaSignals): ConsistencyFlag[] {
  if (row.status !== 'valid' || row.answer === null) return [];
  const flag = (rule: string, fact: { text: string; path: string }, explanation: string): ConsistencyFlag => ({
    personaId: row.personaId,
    personaName: row.personaName,
    questionId: row.question.id,
    rule,
    answer: row.answerText,
    fact: fact.text,
    factPath: fact.path,
    explanation,
    source: 'rules',
  });
  const flags: ConsistencyFlag[] = [];
  const question = row.question;

  if (question.type === 'number' && typeof row.answer === 'number') {
    const unit = moneyUnit(question.unit);
    if (unit) {
      const usd = usdPerMonth({ amount: row.answer, currency: unit.currency, period: unit.period });
      if (usd !== undefined) flags.push(...moneyFlags(usd, unit.period === 'once', signals, row.answerText, flag));
    }
  }

  if (question.type === 'single_choice' || question.type === 'multiple_choice') {
    const chosen = Array.isArray(row.answer) ? row.answer : [String(row.answer)];
    for (const option of chosen) {
      const money = findMoney(option)[0];
      const usd = money ? usdPerMonth(money) : undefined;
      if (money && usd !== undefined) flags.push(...moneyFlags(usd, money.period === 'once', signals, option, flag));
      const objection = strongestObjection(signals, contentWords(option), 0.6);
      if (objection) flags.push(flag('choice-matches-objection', objection, `chose "${option}", which is what this objection rules out`));
    }
  }

  if (question.type === 'yes_no' && row.answer === true) {
    const words = contentWords(question.text);
    const objection = strongestObjection(signals, words, 0.5, 0.34);
    if (objection) flags.push(flag('yes-against-objection', objection, 'answered yes to what this objection says they will not accept'));
  }

  if (question.type === 'scale' && typeof row.answer === 'number') {
    const top = question.min + 0.8 * (question.max - question.min);
    const objection = row.answer >= top ? strongestObjection(signals, contentWords(question.text), 0.5, 0.34) : undefined;
    if (objection)
      flags.push(
        flag('high-score-against-objection', objection, `rated ${row.answer} of ${question.max} although this objection speaks against it`),
      );
  }
  return flags;
}

type Flagger = (rule: string, fact: { text: string; path: string }, explanation: string) => ConsistencyFlag;

function moneyFlags(usd: number, oneOff: boolean, signals: PersonaSignals, answer: string, flag: Flagger): ConsistencyFlag[] {
  const flags: ConsistencyFlag[] = [];
  const limits = signals.limits.filter((l) => l.usdPerMonth !== undefined && (l.money.period === 'once') === oneOff);
  const exceeded = limits.filter((l) => usd > l.usdPerMonth! * TOLERANCE).sort((a, b) => a.usdPerMonth! - b.usdPerMonth!)[0];
  if (exceeded) {
    flags.push(
      flag(
        exceeded.fact.kind === 'objection' ? 'price-above-refused-price' : 'price-above-budget',
        exceeded.fact,
        `${answer} is more than the ${exceeded.money.text} the persona states`,
      ),
    );
  }
  if (!oneOff && signals.income && usd > signals.income.usdPerMonth * INCOME_SHARE) {
    flags.push(
      flag(
        'price-above-income-share',
        { text: signals.income.text, path: 'baseSelection.income' },
        `${answer} is more than ${INCOME_SHARE * 100}% of this income`,
      ),
    );
  }
  return flags;
}

/** Every rule over every answer of a run. `personaOf` gives the persona as it answered. */
export function checkRows(rows: ResultRow[], personaOf: (row: ResultRow) => Persona | undefined): ConsistencyFlag[] {
  const cache = new Map<string, PersonaSignals | undefined>();
  const flags: ConsistencyFlag[] = [];
  for (const row of rows) {
    if (!cache.has(row.personaId)) {
      const persona = personaOf(row);
      cache.set(row.personaId, persona ? personaSignals(persona) : undefined);
    }
    const signals = cache.get(row.personaId);
    if (signals) flags.push(...checkRow(row, signals));
  }
  return flags;
}
