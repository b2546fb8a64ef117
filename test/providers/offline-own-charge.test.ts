import { describe, expect, it } from 'vitest';
import { asksOwnCharge } from '../../src/providers/offline/recall/own-charge.js';
import { answer, personaFrom, shipped } from './offline-shipped-support.js';

// "What do you charge for a wedding?" asks the person's own price to customers: the sentence of
// the file that charges an amount, else an income that says what it comes from, else "I'd have to
// quote you"; never what they pay for their own tools, and never a price worked out from income.

function photographer(extra: Record<string, unknown> = {}) {
  return personaFrom('ines', {
    name: 'Inês Carvalho',
    baseSelection: {
      gender: 'Female',
      occupation: 'Freelance wedding photographer',
      location: 'Porto, Portugal',
      income: 'About €42,000 a year before tax, from roughly 28 weddings',
    },
    generatedInsights: { painPoints: ['Pays €29 a month for Pic-Time galleries and thinks it is too much in winter'] },
    ...extra,
  });
}

describe('a question about what the person charges', () => {
  it('is told from a question about paying', () => {
    for (const q of ['What do you charge for a wedding?', 'What are your rates?', 'How much do you charge per hour?'])
      expect(asksOwnCharge(q), q).toBe(true);
    for (const q of [
      'How much would you pay for a gallery tool?',
      'Do you pay for Lightroom?',
      'Do you charge your car at home?',
      "What's the price for Netflix these days?",
    ])
      expect(asksOwnCharge(q), q).toBe(false);
  });

  it('finds "she charges €60 for…" and "sells … for €140"', async () => {
    const dentist = photographer({ customInputs: { background: 'She charges €60 for a check-up and about €900 for a crown.' } });
    expect(await answer(dentist, 'What do you charge for a crown?')).toMatch(/I charge €60 for a check-up and about €900 for a crown/);
    const brewer = photographer({ customInputs: { background: 'She sells kegs to pubs for €140 each.' } });
    expect(await answer(brewer, 'What are your prices?')).toMatch(/€140 each/);
    expect(asksOwnCharge("What's your price range for a new scanner?")).toBe(false);
    expect(asksOwnCharge('Are your fees reimbursed?')).toBe(false);
  });

  it('gets the sentence that charges an amount', async () => {
    const withPrice = photographer({ customInputs: { background: 'Her full-day package is priced at €1,800, albums extra.' } });
    expect(await answer(withPrice, 'What do you charge for a wedding?')).toMatch(/€1,800/);
  });

  it("a charge of someone else's (bank charges, school fees) is no price of hers", async () => {
    const charged = photographer({ customInputs: { background: 'Bank charges of €15 a month annoy her. School fees are €300 a term.' } });
    const reply = await answer(charged, 'What are your rates?');
    expect(reply).not.toMatch(/€15|€300/);
  });

  it('else the income with what it comes from, never what she pays for her tools', async () => {
    const reply = await answer(photographer(), 'What do you charge for a wedding?');
    expect(reply).toMatch(/€42,000 a year before tax, from roughly 28 weddings/);
    expect(reply).not.toMatch(/€29|Pic-Time/);
  });

  it('with neither, a quote rather than a figure', async () => {
    const reply = await answer(shipped('lagos-shop-owner'), 'What are your prices like?');
    expect(reply).toMatch(/quote/i);
    expect(reply).not.toMatch(/\d/);
  });

  it("the creator's rate per TikTok", async () => {
    expect(await answer(shipped('genz-creator'), 'What are your rates for a sponsored post?')).toMatch(/\$1,500-\$4,000 per TikTok/);
  });
});
