import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { answer, personaFrom } from './offline-shipped-support.js';

// An objection is about the offer. "Needs a credit card up front" has the product for its subject
// (said "I need a credit card up front", the objection became the person's own need), and "Closed
// source with no data export" describes it ("I closed source" is no sentence).

function buyer(objections: string[]): Persona {
  const data = {
    name: 'Tomasz Wrona',
    baseSelection: { gender: 'Male', occupation: 'IT manager', location: 'Poznań, Poland' },
    generatedInsights: { objections },
  };
  return personaFrom('tomasz', data);
}

describe('objections framed as things about the offer', () => {
  it.each([
    [
      'Needs a credit card up front',
      /(?:Anything that needs a credit card up front puts me off|If it needs a credit card up front, I'm out)\./,
    ],
    [
      'Requires a three-year contract',
      /(?:Anything that requires a three-year contract puts me off|If it requires a three-year contract, I'm out)\./,
    ],
    ['Closed source with no data export', /: closed source with no data export\./],
  ])('%s', async (objection, expected) => {
    const reply = await answer(buyer([objection]), 'What would put you off?');
    expect(reply).toMatch(expected);
    expect(reply).not.toMatch(/\bI (?:need|require|closed)\b/);
  });

  it('"Needs to see the ROI" is the person\'s own need', async () => {
    expect(await answer(buyer(['Needs to see the ROI in writing']), 'What would put you off?')).toMatch(
      /\bI need to see the ROI in writing/,
    );
  });
});
