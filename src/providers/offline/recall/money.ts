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

/** Sentences from the file that name an amount (a sign-off limit, a lamp paid off at KES 50 a day). */
export function amountsIn(texts: readonly string[]): string[] {
  return texts.filter((t) => /(R\$|[$£€¥₹₦]|\b(AED|KES|AUD|NOK|USD|EUR|GBP|INR|NGN|BRL)\b)\s?\d|\d+\s?%/.test(t));
}
