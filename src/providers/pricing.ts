import type { Config } from '../core/config.js';
import type { Usage } from '../core/messages.js';

// List prices in USD per million tokens, as the providers published them when this table was
// written. A model that is not here has an unknown cost (callers show "cost unknown", never $0);
// `persona config` prices override any entry or add new ones.
//
// Keys are base model ids. A dated snapshot or `-latest` alias of a key (`gpt-4o-2024-08-06`,
// `claude-sonnet-4-5-20250929`, `claude-3-5-haiku-latest`) costs the same as the key, unless
// the snapshot has its own exact entry. Other suffixes are different models: `gpt-4o-mini` is
// not `gpt-4o`, `gpt-5.1` is not `gpt-5`.

export type ModelPrice = NonNullable<Config['prices']>[string];

const anthropic = (input: number, output: number): ModelPrice => ({
  input,
  output,
  // Anthropic bills cache reads at 0.1x and 5-minute cache writes at 1.25x the input price.
  cachedInput: round(input * 0.1),
  cacheWrite: round(input * 1.25),
});

export const PRICES: Readonly<Record<string, ModelPrice>> = {
  // OpenAI
  'gpt-4o': { input: 2.5, output: 10, cachedInput: 1.25 },
  'gpt-4o-2024-05-13': { input: 5, output: 15 },
  'chatgpt-4o-latest': { input: 5, output: 15 },
  'gpt-4o-mini': { input: 0.15, output: 0.6, cachedInput: 0.075 },
  'gpt-4.1': { input: 2, output: 8, cachedInput: 0.5 },
  'gpt-4.1-mini': { input: 0.4, output: 1.6, cachedInput: 0.1 },
  'gpt-4.1-nano': { input: 0.1, output: 0.4, cachedInput: 0.025 },
  'gpt-5': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gpt-5-chat-latest': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gpt-5-mini': { input: 0.25, output: 2, cachedInput: 0.025 },
  'gpt-5-nano': { input: 0.05, output: 0.4, cachedInput: 0.005 },
  'gpt-5.1': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gpt-5.1-chat-latest': { input: 1.25, output: 10, cachedInput: 0.125 },
  'gpt-5.2': { input: 1.75, output: 14, cachedInput: 0.175 },
  'gpt-5.2-chat-latest': { input: 1.75, output: 14, cachedInput: 0.175 },
  'gpt-4-turbo': { input: 10, output: 30 },
  'gpt-3.5-turbo': { input: 0.5, output: 1.5 },
  o1: { input: 15, output: 60, cachedInput: 7.5 },
  'o1-mini': { input: 1.1, output: 4.4, cachedInput: 0.55 },
  o3: { input: 2, output: 8, cachedInput: 0.5 },
  'o3-mini': { input: 1.1, output: 4.4, cachedInput: 0.55 },
  'o3-pro': { input: 20, output: 80 },
  'o4-mini': { input: 1.1, output: 4.4, cachedInput: 0.275 },

  // Anthropic
  // Published rates, November 2026 (Anthropic's model pages): Sonnet 5 and 5.5 at $2/$10,
  // Opus 5 at $5/$25, Sonnet 4.6 at $3/$15.
  'claude-sonnet-5-5': anthropic(2, 10),
  'claude-sonnet-5': anthropic(2, 10),
  'claude-opus-5': anthropic(5, 25),
  'claude-sonnet-4-6': anthropic(3, 15),
  'claude-opus-4-5': anthropic(5, 25),
  'claude-opus-4-1': anthropic(15, 75),
  'claude-opus-4-0': anthropic(15, 75),
  'claude-opus-4': anthropic(15, 75),
  'claude-sonnet-4-5': anthropic(3, 15),
  'claude-sonnet-4-0': anthropic(3, 15),
  'claude-sonnet-4': anthropic(3, 15),
  'claude-3-7-sonnet': anthropic(3, 15),
  'claude-3-5-sonnet': anthropic(3, 15),
  'claude-haiku-4-5': anthropic(1, 5),
  'claude-3-5-haiku': anthropic(0.8, 4),
  'claude-3-haiku': anthropic(0.25, 1.25),
  'claude-3-opus': anthropic(15, 75),
};

/** `-2024-08-06`, `-20250929` or `-latest` after a base id. */
const SNAPSHOT_SUFFIX = /^-(\d{4}-\d{2}-\d{2}|\d{8}|latest)$/;

/** The price for `model`: an override wins over the built-in table; unknown -> undefined. */
export function priceFor(model: string, overrides?: Config['prices']): ModelPrice | undefined {
  return (overrides && lookup(model, overrides)) ?? lookup(model, PRICES);
}

function lookup(model: string, table: Readonly<Record<string, ModelPrice>>): ModelPrice | undefined {
  if (Object.hasOwn(table, model)) return table[model];
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    if (model.startsWith(key) && SNAPSHOT_SUFFIX.test(model.slice(key.length)) && (!best || key.length > best.length)) {
      best = key;
    }
  }
  return best === undefined ? undefined : table[best];
}

/**
 * USD for one reply. `usage.inputTokens` counts every prompt token, cached ones included (see
 * the adapters); the cached share is charged at the cached rate and the share written to the
 * cache at the write rate, each falling back to the plain input rate when the price has none.
 */
export function costOf(usage: Usage, price: ModelPrice): number {
  const cacheRead = usage.cacheReadTokens ?? 0;
  const cacheWrite = usage.cacheWriteTokens ?? 0;
  const uncached = Math.max(0, usage.inputTokens - cacheRead - cacheWrite);
  const micro =
    uncached * price.input +
    cacheRead * (price.cachedInput ?? price.input) +
    cacheWrite * (price.cacheWrite ?? price.input) +
    usage.outputTokens * price.output;
  return micro / 1_000_000;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
