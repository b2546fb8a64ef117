import { describe, expect, it } from 'vitest';
import { answer, factsOnly, SHIPPED } from './offline-shipped-support.js';

// Asked in any of the ways people ask it, every persona says it is simulated, by the offline
// engine, from a file, and says so as the answer to the question asked: "Are you simulated?" is
// never answered "No".

/** As shipped, and with the authored lines taken out (what a user's own file looks like). */
const PERSONAS = [...SHIPPED, ...SHIPPED.map(factsOnly)];

describe('the offline engine says what it is, however the question is put', () => {
  it.each([
    'Are you a real teacher?',
    'Are you ChatGPT?',
    'Who created you?',
    'Are you an actual person or a character?',
    'Is this artificial intelligence?',
  ])('"%s": every shipped persona says it is a simulated persona played by the offline engine', async (question) => {
    for (const persona of PERSONAS) {
      const reply = await answer(persona, question);
      expect(reply, `${persona.id}: ${reply}`).toMatch(/simulated persona|simulation|Yes, simulated/);
      expect(reply).toMatch(/offline engine/);
      expect(reply).toContain(persona.name);
    }
  });

  it('answers "are you simulated?" yes, and "are you an AI?" with what it is rather than a bare no', async () => {
    for (const persona of PERSONAS) {
      const simulated = await answer(persona, 'Are you simulated, or a real person?');
      expect(simulated).toMatch(/^Yes, simulated\./);
      const ai = await answer(persona, 'Are you an AI?');
      expect(ai).toMatch(/^Not an AI model, and not a real person either/);
    }
  });
});
