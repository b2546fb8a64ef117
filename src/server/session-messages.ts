import type { ChatStore } from '../chat/chat-store.js';
import type { MessageRecord, NewEvent, NewMessage, SessionRecord } from '../core/records.js';

// Every turn of a continued conversation reads the whole session: the engine's limits count its
// turns, tokens and spend, and cut the history window from it. Reading and validating every row
// again each turn makes a long conversation slower with every message, so the server keeps the
// sessions it is serving in memory, up to a bound, and only checks that the stored session still
// has the same number of messages (its last seq, read from the end of an index) before answering
// from memory.
//
// Messages are only ever appended to a session (deleting removes the whole session), so an equal
// count means the same rows. A message appended through this cache is added to the cached copy
// when it directly follows it; anything else (another process writing the same session) shows up
// as a different count and the session is read afresh.
//
// A continued session is also looked up by id at the start of every turn (does it exist, is it
// the caller's). Its record is kept with its messages, and the same count check answers both:
// the messages of a deleted session are deleted with it (ON DELETE CASCADE), so an unchanged,
// non-zero count means the session is still there, and the fields a turn checks (owner,
// persona) never change. The count read for the lookup is trusted by `list` until the event
// loop's next turn, so a turn reads one row instead of two.

/**
 * Cached messages at most, across sessions, each session counting as one more (so sessions
 * created and never written to are bounded too); the least recently used sessions go first.
 */
export const DEFAULT_CACHED_MESSAGES = 50_000;

export class SessionMessages {
  private readonly sessions = new Map<string, MessageRecord[]>();
  private readonly records = new Map<string, SessionRecord>();
  /** Sessions whose count `session` read in this turn of the event loop. */
  private readonly checked = new Set<string>();
  private size = 0;

  constructor(
    private readonly store: ChatStore,
    private readonly maxMessages = DEFAULT_CACHED_MESSAGES,
  ) {}

  /**
   * A session this server has just created (no messages yet): cached from the start, so neither
   * the turn that follows in this tick nor the next turn reads it back.
   */
  started(session: SessionRecord): void {
    this.put(session.id, []);
    if (!this.sessions.has(session.id)) return;
    this.records.set(session.id, session);
    this.markChecked(session.id);
  }

  /** The session as stored (undefined once deleted): from memory while its message count is unchanged. */
  async session(sessionId: string): Promise<SessionRecord | undefined> {
    const cached = this.sessions.get(sessionId);
    const record = this.records.get(sessionId);
    if (cached && record && cached.length > 0) {
      const { total } = await this.store.recentMessages(sessionId, 0);
      if (total === cached.length && this.sessions.get(sessionId) === cached) {
        this.markChecked(sessionId);
        return record;
      }
    }
    const stored = await this.store.getSession(sessionId);
    // Kept only beside cached messages (dropped with them), so the count check covers it.
    if (stored && this.sessions.has(sessionId)) this.records.set(sessionId, stored);
    return stored;
  }

  async list(sessionId: string): Promise<MessageRecord[]> {
    const cached = this.sessions.get(sessionId);
    if (cached) {
      // Counted by `session` in this turn of the event loop already, or counted now.
      const total = this.checked.has(sessionId) ? cached.length : (await this.store.recentMessages(sessionId, 0)).total;
      // Still the same rows (and not dropped meanwhile): a copy, so no caller changes the cache.
      if (total === cached.length && this.sessions.get(sessionId) === cached) {
        this.touch(sessionId, cached);
        return [...cached];
      }
    }
    const messages = await this.store.listMessages(sessionId);
    this.put(sessionId, messages);
    return [...messages];
  }

  async append(message: NewMessage, event?: NewEvent): Promise<MessageRecord> {
    const saved = await this.store.appendMessage(message, event);
    const cached = this.sessions.get(saved.sessionId);
    if (cached) {
      if (cached.at(-1)?.seq === saved.seq - 1 || (cached.length === 0 && saved.seq === 1)) {
        cached.push(saved);
        this.size++;
        this.evict();
      } else this.drop(saved.sessionId);
    }
    return saved;
  }

  /** Sessions cached now (for tests). */
  get sessionCount(): number {
    return this.sessions.size;
  }

  private put(sessionId: string, messages: MessageRecord[]): void {
    this.drop(sessionId);
    // A session bigger than the whole budget is simply read each time.
    if (messages.length > this.maxMessages) return;
    this.sessions.set(sessionId, [...messages]);
    this.size += messages.length + 1;
    this.evict();
  }

  private markChecked(sessionId: string): void {
    if (this.checked.size === 0) setImmediate(() => this.checked.clear());
    this.checked.add(sessionId);
  }

  private touch(sessionId: string, messages: MessageRecord[]): void {
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, messages);
  }

  private drop(sessionId: string): void {
    const old = this.sessions.get(sessionId);
    if (!old) return;
    this.sessions.delete(sessionId);
    this.records.delete(sessionId);
    this.checked.delete(sessionId);
    this.size -= old.length + 1;
  }

  private evict(): void {
    for (const [oldest] of this.sessions) {
      if (this.size <= this.maxMessages) return;
      this.drop(oldest);
    }
  }
}
