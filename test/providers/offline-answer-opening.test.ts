import { describe, expect, it } from 'vitest';
import { fitAnswerOpening } from '../../src/providers/offline/realize/answer-opening.js';
import { interview, SHIPPED } from './offline-shipped-support.js';

// An authored answer's opening yes or no answers the question it was written for; asked what, why
// or how, the persona starts after it.

describe('the opening yes or no of an authored answer', () => {
  const answer = "Not really, it's my money and my call.";

  it('is dropped when the question asks what, which, why, where, when, who, or how one does something', () => {
    for (const question of [
      'How do you decide which brands to work with?',
      'Who has a say in what you buy?',
      'What role does your family play in purchases?',
      'Why do you decide alone?',
    ])
      expect(fitAnswerOpening(answer, question), question).toBe("It's my money and my call.");
    expect(fitAnswerOpening('Yes. We run it on every close, and it has paid for itself.', 'What do you use for the close?')).toBe(
      'We run it on every close, and it has paid for itself.',
    );
  });

  it('stays when the question can be answered yes or no, or by degree, or when it is the whole answer', () => {
    for (const question of [
      'Does anyone else weigh in?',
      'How much does your family weigh in?',
      'How often do you ask anyone?',
      'Anyone else?',
    ])
      expect(fitAnswerOpening(answer, question), question).toBe(answer);
    expect(fitAnswerOpening('No, never.', 'Why not?')).toBe('No, never.');
    // "No one" is not a no.
    expect(fitAnswerOpening('No one signs off but me.', 'Who signs off?')).toBe('No one signs off but me.');
  });

  it('is left out of what the shipped personas answer to a "how" question on their authored topics', async () => {
    const opens = /^(?:not really|yes|yeah|yep|yup|no|nope|nah|sure|of course|absolutely|definitely)\s*[,.!;:]/i;
    for (const persona of SHIPPED) {
      const [reply] = await interview(persona, ['How do you decide who weighs in on a purchase?']);
      expect(opens.test(reply!), `${persona.id}: ${reply}`).toBe(false);
    }
  });
});
