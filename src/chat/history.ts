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
  for (const m of messages) addTurn(turns, m);
  return turns;
}

/** One more message of a conversation: a turn, the newest of two replies in a row, or nothing (failed, empty). */
function addTurn(turns: ChatTurn[], m: MessageRecord): void {
  if (m.status === 'error' || m.content.trim() === '') return;
  const turn: ChatTurn = Object.freeze({ role: m.role, content: m.content });
  if (m.role === 'persona' && turns[turns.length - 1]?.role === 'persona') turns[turns.length - 1] = turn;
  else turns.push(turn);
}

export function historyWindow(messages: readonly MessageRecord[], window: HistoryWindow = DEFAULT_WINDOW): ChatTurn[] {
  return windowTurns(conversationTurns(messages), window);
}

/** The last turns that fit the window, never opening with the persona. */
export function windowTurns(turns: readonly ChatTurn[], window: HistoryWindow = DEFAULT_WINDOW): ChatTurn[] {
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
 *
 * A served session hands out the same record objects turn after turn (src/server/session-messages.ts),
 * so the conversation's last turns are remembered with the newest record they were made for, as
 * conversation-totals.ts remembers the limits' totals: the next turn's read finds them a message
 * or two back and adds only what came after, instead of converting the session's tail again.
 * Records never change once saved and a session only grows, so remembered turns stay true.
 */
export function historyWindowOfTail(messages: readonly MessageRecord[], window: HistoryWindow = DEFAULT_WINDOW): ChatTurn[] {
  // A whole session always holds its window.
  return tailWindow(messages, 0, window)!;
}

/**
 * The history window of a session from its last messages and its count (a served session's
 * state), or undefined when those messages may not hold the whole window (read the store then).
 * A tail's turns are the last turns of the whole, as storedHistoryWindow relies on too.
 */
export function windowOfState(
  state: { tail: readonly MessageRecord[]; count: number },
  window: HistoryWindow = DEFAULT_WINDOW,
): ChatTurn[] | undefined {
  return tailWindow(state.tail, Math.max(0, state.count - state.tail.length), window);
}

/**
 * The window from a session's last messages, `before` of its messages coming before them (0: the
 * whole session), or undefined when they hold too few turns to tell. Remembered turns are found by
 * the record's place in the whole session, so a served session's tail, which slides along as the
 * session grows past it, finds them too.
 */
function tailWindow(messages: readonly MessageRecord[], before: number, window: HistoryWindow): ChatTurn[] | undefined {
  const remembered = rememberedTail(messages, before, window);
  if (remembered) return windowTurns(remembered, window);
  for (let rows = firstTailRows(window); ; rows *= 4) {
    const all = rows >= messages.length;
    const tail = all ? messages : messages.slice(-rows);
    const turns = conversationTurns(tail);
    const whole = all && before === 0;
    if (turns.length >= window.maxMessages || all) {
      remember(messages, { count: before + messages.length, turns, whole }, window);
      return whole || turns.length >= window.maxMessages ? windowTurns(turns, window) : undefined;
    }
  }
}

interface TurnsTail {
  /** The session's messages through the record (its position in the whole session, plus one). */
  count: number;
  /** The conversation's last turns through the record: all of them when `whole`. */
  turns: readonly ChatTurn[];
  whole: boolean;
}

/** Turns remembered per record, at least (more when a window wants more). */
const KEPT_TURNS = 64;
/** How far back from the newest message a read looks for remembered turns. */
const LOOK_BACK = 16;

const tails = new WeakMap<MessageRecord, TurnsTail>();

/** The last turns of `messages` from turns remembered for one of its last records, when there are enough for the window. */
function rememberedTail(messages: readonly MessageRecord[], before: number, window: HistoryWindow): readonly ChatTurn[] | undefined {
  const n = messages.length;
  for (let i = n - 1; i >= Math.max(0, n - LOOK_BACK); i--) {
    const known = tails.get(messages[i]!);
    // The same record at the same place: the same session up to it.
    if (!known || known.count !== before + i + 1) continue;
    // With no turn to go on, a reply that follows cannot tell whether it replaces one.
    if (!known.whole && known.turns.length === 0) return undefined;
    if (i === n - 1) return known.whole || known.turns.length >= window.maxMessages ? known.turns : undefined;
    const turns = [...known.turns];
    for (let j = i + 1; j < n; j++) addTurn(turns, messages[j]!);
    const tail = { count: before + n, turns, whole: known.whole };
    // The newer record carries the turns on; the older one is not asked again by this session.
    tails.delete(messages[i]!);
    remember(messages, tail, window);
    return tail.whole || tail.turns.length >= window.maxMessages ? tail.turns : undefined;
  }
  return undefined;
}

function remember(messages: readonly MessageRecord[], tail: TurnsTail, window: HistoryWindow): void {
  const last = messages[messages.length - 1];
  if (!last) return;
  const keep = Math.max(KEPT_TURNS, window.maxMessages);
  const turns = tail.turns.length > keep ? tail.turns.slice(-keep) : tail.turns;
  tails.set(last, { count: tail.count, turns, whole: tail.whole && turns === tail.turns });
}
