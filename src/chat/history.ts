import type { ChatTurn } from '../core/messages.js';
import { estimateTokens } from '../persona/prompt.js';
import type { MessageRecord } from '../core/records.js';
import type { ChatStore } from './chat-store.js';

// Which earlier messages go with a request: the last N (20 by default, as the seed does), and
// fewer when they would not fit the token budget. Failed and empty replies are left out, and
// after `/retry` only the newest of two consecutive replies counts.

export interface HistoryWindow {
  maxMessages: number;
  maxTokens: number;
}

export const DEFAULT_WINDOW: HistoryWindow = { maxMessages: 20, maxTokens: 12_000 };

export function conversationTurns(messages: readonly MessageRecord[]): ChatTurn[] {
  const turns: ChatTurn[] = [];
  for (const m of messages) {
    if (m.status === 'error' || m.content.trim() === '') continue;
    const last = turns[turns.length - 1];
    if (m.role === 'persona' && last?.role === 'persona') {
      turns[turns.length - 1] = { role: 'persona', content: m.content };
      continue;
    }
    turns.push({ role: m.role, content: m.content });
  }
  return turns;
}

export function historyWindow(messages: readonly MessageRecord[], window: HistoryWindow = DEFAULT_WINDOW): ChatTurn[] {
  return windowTurns(conversationTurns(messages), window);
}

/** The last turns that fit the window, never opening with the persona. */
export function windowTurns(turns: ChatTurn[], window: HistoryWindow = DEFAULT_WINDOW): ChatTurn[] {
  let picked = window.maxMessages > 0 ? turns.slice(-window.maxMessages) : [];
  let tokens = picked.reduce((sum, t) => sum + estimateTokens(t.content), 0);
  while (picked.length > 0 && tokens > window.maxTokens) {
    tokens -= estimateTokens(picked[0]!.content);
    picked = picked.slice(1);
  }
  // A window that opens with the persona's reply to a question it no longer sees reads oddly to
  // models (and Anthropic wants a user turn first).
  while (picked[0]?.role === 'persona') picked = picked.slice(1);
  return picked;
}

/** Rows read from a session's end first: a few more than the window's turns (failed replies and retries use some). */
function firstTailRows(window: HistoryWindow): number {
  return Math.max(8, window.maxMessages * 2);
}

/**
 * The history window of a stored session, read from the session's end: a few rows more than the
 * window's turns, more only when failed replies and retries use them up. The result is the
 * window of the whole session: a tail's turns are the last turns of the whole (a retried reply
 * cut in two collapses to the same newest reply), so once the tail has `maxMessages` turns, or is
 * the whole session, the window cannot differ.
 */
export async function storedHistoryWindow(
  store: Pick<ChatStore, 'recentMessages'>,
  sessionId: string,
  window: HistoryWindow = DEFAULT_WINDOW,
): Promise<ChatTurn[]> {
  for (let rows = firstTailRows(window); ; rows *= 4) {
    const recent = await store.recentMessages(sessionId, rows);
    const turns = conversationTurns(recent.messages);
    if (turns.length >= window.maxMessages || recent.messages.length >= recent.total) return windowTurns(turns, window);
  }
}

/**
 * `historyWindow` of a whole session read already, cut from its end the same way: the same
 * window, without turning every earlier message of a long session into a turn again.
 */
export function historyWindowOfTail(messages: readonly MessageRecord[], window: HistoryWindow = DEFAULT_WINDOW): ChatTurn[] {
  for (let rows = firstTailRows(window); ; rows *= 4) {
    const tail = rows >= messages.length ? messages : messages.slice(-rows);
    const turns = conversationTurns(tail);
    if (turns.length >= window.maxMessages || tail.length >= messages.length) return windowTurns(turns, window);
  }
}
