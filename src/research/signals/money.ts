// Money in free text: "$285,000", "£43,000 a year", "KES 90,000 a month", "₹55 lakh", "R$1,800",
// "AED 1.4 million", "$12.99 a month". Rates to USD are rough, fixed figures: they only ever
// compare magnitudes (is $60 above a budget of R$100?), never produce a number anyone reads as
// a price.

export type Period = 'day' | 'week' | 'month' | 'year' | 'once';

export interface Money {
  amount: number;
  currency: string;
  period: Period;
  /** The words the amount was read from, as written. */
  text: string;
}

/** Approximate USD per unit. */
export const USD_PER_UNIT: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  JPY: 0.0067,
  CNY: 0.14,
  INR: 0.012,
  NGN: 0.00065,
  KES: 0.0077,
  ZAR: 0.055,
  AED: 0.27,
  NOK: 0.093,
  SEK: 0.095,
  DKK: 0.145,
  CHF: 1.12,
  BRL: 0.18,
  MXN: 0.055,
  CAD: 0.73,
  AUD: 0.65,
  NZD: 0.6,
  SGD: 0.74,
};

const SYMBOLS: ReadonlyArray<[string, string]> = [
  ['R$', 'BRL'],
  ['A$', 'AUD'],
  ['AU$', 'AUD'],
  ['C$', 'CAD'],
  ['NZ$', 'NZD'],
  ['S$', 'SGD'],
  ['US$', 'USD'],
  ['KSh', 'KES'],
  ['$', 'USD'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['¥', 'JPY'],
  ['₦', 'NGN'],
  ['₹', 'INR'],
  ['kr', 'NOK'],
];
const WORDS: Readonly<Record<string, string>> = {
  dollar: 'USD',
  dollars: 'USD',
  euro: 'EUR',
  euros: 'EUR',
  pound: 'GBP',
  pounds: 'GBP',
  yen: 'JPY',
  rupees: 'INR',
  naira: 'NGN',
  shillings: 'KES',
  reais: 'BRL',
  real: 'BRL',
  kroner: 'NOK',
  krone: 'NOK',
  dirhams: 'AED',
};
const CODES = Object.keys(USD_PER_UNIT);
const MULTIPLIERS: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
  lakh: 1e5,
  lakhs: 1e5,
  crore: 1e7,
  crores: 1e7,
};

const escape = (text: string) => text.replace(/[$.*+?^()[\]{}|\\]/g, '\\$&');
const PREFIX = [...SYMBOLS.map(([symbol]) => escape(symbol)), ...CODES].join('|');
const NUMBER = String.raw`\d[\d,. ]*\d|\d`;
const MULTIPLIER = Object.keys(MULTIPLIERS).join('|');
const SUFFIX = [...CODES, ...Object.keys(WORDS)].join('|');
const PERIOD = String.raw`(?:\s*(?:a|an|per|each|every|\/)\s*(day|week|month|mo|year|yr|annum)\b|\s*(monthly|annually|yearly|weekly|daily)\b)?`;

const PREFIXED = new RegExp(String.raw`(?<![A-Za-z])(${PREFIX})\s?(${NUMBER})(?:\s?(${MULTIPLIER})\b)?${PERIOD}`, 'g');
const SUFFIXED = new RegExp(String.raw`(?<![\w.,])(${NUMBER})(?:\s?(${MULTIPLIER})\b)?\s?(${SUFFIX})\b${PERIOD}`, 'gi');

/** Every amount of money in the text, in order of appearance. */
export function findMoney(text: string): Money[] {
  const found: Array<Money & { at: number }> = [];
  for (const match of text.matchAll(PREFIXED)) {
    const currency = currencyOf(match[1]!);
    const amount = amountOf(match[2]!, match[3]);
    if (currency && amount !== undefined)
      found.push({ amount, currency, period: periodOf(match[4] ?? match[5]), text: match[0].trim(), at: match.index });
  }
  for (const match of text.matchAll(SUFFIXED)) {
    if (found.some((m) => Math.abs(m.at - match.index) < 3)) continue;
    const currency = currencyOf(match[3]!);
    const amount = amountOf(match[1]!, match[2]);
    if (currency && amount !== undefined)
      found.push({ amount, currency, period: periodOf(match[4] ?? match[5]), text: match[0].trim(), at: match.index });
  }
  return found.sort((a, b) => a.at - b.at).map(({ at: _at, ...money }) => money);
}

function currencyOf(token: string): string | undefined {
  const symbol = SYMBOLS.find(([s]) => s === token)?.[1];
  if (symbol) return symbol;
  const upper = token.toUpperCase();
  if (CODES.includes(upper)) return upper;
  return WORDS[token.toLowerCase()];
}

/** "1,800" "1.200" (thousands), "12.99" "1,5" (decimals), "1.4" million. */
export function amountOf(digits: string, multiplier?: string): number | undefined {
  const compact = digits.replace(/ /g, '');
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    normal = compact.replace(decimal === ',' ? /\./g : /,/g, '').replace(',', '.');
  } else {
    const sep = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : '';
    const groups = sep ? compact.split(sep) : [compact];
    const thousands = groups.length > 2 || (groups.length === 2 && groups[1]!.length === 3 && !multiplier);
    normal = thousands ? groups.join('') : groups.join('.');
  }
  const value = Number(normal);
  if (!Number.isFinite(value)) return undefined;
  return value * (multiplier ? (MULTIPLIERS[multiplier.toLowerCase()] ?? 1) : 1);
}

function periodOf(word: string | undefined): Period {
  if (!word) return 'once';
  const w = word.toLowerCase();
  if (w.startsWith('d')) return 'day';
  if (w.startsWith('w')) return 'week';
  if (w.startsWith('mo')) return 'month';
  return 'year';
}

const PER_MONTH: Record<Exclude<Period, 'once'>, number> = { day: 30, week: 4.33, month: 1, year: 1 / 12 };

/** The amount in USD per month (or once, for a one-off), or undefined for an unknown currency. */
export function usdPerMonth(money: Pick<Money, 'amount' | 'currency' | 'period'>): number | undefined {
  const rate = USD_PER_UNIT[money.currency];
  if (rate === undefined) return undefined;
  return money.amount * rate * (money.period === 'once' ? 1 : PER_MONTH[money.period]);
}

/** Converts a USD-per-month figure into a currency and period. */
export function fromUsdPerMonth(usd: number, currency: string, period: Period): number | undefined {
  const rate = USD_PER_UNIT[currency];
  if (rate === undefined) return undefined;
  return usd / rate / (period === 'once' ? 1 : PER_MONTH[period]);
}

/** What a number question's unit says about money: "USD per month", "€ a year", "dollars". */
export function moneyUnit(unit: string): { currency: string; period: Period } | undefined {
  const probe = findMoney(`${unit.match(/^[^\d\s]+/)?.[0] ?? ''}1 ${unit}`)[0] ?? findMoney(`1 ${unit}`)[0];
  const currency = probe?.currency ?? currencyInWords(unit);
  if (!currency) return undefined;
  return { currency, period: periodInWords(unit) };
}

function currencyInWords(text: string): string | undefined {
  for (const token of text.split(/[^\p{L}$£€¥₦₹]+/u)) {
    const currency = currencyOf(token) ?? SYMBOLS.find(([symbol]) => token.includes(symbol))?.[1];
    if (currency) return currency;
  }
  return undefined;
}

export function periodInWords(text: string): Period {
  const match = /\b(day|daily|week|weekly|month|monthly|mo|year|yearly|annual|annually|annum|yr)\b/i.exec(text);
  if (!match) return 'once';
  const w = match[1]!.toLowerCase();
  if (w === 'daily') return 'day';
  if (w.startsWith('annu')) return 'year';
  return periodOf(w);
}
