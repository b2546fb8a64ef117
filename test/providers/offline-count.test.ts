import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { countAnswerFor } from '../../src/providers/offline/recall/count-sentence.js';
import { AMOUNT } from '../../src/providers/offline/recall/money.js';
import { answer, factsOnly, interview, personaFrom, shipped } from './offline-shipped-support.js';

// "How many …?" asks for a count: the sentence of the file where a number stands next to what is
// counted, not the money answer that "how much" gets.

/** A file nobody here shipped, with counts in its prose only. */
function beekeeper(): Persona {
  const data = {
    name: 'Ilse Brandt',
    baseSelection: { gender: 'Female', occupation: 'Beekeeper', location: 'Lüneburg, Germany', familyStatus: 'Widowed, three sons' },
    customInputs: {
      background:
        'Ilse keeps 42 hives on heathland she leases from the county. She sells at two weekly markets and employs a seasonal crew of four in August.',
    },
    generatedInsights: { painPoints: ['Varroa mites cost her a third of her colonies in 2021'] },
  };
  return personaFrom('ilse', data);
}

describe('how many', () => {
  it('finds the number next to the thing counted, before it or after "of"', () => {
    const ilse = beekeeper();
    expect(countAnswerFor(ilse, 'How many hives do you keep?')).toMatchObject({ fact: { text: expect.stringMatching(/42 hives/) } });
    expect(countAnswerFor(ilse, 'How many people work for you?')).toMatchObject({ fact: { text: expect.stringMatching(/crew of four/) } });
    // Counted alike: kids are sons.
    expect(countAnswerFor(ilse, 'How many kids do you have?')).toMatchObject({ fact: { text: expect.stringMatching(/three sons/) } });
  });

  it('a number across a comma or a small word counts nothing: "desk by seven, and the first hour", "two of them a shift"', () => {
    const cfo = shipped('cfo');
    expect(countAnswerFor(cfo, 'How many hours a week do you work?')).toBeUndefined();
    expect(countAnswerFor(shipped('icu-nurse'), 'How many shifts do you do a week?')).toBeUndefined();
    // Nor a year, nor an amount of money.
    expect(countAnswerFor(cfo, 'How many upgrades since 2011?')).toBeUndefined();
  });

  it('counts what follows "how many", not another word of the question', () => {
    // "two weekly markets" has a number, but the question counts customers.
    expect(countAnswerFor(beekeeper(), 'How many customers come to the markets?')).toBeUndefined();
    expect(countAnswerFor(beekeeper(), 'What do you sell?')).toBeUndefined();
  });

  it('says the count in the first person, with no amount of money', async () => {
    const reply = await answer(beekeeper(), 'How many hives do you have?');
    expect(reply).toMatch(/^I keep 42 hives/);
    expect(reply).not.toMatch(/check|€|\$/);
  });

  it('shipped personas: their own sentence with the count, from stories and answers or from facts', async () => {
    expect(await answer(shipped('kenya-dairy-farmer'), 'How many children do you have?')).toMatch(/four children/);
    expect(await answer(factsOnly(shipped('kenya-dairy-farmer')), 'How many children do you have?')).toMatch(/four children/);
    // "a finance team of eleven" names more of the question than "640 people".
    expect(await answer(shipped('cfo'), 'How many people are on your finance team?')).toMatch(/finance team of eleven/);
    expect(await answer(shipped('icu-nurse'), 'How many kids have you got?')).toMatch(/one son/);
  });
});

describe('a bare "How much?" after an answer that named an amount', () => {
  it('asks for that amount, not another of the file', async () => {
    const [first, second] = await interview(shipped('lagos-shop-owner'), ['Have you ever lost money to a fake transfer?', 'How much?']);
    expect(first).toMatch(/₦400,000/);
    expect(second).toBe('About ₦400,000.');
  });

  it('a count after an amount is not its range: "₦50,000 to 2 suppliers"', () => {
    expect(AMOUNT.exec('I paid ₦50,000 to 2 suppliers')?.[0]).toBe('₦50,000');
    expect(AMOUNT.exec('maybe KES 200 to 300 a month through M-Pesa')?.[0]).toBe('KES 200 to 300 a month');
  });

  it('keeps a range and its period', async () => {
    const [first, second] = await interview(shipped('genz-creator'), ['Would you pay for this?', 'How much?']);
    expect(first).toMatch(/\$8 to \$15 a month/);
    expect(second).toBe('$8 to $15 a month.');
  });
});
