import type { ChatStore, SessionState } from '../chat/chat-store.js';
import { conversationTotals, withMessage, type ConversationTotals } from '../chat/conversation-totals.js';
import type { MessageRecord, NewEvent, NewMessage, SessionRecord } from '../core/records.js';

// Every turn of a continued conversation needs two things of its session: the totals the limits
// count (turns, tokens, spend) and its last messages, which the history window is cut from.
// Reading the session again each turn makes a long conversation slower with every message, so the
// server keeps, for each session it serves, those two things in memory, up to a bound: the
// session's totals and its last TAIL_ROWS messages. Before answering from memory it only checks
// that the stored session still has the same number of messages (its last seq, read from the
// end of an index).
//
// Messages are only ever appended to a session (deleting removes the whole session), so an equal
// count means the same rows. A message appended through this cache is added to the cached totals
// and tail when it directly follows them; anything else (another process writing the same session)
// shows up as a different count and the session is read afresh.
//
// Only the tail is kept, not the whole session: a server with many long sessions once kept every
// message of each, went past its bound, and then read a whole session back for nearly every turn
// (measured: event-loop stalls of 150-350 ms with 250 sessions of ~1,000 messages).
//
// A continued session is also looked up by id at the start of every turn (does it exist, is it
// the caller's). Its record is kept with its messages, and the same count check answers both:
// the messages of a deleted session are deleted with it (ON DELETE CASCADE), so an unchanged,
// non-zero count means the session is still there, and the fields a turn checks (owner,
// persona) never change. The count read for the lookup is trusted until the event loop's next
// turn, so a turn reads one row instead of two.

/**
 * Cached messages at most, across sessions, each session counting as one more (so sessions
 * created and never written to are bounded too); the least recently used sessions go first.
 */
export const DEFAULT_CACHED_MESSAGES = 50_000;

/**
 * The last messages kept per session: enough for a history window of 60 turns with failed
 * replies and retries among them (the default window is 20). A larger window reads the store.
 */
export const TAIL_ROWS = 128;

interface Served {
  record?: SessionRecord;
  /** The session's messages counted (its last seq). */
  count: number;
  totals: ConversationTotals;
  /** The last messages, at most TAIL_ROWS of them. */
  tail: MessageRecord[];
}

export class SessionMessages {
  private readonly sessions = new Map<string, Served>();
  /** Sessions whose count `session` read in this turn of the event loop. */
  private readonly checked = new Set<string>();
  private size = 0;

  constructor(
    private readonly store: ChatStore,
    private readonly maxMessages = DEFAULT_CACHED_MESSAGES,
    private readonly tailRows = TAIL_ROWS,
  ) {}

  /**
   * A session this server has just created (no messages yet): cached from the start, so neither
   * the turn that follows in this tick nor the next turn reads it back.
   */
  started(session: SessionRecord): void {
    this.put(session.id, { record: session, count: 0, totals: conversationTotals([]), tail: [] });
    if (this.sessions.has(session.id)) this.markChecked(session.id);
  }

  /** The session as stored (undefined once deleted): from memory while its message count is unchanged. */
  async session(sessionId: string): Promise<SessionRecord | undefined> {
    const served = this.sessions.get(sessionId);
    if (served?.record && served.count > 0) {
      const { total } = await this.store.recentMessages(sessionId, 0);
      if (total === served.count && this.sessions.get(sessionId) === served) {
        this.markChecked(sessionId);
        return served.record;
      }
    }
    const stored = await this.store.getSession(sessionId);
    // Kept only beside cached messages (dropped with them), so the count check covers it.
    const still = this.sessions.get(sessionId);
    if (stored && still) still.record = stored;
    return stored;
  }

  /** The totals and last messages of a session (ChatStore.sessionState): from memory while unchanged. */
  async state(sessionId: string): Promise<SessionState> {
    const served = await this.current(sessionId);
    // A copy of the tail: a turn of the same session running meanwhile appends to the cached one.
    if (served) return { totals: served.totals, tail: served.tail.slice(), count: served.count };
    const messages = await this.store.listMessages(sessionId);
    const fresh = this.keep(sessionId, messages);
    return { totals: fresh.totals, tail: messages, count: messages.length };
  }

  /** The whole session: from memory while unchanged and short enough to be held whole, else read. */
  async list(sessionId: string): Promise<MessageRecord[]> {
    const served = await this.current(sessionId);
    // A copy, so no caller changes the cache.
    if (served && served.tail.length === served.count) return [...served.tail];
    const messages = await this.store.listMessages(sessionId);
    this.keep(sessionId, messages);
    return messages;
  }

  async append(message: NewMessage, event?: NewEvent): Promise<MessageRecord> {
    const saved = await this.store.appendMessage(message, event);
    const served = this.sessions.get(saved.sessionId);
    if (served) {
      if (served.count === saved.seq - 1) {
        served.count++;
        served.totals = withMessage(served.totals, saved);
        served.tail.push(saved);
        if (served.tail.length > this.tailRows) served.tail.shift();
        else this.size++;
        this.evict();
      } else this.drop(saved.sessionId);
    }
    return saved;
  }

  /** Sessions cached now (for tests). */
  get sessionCount(): number {
    return this.sessions.size;
  }

  /** The cached session when the stored one still has its count (counted by `session` in this tick, or now). */
  private async current(sessionId: string): Promise<Served | undefined> {
    const served = this.sessions.get(sessionId);
    if (!served) return undefined;
    const total = this.checked.has(sessionId) ? served.count : (await this.store.recentMessages(sessionId, 0)).total;
    // Still the same rows (and not dropped meanwhile).
    if (total !== served.count || this.sessions.get(sessionId) !== served) return undefined;
    this.touch(sessionId, served);
    return served;
  }

  /** Caches what a whole read of the session gave; returns it. */
  private keep(sessionId: string, messages: readonly MessageRecord[]): Served {
    const served: Served = {
      record: this.sessions.get(sessionId)?.record,
      count: messages.length,
      totals: conversationTotals(messages),
      tail: messages.slice(-this.tailRows),
    };
    this.put(sessionId, served);
    return served;
  }

  private put(sessionId: string, served: Served): void {
    this.drop(sessionId);
    // A tail bigger than the whole budget (a tiny budget) is simply read each time.
    if (served.tail.length > this.maxMessages) return;
    this.sessions.set(sessionId, served);
    this.size += served.tail.length + 1;
    this.evict();
  }

  private markChecked(sessionId: string): void {
    if (this.checked.size === 0) setImmediate(() => this.checked.clear());
    this.checked.add(sessionId);
  }

  private touch(sessionId: string, served: Served): void {
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, served);
  }

  private drop(sessionId: string): void {
    const old = this.sessions.get(sessionId);
    if (!old) return;
    this.sessions.delete(sessionId);
    this.checked.delete(sessionId);
    this.size -= old.tail.length + 1;
  }

  private evict(): void {
    for (const [oldest] of this.sessions) {
      if (this.size <= this.maxMessages) return;
      this.drop(oldest);
    }
  }
}
