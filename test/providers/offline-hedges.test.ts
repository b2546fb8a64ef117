import { describe, expect, it } from 'vitest';
import { answer, factsOnly, SHIPPED } from './offline-shipped-support.js';

// "Frankly, I don't have a considered view on that, to be honest.": an opener was put before a
// sentence that already says how candid it is. One hedge is the most a reply opens with.

const OPENED = /^(?:Frankly|To be candid|Put simply|In short|Honestly|Oh|Well|Truthfully|Okay, so),?\s/;
const HEDGE = /\b(?:to be honest|honestly|frankly|candidly|truthfully)\b/i;

describe('a reply opens with one hedge at most', () => {
  it('never puts an opener before a sentence that hedges already, over many seeds', async () => {
    for (const persona of [...SHIPPED, ...SHIPPED.map(factsOnly)]) {
      for (let seed = 1; seed <= 30; seed++) {
        const reply = await answer(persona, 'What do you think about opera?', seed);
        const first = reply.split(/(?<=[.!?])\s+/)[0]!;
        if (OPENED.test(first)) expect(HEDGE.test(first.replace(OPENED, '')), `${persona.id} seed ${seed}: ${reply}`).toBe(false);
      }
    }
  });

  it('still opens some replies that do not hedge', async () => {
    let opened = 0;
    for (const persona of SHIPPED.map(factsOnly)) {
      for (let seed = 1; seed <= 20; seed++) if (OPENED.test(await answer(persona, 'What do you value most?', seed))) opened++;
    }
    expect(opened).toBeGreaterThan(0);
  });
});
