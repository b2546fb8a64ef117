import { describe, expect, it } from 'vitest';
import { UNSEEN_PRODUCT } from '../../src/providers/offline/realize/lines.js';
import { answer, factsOnly, SHIPPED } from './offline-shipped-support.js';

// "Would you recommend our product?": the persona has never used the interviewer's product. It
// says so, then what would win it over (the file's buying triggers), instead of describing its
// job or the tools it uses now.

const UNSEEN = [...UNSEEN_PRODUCT.formal, ...UNSEEN_PRODUCT.casual];
const saysUnseen = (reply: string) => UNSEEN.some((line) => reply.includes(line));

describe("a question about the interviewer's product", () => {
  it.each(['Would you recommend our product to a colleague?', 'What do you think of our app?', 'Would you use my app?'])(
    '"%s": every shipped persona says it has not used it, then what would win it over',
    async (question) => {
      for (const persona of [...SHIPPED, ...SHIPPED.map(factsOnly)]) {
        const reply = await answer(persona, question);
        expect(saysUnseen(reply), `${persona.id}: ${reply}`).toBe(true);
        // and goes on: more than the one sentence
        expect(reply.split(/(?<=[.!?])\s+/).length, `${persona.id}: ${reply}`).toBeGreaterThan(1);
      }
    },
  );

  it('is priced without the "not used it" line: what it would pay is answerable', async () => {
    for (const persona of SHIPPED) {
      const reply = await answer(persona, 'How much would you pay for our software?');
      expect(saysUnseen(reply), `${persona.id}: ${reply}`).toBe(false);
    }
  });

  it('leaves the persona\'s own products alone ("your app")', async () => {
    for (const persona of SHIPPED) expect(saysUnseen(await answer(persona, 'Which app do you use most?'))).toBe(false);
  });
});
