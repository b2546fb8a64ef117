import { describe, expect, it } from 'vitest';
import { figureAskedBack } from '../../src/providers/offline/recall/figure-asked-back.js';
import { interview, shipped } from './offline-shipped-support.js';

// "How much does it cost?" and "How long have you had it?" right after a reply with an amount or
// a stretch of time ask for that figure; a question that names its own subject does not.

const TICKET = 'I support Rangers and have had a season ticket at Ibrox for 40 years, about £560 a season.';

describe('a figure asked about again', () => {
  it('is the amount or the stretch of time of the last reply, said short', () => {
    expect(figureAskedBack('How much does it cost?', [TICKET])).toBe('About £560 a season.');
    expect(figureAskedBack('How long have you had it?', [TICKET])).toBe('For 40 years.');
    expect(figureAskedBack('How much?', [TICKET])).toBe('About £560 a season.');
    // A figure that ends its sentence keeps one full stop.
    expect(figureAskedBack('How much did it cost?', ['I bought the scanner in 2021 for €28,000.'])).toBe('€28,000.');
  });

  it('looks one reply further back, and takes the figure a reply ends on', () => {
    expect(figureAskedBack('And how long?', [TICKET, 'About £560 a season.'])).toBe('For 40 years.');
    expect(figureAskedBack('How much?', ["That's $160,000 a year in salary, so I'd look at $40,000 to $80,000 a year."])).toBe(
      '$40,000 to $80,000 a year.',
    );
  });

  it('is no answer to a question with its own subject, or with no figure before it', () => {
    expect(figureAskedBack('How much is your rent?', [TICKET])).toBeUndefined();
    expect(figureAskedBack('How long is your commute?', [TICKET])).toBeUndefined();
    expect(figureAskedBack('How much does it cost?', ['I go to the bowling club on Tuesdays.'])).toBeUndefined();
  });

  it('in an interview with the CFO: "How much?" after her price answer is her range', async () => {
    const replies = await interview(shipped('cfo'), ['How much would you pay for a forecasting tool?', 'How much?']);
    expect(replies[0]).toMatch(/\$40,000 to \$80,000 a year/);
    expect(replies[1]).toBe('$40,000 to $80,000 a year.');
  });
});

describe('a figure asked about in another way', () => {
  it('"How much would you pay for it?" after what it costs now is not that cost', () => {
    const reply = 'The books cost me £300 a month in an outsourced bookkeeper.';
    expect(figureAskedBack('How much would you pay for it?', [reply])).toBeUndefined();
    expect(figureAskedBack('How much does it cost?', [reply])).toBe('£300 a month.');
  });
});
