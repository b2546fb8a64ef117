import type { ChatStore } from '../chat/chat-store.js';
import type { MessageRecord, NewMessage } from '../core/records.js';

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

/** Cached messages at most, across sessions; the least recently used sessions go first. */
export const DEFAULT_CACHED_MESSAGES = 50_000;

export class SessionMessages {
  private readonly sessions = new Map<string, MessageRecord[]>();
  private size = 0;

  constructor(
    private readonly store: ChatStore,
    private readonly maxMessages = DEFAULT_CACHED_MESSAGES,
  ) {}

  async list(sessionId: string): Promise<MessageRecord[]> {
    const cached = this.sessions.get(sessionId);
    if (cached) {
      const { total } = await this.store.recentMessages(sessionId, 0);
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

  async append(message: NewMessage): Promise<MessageRecord> {
    const saved = await this.store.appendMessage(message);
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
    this.size += messages.length;
    this.evict();
  }

  private touch(sessionId: string, messages: MessageRecord[]): void {
    this.sessions.delete(sessionId);
    this.sessions.set(sessionId, messages);
  }

  private drop(sessionId: string): void {
    const old = this.sessions.get(sessionId);
    if (!old) return;
    this.sessions.delete(sessionId);
    this.size -= old.length;
  }

  private evict(): void {
    for (const [oldest] of this.sessions) {
      if (this.size <= this.maxMessages) return;
      this.drop(oldest);
    }
  }
}
