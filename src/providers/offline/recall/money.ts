import type { Persona } from '../../../persona/schema.js';

// What a person could pay, derived from the file: income (with its currency and period, or the
// country's currency when the file gives a bare number), and any amounts in the buying notes.

export interface Income {
  /** As written before the number: "$", "KES ", "R$", "AED " ... or a code from the location. */
  currency: string;
  perMonth: number;
}

const COUNTRY_CURRENCY: Array<[RegExp, string]> = [
  [/norway/i, 'NOK '],
  [/sweden/i, 'SEK '],
  [/denmark/i, 'DKK '],
  [/finland|germany|france|spain|italy|netherlands|ireland|austria|portugal|belgium/i, '€'],
  [/united kingdom|england|scotland|wales|\buk\b/i, '£'],
  [/japan/i, '¥'],
  [/india/i, '₹'],
  [/nigeria/i, '₦'],
  [/kenya/i, 'KES '],
  [/brazil/i, 'R$'],
  [/australia/i, 'AUD '],
  [/emirates|dubai/i, 'AED '],
  [/usa|united states|texas|ohio|california|new york/i, '$'],
];

const AMOUNT =
  /(R\$|[$£€¥₹₦]|\b(?:AED|KES|AUD|USD|EUR|GBP|NOK|SEK|DKK|INR|NGN|JPY|BRL)\s?)?\s?(\d[\d,]*(?:\.\d+)?)\s*(million|m\b|k\b|thousand|lakh|crore)?/i;

const MULTIPLIER: Record<string, number> = { million: 1e6, m: 1e6, k: 1e3, thousand: 1e3, lakh: 1e5, crore: 1e7 };

export function parseIncome(persona: Persona): Income | undefined {
  const raw = persona.data.baseSelection?.income;
  if (raw === undefined) return undefined;
  const text = String(raw);
  const match = AMOUNT.exec(text);
  if (!match) return undefined;
  const value = Number(match[2]!.replace(/,/g, '')) * (MULTIPLIER[(match[3] ?? '').toLowerCase()] ?? 1);
  if (!Number.isFinite(value) || value <= 0) return undefined;
  const monthly = /month|\/mo\b/i.test(text) ? value : value / 12;
  const location = persona.data.baseSelection?.location ?? '';
  const fromLocation = COUNTRY_CURRENCY.find(([pattern]) => pattern.test(location))?.[1];
  const currency = match[1] ? (/^[A-Z]{3}/.test(match[1].trim()) ? `${match[1].trim()} ` : match[1].trim()) : (fromLocation ?? '');
  return { currency, perMonth: monthly };
}

/** 1234 -> 1,200; 86 -> 85: amounts a person would say, not a calculator's. */
export function roundForSpeech(value: number): number {
  if (value < 20) return Math.max(1, Math.round(value));
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = value < 100 ? 5 : magnitude / 2;
  return Math.round(value / step) * step;
}

/**
 * 1234567 -> "1,234,567". Not toLocaleString: its first call loads the ICU locale data, measured at
 * over 100 ms of a one-shot ask on a busy machine.
 */
export function groupThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function formatAmount(currency: string, value: number): string {
  return `${currency}${groupThousands(roundForSpeech(value))}`;
}

/** A monthly range for a tool or service bought with one's own money: a small share of income, lower for the price-sensitive. */
export function personalRange(income: Income, sensitivity: number): { low: string; high: string } {
  const share = 0.008 + (1 - sensitivity) * 0.008;
  return {
    low: formatAmount(income.currency, income.perMonth * share * 0.35),
    high: formatAmount(income.currency, income.perMonth * share),
  };
}

/** Sentences from the file that name an amount (a sign-off limit, a lamp paid off at KES 50 a day). */
export function amountsIn(texts: readonly string[]): string[] {
  return texts.filter((t) => /(R\$|[$£€¥₹₦]|\b(AED|KES|AUD|NOK|USD|EUR|GBP|INR|NGN|BRL)\b)\s?\d|\d+\s?%/.test(t));
}
