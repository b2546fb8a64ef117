import type {
  MessageRecord,
  NewEvent,
  NewMessage,
  PersonaSnapshot,
  RecentMessages,
  SessionParticipant,
  SessionRecord,
} from '../core/records.js';

// The engine depends on `ChatStore` only, so it runs against any implementation (a HistoryStore in
// src/store, SQLite or PostgreSQL; the deferred one the chat opens with; the in-memory one of `ask
// --no-save` and the tests). Every method returns a promise: PostgreSQL answers over a socket. The
// engine awaits each save before it yields the event that reports it.

/** What the conversation engine needs from storage. */
export interface ChatStore {
  saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): Promise<PersonaSnapshot>;
  createSession(session: Omit<SessionRecord, 'id' | 'startedAt' | 'lastActiveAt'>): Promise<SessionRecord>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  /**
   * Appends atomically (the next seq, the row) and bumps the session's lastActiveAt. `event`, when
   * given, is recorded with the message: both are saved or neither (a reply and its outcome).
   */
  appendMessage(message: NewMessage, event?: NewEvent): Promise<MessageRecord>;
  listMessages(sessionId: string): Promise<MessageRecord[]>;
  /**
   * The last `limit` messages of a session, oldest first, and the session's message count: what
   * a reopened chat shows and what a history window needs, without reading a long session whole.
   */
  recentMessages(sessionId: string, limit: number): Promise<RecentMessages>;
  recordEvent(event: NewEvent): Promise<void>;
  /** USD spent on replies created at or after `sinceIso`, across sessions (the daily budget). */
  spentSince(sinceIso: string): Promise<number>;
}

/** What a group conversation (src/research/group) needs on top: its participants. */
export interface GroupStore extends ChatStore {
  addParticipants(sessionId: string, participants: ReadonlyArray<{ personaId: string; snapshotId: string }>): Promise<void>;
  listParticipants(sessionId: string): Promise<SessionParticipant[]>;
}
