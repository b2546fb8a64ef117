import { describe, expect, it } from 'vitest';
import { conversationTotals } from '../../src/chat/conversation-totals.js';
import { conversationTurns, DEFAULT_WINDOW, historyWindow, historyWindowOfTail, windowOfState } from '../../src/chat/history.js';
import type { MessageRecord } from '../../src/core/records.js';
import { estimateTokens } from '../../src/persona/prompt.js';

// The limits' totals and the history window are kept per record and cut from a session's end
// (src/chat/conversation-totals.ts, history.ts): they must equal counting the whole session.

/** A deterministic mix of user messages, replies, failed and empty replies and retries. */
function session(length: number, seed: number): MessageRecord[] {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const messages: MessageRecord[] = [];
  for (let i = 0; i < length; i++) {
    const roll = next();
    const role = roll < 0.45 ? 'user' : 'persona';
    const status = role === 'persona' && roll > 0.9 ? 'error' : 'complete';
    const content = roll > 0.85 && roll < 0.9 ? '  ' : 'word '.repeat(1 + Math.floor(next() * 40));
    messages.push({
      id: `m${i}`,
      sessionId: 's',
      seq: i + 1,
      role,
      content,
      status,
      costUsd: role === 'persona' ? Math.round(next() * 1000) / 100_000 : null,
      createdAt: new Date(1_700_000_000_000 + i * 1000).toISOString(),
    } as MessageRecord);
  }
  return messages;
}

function counted(messages: MessageRecord[]) {
  return {
    userTurns: messages.filter((m) => m.role === 'user').length,
    tokens: conversationTurns(messages).reduce((sum, t) => sum + estimateTokens(t.content), 0),
    costUsd: messages.reduce((sum, m) => sum + (m.costUsd ?? 0), 0),
  };
}

describe('conversationTotals', () => {
  it('equals counting the whole session, read afresh or grown turn by turn', () => {
    for (const seed of [1, 7, 42, 99]) {
      const all = session(300, seed);
      // Fresh objects each time: counted from scratch.
      expect(conversationTotals(all.map((m) => ({ ...m })))).toMatchObject(counted(all));
      // The same records, growing: each read starts from the totals of the read before.
      for (let n = 1; n <= all.length; n += 1 + (n % 3)) {
        expect(conversationTotals(all.slice(0, n))).toMatchObject({ count: n, ...counted(all.slice(0, n)) });
      }
    }
  });

  it('does not take totals remembered for a record at another position', () => {
    const all = session(40, 3);
    conversationTotals(all);
    // The newest record now second: its remembered totals (for 40 messages) must not be used.
    const other = [all[0]!, all[39]!];
    expect(conversationTotals(other)).toMatchObject({ count: 2, ...counted(other) });
  });
});

describe('windowOfState of a tail that slides along a growing session', () => {
  it('is the window of the whole session, and converts only the newest messages', () => {
    for (const seed of [4, 9]) {
      const all = session(500, seed);
      let previous: readonly unknown[] | undefined;
      for (let n = 130; n <= all.length; n += 2) {
        // What a server keeps of a served session: its last 128 records, the same objects each turn.
        const state = { tail: all.slice(Math.max(0, n - 128), n), count: n };
        const window = windowOfState(state);
        expect(window).toEqual(historyWindow(all.slice(0, n)));
        if (previous && window) {
          const shared = window.filter((turn) => previous!.includes(turn));
          expect(shared.length).toBeGreaterThanOrEqual(window.length - 2);
        }
        previous = window;
      }
      // The same records at other places (another session's count): not taken for the remembered ones.
      expect(windowOfState({ tail: all.slice(300, 428), count: 900 })).toEqual(historyWindow(all.slice(0, 428)));
    }
  });
});

describe('historyWindowOfTail', () => {
  it('is the window of the whole session', () => {
    for (const seed of [2, 5, 11]) {
      const all = session(400, seed);
      for (const n of [0, 1, 5, 39, 40, 41, 120, 400]) {
        for (const window of [DEFAULT_WINDOW, { maxMessages: 3, maxTokens: 50 }, { maxMessages: 0, maxTokens: 100 }]) {
          expect(historyWindowOfTail(all.slice(0, n), window)).toEqual(historyWindow(all.slice(0, n), window));
        }
      }
    }
  });

  it('is the window of the whole session when the same records grow turn by turn, whatever the window', () => {
    for (const seed of [3, 8, 13]) {
      const all = session(300, seed);
      const windows = [DEFAULT_WINDOW, { maxMessages: 3, maxTokens: 50 }, { maxMessages: 90, maxTokens: 100_000 }];
      for (let n = 1; n <= all.length; n += 1 + (n % 3)) {
        const window = windows[n % windows.length]!;
        expect(historyWindowOfTail(all.slice(0, n), window)).toEqual(historyWindow(all.slice(0, n), window));
      }
      // Read afresh (new objects), or a remembered record at another position: counted again, the same.
      expect(historyWindowOfTail(all.map((m) => ({ ...m })))).toEqual(historyWindow(all));
      expect(historyWindowOfTail([all[0]!, all[299]!])).toEqual(historyWindow([all[0]!, all[299]!]));
    }
  });

  it('does not turn the earlier messages of a growing session into turns again', () => {
    const all = session(200, 21);
    const before = historyWindowOfTail(all.slice(0, 150));
    const after = historyWindowOfTail(all.slice(0, 152));
    // The turns both windows share are the very same objects: only the new messages were converted.
    const shared = after.filter((turn) => before.includes(turn));
    expect(shared.length).toBeGreaterThanOrEqual(after.length - 2);
    expect(after).toEqual(historyWindow(all.slice(0, 152)));
  });
});
