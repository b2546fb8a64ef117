import { describe, expect, it } from 'vitest';
import { asksIncome } from '../../src/providers/offline/recall/income-question.js';
import { answer, interview, personaFrom, shipped } from './offline-shipped-support.js';

// "How much do you earn?" is answered with the file's income, said as the person says it, not a
// price hedge or the household budget; asked again, it points back to it; with no income in the
// file, the person keeps it to themselves and no figure is made up.

function electrician(income?: string) {
  return personaFrom('dev', {
    name: 'Dev Patel',
    baseSelection: { gender: 'Male', occupation: 'Electrician', location: 'Leicester, UK', ...(income ? { income } : {}) },
    customInputs: { background: 'Dev rewires houses and fits EV chargers. He saves for a second van.' },
    exampleDialogue: [{ user: 'How do you manage money at home?', persona: 'Spreadsheet on a Sunday night, every penny in a column.' }],
  });
}

describe('a question about what the person earns', () => {
  it('is told from the words that ask about pay, not from "earn your trust" or a price', () => {
    for (const q of [
      'How much do you earn?',
      "What's your salary?",
      'What do you make a year?',
      'How much do they pay you?',
      'Is your income steady?',
      'How much money do you bring home?',
    ])
      expect(asksIncome(q), q).toBe(true);
    for (const q of [
      'What would a vendor need to do to earn your trust?',
      'How much would you pay for a forecasting tool?',
      'What do you make of AI?',
      'What do you make in the bakery?',
      'Would you pay for a tool that helps you earn more?',
      'How much of your income goes on rent?',
      'Would you use an app that tracks your income and expenses?',
      'Do your clients pay you on time?',
      'How do you get paid by farmers?',
    ])
      expect(asksIncome(q), q).toBe(false);
  });

  it("answers with the file's income", async () => {
    expect(await answer(electrician('about £38,000 a year'), "What's your salary?")).toBe('I earn about £38,000 a year.');
    expect(await answer(shipped('icu-nurse'), 'How much do you earn?')).toMatch(/^I earn £43,000 a year/);
  });

  it('points back to it when asked again, then answers on money at home', async () => {
    const replies = await interview(electrician('about £38,000 a year'), [
      'How much do you earn?',
      'Sorry, what was your salary?',
      'Is your income enough?',
    ]);
    expect(replies[0]).toBe('I earn about £38,000 a year.');
    expect(replies[1]).toMatch(/^(?:As I mentioned|Like I said), I earn about £38,000 a year\.$/);
    expect(replies[2]).toMatch(/Spreadsheet on a Sunday night/);
  });

  it('with no income in the file, keeps it private and names no figure', async () => {
    const reply = await answer(electrician(), 'How much do you earn?');
    expect(reply).toMatch(/rather not|keep to myself|tax office/i);
    expect(reply).not.toMatch(/\d/);
  });
});

describe('the income asked about again on its topic', () => {
  it('"Is it enough?" after the income and the household budget were said points back to the income', async () => {
    const persona = electrician('about £38,000 a year');
    const replies = await interview(persona, ['How much do you earn?', 'How do you manage money at home?', 'Is your income enough?']);
    expect(replies[2]).not.toMatch(/I'd have to check|no idea|guess/i);
  });
});
