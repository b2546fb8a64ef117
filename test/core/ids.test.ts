import { describe, expect, it } from 'vitest';
import { newId } from '../../src/core/ids.js';

describe('newId', () => {
  it('is 18 lower-case Crockford base32 characters, sorted by time, and unique across many pool refills', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => newId(1_700_000_000_000 + Math.floor(i / 100)));
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-hjkmnp-tv-z]{18}$/);
    expect(new Set(ids).size).toBe(ids.length);
    // Ids of later milliseconds sort after earlier ones, whatever their random part.
    expect(newId(1_700_000_000_001) > newId(1_700_000_000_000)).toBe(true);
    // The random part is spread over the whole alphabet, not stuck on a few characters.
    const randomChars = new Set(ids.flatMap((id) => [...id.slice(10)]));
    expect(randomChars.size).toBe(32);
  });
});
