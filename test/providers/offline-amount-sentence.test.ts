import { describe, expect, it } from 'vitest';
import { amountAnswerFor } from '../../src/providers/offline/recall/amount-sentence.js';
import { answer, personaFrom } from './offline-shipped-support.js';

// "How much are your energy bills?" asks the amount of a thing the file names: the sentence with an
// amount that names it. What they would pay, their income, their own prices and the topics' own
// questions ("How much do you spend on groceries?") are answered elsewhere.

function vet() {
  return personaFrom('gareth', {
    name: 'Gareth Pryce',
    baseSelection: { gender: 'Male', occupation: 'Rural veterinarian', location: 'Llandeilo, Wales' },
    customInputs: {
      background:
        'In 2021 the practice spent £18,000 on a portable digital X-ray. He drives a 2017 Toyota Hilux. Diesel for the truck is about £400 a month.',
    },
    generatedInsights: { objections: ['Software over £50 a month per vet'] },
  });
}

describe('the amount of a thing the file names', () => {
  it('is the sentence with an amount that names it', async () => {
    expect(await answer(vet(), 'How much did the X-ray cost?')).toMatch(/£18,000 on a portable digital X-ray/);
    expect(await answer(vet(), 'How much is the diesel for your truck?')).toMatch(/about £400 a month/);
    expect(await answer(vet(), 'What do you pay for diesel?')).toMatch(/about £400 a month/);
    expect(await answer(vet(), 'What did the X-ray cost?')).toMatch(/£18,000/);
  });

  it('leaves what they would pay, and questions that name nothing of their own, to the rest of the engine', () => {
    expect(amountAnswerFor(vet(), 'How much would you pay for an X-ray?')).toBeUndefined();
    expect(amountAnswerFor(vet(), 'What would you pay for an X-ray?')).toBeUndefined();
    expect(amountAnswerFor(vet(), 'How much does it cost?')).toBeUndefined();
    expect(amountAnswerFor(vet(), 'How much do you spend a month?')).toBeUndefined();
    expect(amountAnswerFor(vet(), 'How much is the Hilux worth?')).toBeUndefined();
  });
});
