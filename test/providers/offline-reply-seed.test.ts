import { describe, expect, it } from 'vitest';
import { hashString, replySeed } from '../../src/providers/offline/random.js';

// A reply's seed mixes the whole conversation in. It is hashed part by part instead of from one
// joined string; the seeds (and so every offline reply) must be exactly what they were.

/** The seed as it was defined: the earlier messages joined by \u0001, \u0000, the user's text. */
function joinedSeed(seed: number | undefined, history: string[], userText: string): number {
  const base = seed ?? hashString(userText);
  return (base ^ hashString(`${history.join('\u0001')}\u0000${userText}`)) >>> 0;
}

describe('replySeed', () => {
  it('is the hash of the joined conversation, with or without a seed', () => {
    const cases: Array<[string[], string]> = [
      [[], ''],
      [[], 'What would make you switch?'],
      [[''], 'hi'],
      [['', ''], ''],
      [['Hello there.', 'Hi! I run the finance team.'], 'And the budget?'],
      [['Ünïcödé 🙂 text', '授業でChromebookを使いますか？', 'a\u0001b\u0000c'], 'ok 🙂'],
      [Array.from({ length: 40 }, (_, i) => `message ${i} `.repeat(i)), 'last one'],
    ];
    for (const [history, userText] of cases) {
      for (const seed of [undefined, 0, 7, 2 ** 31 + 5]) {
        expect(replySeed(seed, history, userText)).toBe(joinedSeed(seed, history, userText));
      }
    }
  });
});
