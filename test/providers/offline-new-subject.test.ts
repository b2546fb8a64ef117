import { describe, expect, it } from 'vitest';
import { DONT_KNOW } from '../../src/providers/offline/realize/lines.js';
import { factsOnly, interview, SHIPPED } from './offline-shipped-support.js';

// Mid-interview, a question about something new ("Do you like opera?") is about that thing. It
// used to be read as "go on" because it has a single subject word, so the persona carried on
// about the last topic as if the question had not been asked.

const DONT_KNOW_LINES = [...DONT_KNOW.formal, ...DONT_KNOW.casual];
const saysItDoesNotKnow = (reply: string) => DONT_KNOW_LINES.some((line) => reply.includes(line));

describe('a question about a new subject mid-interview is answered, not taken for "go on"', () => {
  const questions = ['Do you like opera?', 'Have you ever been to Iceland?', 'What about cryptocurrency?'];

  it.each(questions)('"%s" after a question on pricing: every shipped persona says what its file allows', async (question) => {
    for (const persona of [...SHIPPED, ...SHIPPED.map(factsOnly)]) {
      // None of the files says anything about it, so the honest answer is that the person does not know.
      expect(JSON.stringify(persona.data)).not.toMatch(/opera\b|iceland|cryptocurrenc/i);
      const [first, second] = await interview(persona, ['What do you think about the price of the tools you use?', question]);
      expect(saysItDoesNotKnow(second!), `${persona.id}: ${second}`).toBe(true);
      // and carries on with nothing of the pricing answer
      for (const sentence of first!.split(/(?<=[.!?])\s+/).filter((s) => s.length > 30)) expect(second).not.toContain(sentence);
    }
  });

  it('a bare reaction ("Hm.", "Makes sense.") still asks the person to go on', async () => {
    for (const persona of SHIPPED) {
      for (const reaction of ['Hm.', 'Makes sense.', 'Interesting.']) {
        const [, second] = await interview(persona, ['What do you think about the price of the tools you use?', reaction]);
        expect(saysItDoesNotKnow(second!), `${persona.id} after "${reaction}": ${second}`).toBe(false);
      }
    }
  });
});
