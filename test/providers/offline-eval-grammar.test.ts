import { describe, expect, it } from 'vitest';
import { grammarDefects } from '../../bench/offline/harness.js';
import type { Persona } from '../../src/persona/schema.js';

// The evaluation's grammar column (bench/offline-eval.mjs) must see a participle left without its
// "have" ("I gone", "I also written"), or it cannot catch the converter producing one.

const persona = { id: 'p', name: 'Maria Lopez', data: { name: 'Maria Lopez', baseSelection: { gender: 'Female' } } } as unknown as Persona;

describe('eval grammar check: "I <past participle>"', () => {
  it.each([
    'I gone to the market every Friday.',
    'I also written two cookbooks.',
    'I begun learning Spanish.',
    'I been a nurse for years.',
  ])('flags %s', (reply) => {
    expect(grammarDefects(persona, reply)).toEqual([expect.stringMatching(/^"I (gone|written|begun|been)"/)]);
  });

  it.each(["I've gone to the market every Friday.", 'I have written two cookbooks.', 'I was known for arriving early.', 'I went home.'])(
    'passes %s',
    (reply) => {
      expect(grammarDefects(persona, reply)).toEqual([]);
    },
  );
});
