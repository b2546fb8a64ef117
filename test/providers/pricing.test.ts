import { describe, expect, it } from 'vitest';
import { costOf, priceFor, PRICES } from '../../src/providers/pricing.js';

describe('priceFor', () => {
  it('finds a model by its exact id', () => {
    expect(priceFor('gpt-4o-mini')).toEqual({ input: 0.15, output: 0.6, cachedInput: 0.075 });
  });

  it('prices a dated snapshot or -latest alias like its base model', () => {
    expect(priceFor('gpt-4o-2024-08-06')).toBe(PRICES['gpt-4o']);
    expect(priceFor('claude-sonnet-4-5-20250929')).toBe(PRICES['claude-sonnet-4-5']);
    expect(priceFor('claude-opus-4-20250514')).toBe(PRICES['claude-opus-4']);
    expect(priceFor('claude-3-5-haiku-latest')).toBe(PRICES['claude-3-5-haiku']);
  });

  it('prefers a snapshot with its own price over its base model', () => {
    expect(priceFor('gpt-4o-2024-05-13')).toEqual({ input: 5, output: 15 });
  });

  it('never prices a different model as its prefix', () => {
    expect(priceFor('gpt-4o-mini-2024-07-18')).toBe(PRICES['gpt-4o-mini']);
    expect(priceFor('claude-opus-4-1-20250805')).toBe(PRICES['claude-opus-4-1']);
    expect(priceFor('gpt-5.9')).toBeUndefined();
    expect(priceFor('gpt-4o-audio-preview')).toBeUndefined();
  });

  it('returns undefined for a model it does not know, so callers show the cost as unknown', () => {
    expect(priceFor('llama3.2:3b')).toBeUndefined();
  });

  it('lets configured prices win over the table and add new models', () => {
    const overrides = { 'gpt-4o': { input: 1, output: 2 }, 'llama3.2': { input: 0, output: 0 } };
    expect(priceFor('gpt-4o', overrides)).toEqual({ input: 1, output: 2 });
    expect(priceFor('gpt-4o-2024-11-20', overrides)).toEqual({ input: 1, output: 2 });
    expect(priceFor('llama3.2', overrides)).toEqual({ input: 0, output: 0 });
    expect(priceFor('gpt-4.1', overrides)).toBe(PRICES['gpt-4.1']);
  });

  it('gives Anthropic models cache reads at 0.1x and cache writes at 1.25x the input price', () => {
    expect(priceFor('claude-sonnet-4-5')).toEqual({ input: 3, output: 15, cachedInput: 0.3, cacheWrite: 3.75 });
    expect(priceFor('claude-haiku-4-5')).toEqual({ input: 1, output: 5, cachedInput: 0.1, cacheWrite: 1.25 });
  });
});

describe('costOf', () => {
  it('charges input and output per million tokens', () => {
    expect(costOf({ inputTokens: 2_000_000, outputTokens: 500_000 }, { input: 2.5, output: 10 })).toBeCloseTo(5 + 5, 10);
  });

  it('charges the cached share of the input at the cached rate', () => {
    // 600k uncached * 2.5 + 400k cached * 1.25 + 100k out * 10 = 1.5 + 0.5 + 1.0
    const cost = costOf(
      { inputTokens: 1_000_000, outputTokens: 100_000, cacheReadTokens: 400_000 },
      { input: 2.5, output: 10, cachedInput: 1.25 },
    );
    expect(cost).toBeCloseTo(3, 10);
  });

  it('charges cache writes at the write rate and cache reads at the read rate', () => {
    // 200 uncached * 3 + 500 read * 0.3 + 300 written * 3.75 + 1000 out * 15 = 600 + 150 + 1125 + 15000 (per million)
    const usage = { inputTokens: 1000, outputTokens: 1000, cacheReadTokens: 500, cacheWriteTokens: 300 };
    expect(costOf(usage, priceFor('claude-sonnet-4-5')!)).toBeCloseTo(0.016875, 12);
  });

  it('charges cached tokens at the full input rate when the price has no cached rate', () => {
    expect(costOf({ inputTokens: 1_000_000, outputTokens: 0, cacheReadTokens: 1_000_000 }, { input: 4, output: 8 })).toBeCloseTo(4, 10);
  });

  it('is zero only for zero tokens', () => {
    expect(costOf({ inputTokens: 0, outputTokens: 0 }, { input: 3, output: 15 })).toBe(0);
    expect(costOf({ inputTokens: 1, outputTokens: 0 }, { input: 3, output: 15 })).toBeGreaterThan(0);
  });
});
