import { describe, expect, it } from 'vitest';
import { extractiveSummary } from '../../src/chat/limits/summary.js';
import { isLeadIn, replySentences } from '../../src/chat/limits/summary-sentences.js';
import type { ChatTurn } from '../../src/core/messages.js';

const ask = (content: string): ChatTurn => ({ role: 'user', content });
const said = (content: string): ChatTurn => ({ role: 'persona', content });

describe('reading a Markdown reply as sentences', () => {
  it('does not end a sentence at a list number, a decimal or an abbreviation', () => {
    const reply =
      'Let me set this out clearly:\n1. Implementations cost 1.5 times the quote.\n2. **Per-user** pricing, e.g. for plant managers, adds up.\n\nWhy do you ask?';
    expect(replySentences(reply)).toEqual([
      'Let me set this out clearly:',
      'Implementations cost 1.5 times the quote.',
      'Per-user pricing, e.g. for plant managers, adds up.',
      'Why do you ask?',
    ]);
  });

  it('strips bullets and emphasis, and keeps an item without an end mark apart from the next', () => {
    expect(replySentences('- _Cost_\n- `Speed` of setup\nThat is all.')).toEqual(['Cost', 'Speed of setup', 'That is all.']);
  });

  it('tells a lead-in from a sentence with content', () => {
    for (const lead of [
      'Let me set this out clearly:',
      'There are several considerations:',
      'A few things:',
      'Oh, good question.',
      "Here's the thing.",
      'Happy to get into that.',
    ]) {
      expect(isLeadIn(lead), lead).toBe(true);
    }
    for (const point of ['Forty dollars is fine.', 'My hesitation: per-user pricing.', 'Not as it stands.'])
      expect(isLeadIn(point), point).toBe(false);
  });
});

describe('extractiveSummary', () => {
  const listReply = (lead: string) =>
    `${lead}\n1. I budget quarterly against last year's actuals.\n2. Anything over $50,000 goes to the CEO.\n\nWhy do you ask?`;

  it('summarises a list reply by its first points, not by its lead-in cut at "1."', () => {
    const summary = extractiveSummary([ask('How do you budget?'), said(listReply('Let me set this out clearly:'))], 'Diane Kowalczyk');
    expect(summary).toBe(
      "- You asked: How do you budget?\n  Diane Kowalczyk said: I budget quarterly against last year's actuals. Anything over $50,000 goes to the CEO.",
    );
  });

  it('skips a spoken opener and takes one sentence when it says enough on its own', () => {
    const summary = extractiveSummary(
      [
        ask('Would you switch tools?'),
        said(
          'Oh, good question. I would switch only if the new tool imports three years of history without manual work. Everything else is secondary.',
        ),
      ],
      'Ana',
    );
    expect(summary).toBe(
      '- You asked: Would you switch tools?\n  Ana said: I would switch only if the new tool imports three years of history without manual work.',
    );
  });

  it('keeps the question a message asks, not the context before it', () => {
    expect(extractiveSummary([ask('I run a bakery with six staff. Would you pay $40 a month?'), said('No.')], 'Ana')).toBe(
      '- You asked: Would you pay $40 a month?\n  Ana said: No.',
    );
  });

  it('says a second reply to the same question once, and only when it adds something', () => {
    const first = listReply('A few things:');
    const again = listReply('There are several considerations:');
    const different = 'Honestly, I would rather cut the software budget than headcount, every single time.';
    const summary = extractiveSummary([ask('How do you budget?'), said(first), said(again), said(different)], 'Diane');
    expect(summary.match(/Diane said:/g)).toHaveLength(1);
    expect(summary.match(/I budget quarterly/g)).toHaveLength(1);
    expect(summary).toContain('rather cut the software budget than headcount');
  });

  it('says "one is" for a single message left out and "N are" for several', () => {
    const turns = Array.from({ length: 7 }, (_, i) => (i % 2 ? said(`Answer ${i} has a few words in it.`) : ask(`Question ${i}?`)));
    // Room for everything but the persona's opening line: the budget of the seven turns plus the note.
    const tokens = (text: string) => text.split('\n').reduce((sum, line) => sum + Math.ceil(line.length / 4) + 1, 0);
    const budget = tokens(extractiveSummary(turns, 'Ana')) + tokens('(8 messages; the earliest 8 are left out)');
    const oneOut = extractiveSummary([said('Hello, I am Ana and I am glad to be here today.'), ...turns], 'Ana', budget);
    expect(oneOut).toMatch(/^\(8 messages; the earliest one is left out\)\n- You asked: Question 0\?/);
    expect(extractiveSummary(turns, 'Ana', 40)).toMatch(/^\(7 messages; the earliest \d+ are left out\)/);
  });

  it('stays within its token budget and is the same every time', () => {
    const turns = Array.from({ length: 300 }, (_, i) =>
      i % 2 ? said(`1. Point ${i} about pricing.\n2. Another point.`) : ask(`Question number ${i}?`),
    );
    const summary = extractiveSummary(turns, 'Ana', 200);
    expect(Math.ceil(summary.length / 4)).toBeLessThanOrEqual(200 + summary.split('\n').length);
    expect(summary).toContain('Question number 298?');
    expect(extractiveSummary(turns, 'Ana', 200)).toBe(summary);
  });

  it('never opens on an answer whose question was left out', () => {
    const summary = extractiveSummary(
      [ask('First question here?'), said('A long answer that takes up most of the budget available.'), ask('Second?'), said('Short.')],
      'Ana',
      30,
    );
    expect(summary.split('\n')[1]).toMatch(/^- You asked: Second\?/);
  });
});
