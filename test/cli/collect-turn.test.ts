import { describe, expect, it } from 'vitest';
import type { ChatEvent } from '../../src/chat/events.js';
import { collectTurn } from '../../src/cli/ask/turn-result.js';
import type { MessageRecord } from '../../src/core/records.js';

// collectTurn is how `ask`, `ask --script` and focus groups read a turn: every event kind must
// reach them, notices (rate-limit waits, budget warnings) included.

const reply: MessageRecord = {
  id: 'm2',
  sessionId: 's1',
  seq: 2,
  role: 'persona',
  content: 'Fine.',
  createdAt: '2026-01-01T00:00:00.000Z',
  provider: 'offline',
  model: 'persona-offline-1',
  inputTokens: null,
  outputTokens: null,
  cacheReadTokens: null,
  cacheWriteTokens: null,
  costUsd: 0,
  latencyFirstTokenMs: 1,
  latencyTotalMs: 2,
  status: 'complete',
  finishReason: 'stop',
  inputMode: null,
  error: null,
  fallback: false,
};

async function* turn(): AsyncGenerator<ChatEvent> {
  yield { type: 'notice', kind: 'rate_limited', text: 'waiting 2s for the rate limit', waitMs: 2000 };
  yield { type: 'start', sessionId: 's1', userMessage: null, provider: 'offline', model: 'persona-offline-1' };
  yield { type: 'notice', kind: 'budget_warning', text: '$0.80 of the session budget of $1.00 is spent (80%)' };
  yield { type: 'delta', text: 'Fine.' };
  yield { type: 'done', message: reply, finishReason: 'stop' };
}

describe('collectTurn', () => {
  it('hands every notice to onNotice, in order, and still collects the reply', async () => {
    const notices: string[] = [];
    const result = await collectTurn(turn(), undefined, (text) => notices.push(text));
    expect(notices).toEqual(['waiting 2s for the rate limit', '$0.80 of the session budget of $1.00 is spent (80%)']);
    expect(result).toMatchObject({ sessionId: 's1', reply: 'Fine.', message: reply, error: null });
  });
});
