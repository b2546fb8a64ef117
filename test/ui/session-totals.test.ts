import { describe, expect, it } from 'vitest';
import { newOpeningMessage, newUserMessage } from '../../src/core/new-message.js';
import type { MessageRecord, NewMessage } from '../../src/core/records.js';
import { formatCostTotal, totalsOf } from '../../src/ui/format.js';

let seq = 0;
const saved = (m: NewMessage): MessageRecord => ({ ...m, id: `m${++seq}`, seq, createdAt: '2026-11-24T10:00:00Z' });
const reply = (over: Partial<NewMessage>): MessageRecord =>
  saved({
    ...newUserMessage('s', 'x'),
    role: 'persona',
    inputMode: null,
    provider: 'openai',
    model: 'gpt-4o-mini',
    inputTokens: 100,
    outputTokens: 50,
    costUsd: 0.0009,
    ...over,
  });

describe('session totals (status line and /cost)', () => {
  it('does not count the greeting the session opened with as a reply', () => {
    const totals = totalsOf([saved(newOpeningMessage('s', 'Hello.')), saved(newUserMessage('s', 'hi')), reply({})]);
    expect(totals.replies).toBe(1);
    expect(formatCostTotal(totals)).toBe('$0.0009');
  });

  it('shows a lower bound when a reply stopped before its usage was reported, as the history does', () => {
    const totals = totalsOf([reply({}), reply({ status: 'interrupted', inputTokens: null, outputTokens: null, costUsd: null })]);
    expect(totals.costIncomplete).toBe(true);
    expect(formatCostTotal(totals)).toBe('≥$0.0009');
    // A failed reply cost nothing.
    expect(totalsOf([reply({}), reply({ status: 'error', inputTokens: null, outputTokens: null, costUsd: null })]).costIncomplete).toBe(
      false,
    );
  });
});
