import { describe, expect, it } from 'vitest';
import { manualClock } from './fixtures.js';
import type { StoreFactory } from './store-factory.js';

/** The per-user request limit of `persona serve`, counted in the database. */
export function admitRequestBehaviour(freshStore: StoreFactory): void {
  describe('admitRequest', () => {
    it('admits 10 requests in a minute and refuses the 11th with the wait until the oldest leaves the window', async () => {
      const clock = manualClock();
      const store = await freshStore({ now: clock.now });
      for (let i = 0; i < 10; i++) {
        expect(await store.admitRequest('alice', 10)).toBe(0);
        clock.advance(1000);
      }
      // 10 s after the first request: it leaves the window 50 s from now.
      expect(await store.admitRequest('alice', 10)).toBe(50_000);
      clock.advance(20_000);
      expect(await store.admitRequest('alice', 10)).toBe(30_000);
    });

    it('counts nothing for a refused request: the window slides as the oldest requests age out', async () => {
      const clock = manualClock();
      const store = await freshStore({ now: clock.now });
      expect(await store.admitRequest('alice', 2)).toBe(0);
      clock.advance(30_000);
      expect(await store.admitRequest('alice', 2)).toBe(0);
      clock.advance(10_000);
      // Refused attempts do not push the window on.
      expect(await store.admitRequest('alice', 2)).toBe(20_000);
      expect(await store.admitRequest('alice', 2)).toBe(20_000);
      clock.advance(20_000);
      // The first request is 60 s old: out of the window; the second is still in it.
      expect(await store.admitRequest('alice', 2)).toBe(0);
      expect(await store.admitRequest('alice', 2)).toBe(30_000);
      clock.advance(30_000);
      expect(await store.admitRequest('alice', 2)).toBe(0);
    });

    it('waits at least 1 ms when the oldest request is about to leave', async () => {
      const clock = manualClock();
      const store = await freshStore({ now: clock.now });
      expect(await store.admitRequest('alice', 1)).toBe(0);
      clock.advance(59_999);
      expect(await store.admitRequest('alice', 1)).toBe(1);
    });

    it('keeps each user on their own allowance', async () => {
      const clock = manualClock();
      const store = await freshStore({ now: clock.now });
      expect(await store.admitRequest('alice', 1)).toBe(0);
      expect(await store.admitRequest('alice', 1)).toBeGreaterThan(0);
      expect(await store.admitRequest('bob', 1)).toBe(0);
    });

    it('admits everything, recording nothing, when the limit is off (0 or less)', async () => {
      const clock = manualClock();
      const store = await freshStore({ now: clock.now });
      for (let i = 0; i < 20; i++) expect(await store.admitRequest('alice', 0)).toBe(0);
      expect(await store.admitRequest('alice', -5)).toBe(0);
      // Nothing was counted while the limit was off: a limit of 1 now admits the first request.
      expect(await store.admitRequest('alice', 1)).toBe(0);
      expect(await store.admitRequest('alice', 1)).toBeGreaterThan(0);
    });

    it('counts requests made at once each exactly once, admitting no more than the limit', async () => {
      const clock = manualClock();
      const store = await freshStore({ now: clock.now });
      const results = await Promise.all(Array.from({ length: 15 }, () => store.admitRequest('alice', 10)));
      expect(results.filter((wait) => wait === 0)).toHaveLength(10);
      expect(results.filter((wait) => wait > 0)).toHaveLength(5);
    });
  });
}
