import { describe, expect, it } from 'vitest';
import { newUserMessage } from '../../src/core/new-message.js';
import type { MessageRecord } from '../../src/core/records.js';
import { estimatedRows, messagesForScreen, mostMessagesForScreen } from '../../src/ui/chat/screenful.js';

// Issue 14 (9): a reopened session draws what fills the terminal, not its last 100 messages.

function message(seq: number, content: string, role: 'user' | 'persona' = seq % 2 ? 'user' : 'persona'): MessageRecord {
  return { ...newUserMessage('s', content), role, id: `m-${seq}`, seq, createdAt: '2026-01-01T00:00:00.000Z' };
}

const conversation = (n: number, text: (seq: number) => string) => Array.from({ length: n }, (_, i) => message(i + 1, text(i + 1)));

describe('how much of a reopened session fills the screen', () => {
  it('counts a reply as its blank line, its name line and its wrapped text', () => {
    expect(estimatedRows(message(2, 'one line'), 80)).toBe(3);
    expect(estimatedRows(message(1, 'one line'), 80)).toBe(2);
    // 77 columns for a reply's text: 160 characters take three rows, a blank line in the text one more.
    expect(estimatedRows(message(2, `${'x'.repeat(160)}\n\nnext`), 80)).toBe(2 + 3 + 1 + 1);
    expect(estimatedRows({ ...message(2, 'cut off'), status: 'interrupted' }, 80)).toBe(4);
  });

  it('takes messages from the newest back until the terminal is full', () => {
    // Two-row questions and three-row replies: 30 rows hold 12 of them (30 = 6 x 5).
    const messages = conversation(200, (seq) => `message ${seq}`);
    expect(messagesForScreen(messages, { rows: 30, columns: 80 })).toBe(12);
    // A taller terminal shows more; the count follows the screen, not the session.
    expect(messagesForScreen(messages, { rows: 60, columns: 80 })).toBe(24);
    expect(
      messagesForScreen(
        conversation(20_000, (seq) => `message ${seq}`),
        { rows: 30, columns: 80 },
      ),
    ).toBe(12);
  });

  it('wraps long text at the terminal width, so a narrow terminal shows fewer messages', () => {
    const messages = conversation(100, () => 'word '.repeat(60).trim());
    expect(messagesForScreen(messages, { rows: 40, columns: 40 })).toBeLessThan(messagesForScreen(messages, { rows: 40, columns: 200 }));
  });

  it('always shows the last question and its answer, however long', () => {
    const messages = conversation(10, () => 'line\n'.repeat(500));
    expect(messagesForScreen(messages, { rows: 24, columns: 80 })).toBe(2);
  });

  it('shows a short session whole', () => {
    expect(
      messagesForScreen(
        conversation(3, (seq) => `m ${seq}`),
        { rows: 50, columns: 80 },
      ),
    ).toBe(3);
    expect(messagesForScreen([], { rows: 50, columns: 80 })).toBe(0);
  });

  it('never picks more than mostMessagesForScreen, so reading only that many draws the same screen', () => {
    // Shortest possible messages (one-line questions), long ones, and a mix.
    const shapes: Array<(seq: number) => string> = [() => '', () => 'x', (seq) => 'word '.repeat(seq % 40), () => 'line\n'.repeat(30)];
    for (const text of shapes) {
      const session = conversation(300, text).map((m) => ({ ...m, role: 'user' as const }));
      for (const rows of [1, 2, 3, 10, 24, 30, 51, 120]) {
        const screen = { rows, columns: 80 };
        const read = session.slice(-mostMessagesForScreen(rows));
        const picked = messagesForScreen(session, screen);
        expect(picked).toBeLessThanOrEqual(mostMessagesForScreen(rows));
        expect(messagesForScreen(read, screen)).toBe(picked);
      }
    }
  });
});
