import { conversationTotals, type ConversationTotals } from './conversation-totals.js';
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

/** A session's totals (the limits count them) and its last messages, oldest first (all of them when `tail.length === count`). */
export interface SessionState {
  totals: ConversationTotals;
  tail: readonly MessageRecord[];
  /** The session's messages. */
  count: number;
}

/** The state of a stored session: from the store when it keeps it at hand, else from the whole session read. */
export async function sessionStateOf(store: ChatStore, sessionId: string): Promise<SessionState> {
  if (store.sessionState) return store.sessionState(sessionId);
  return wholeSessionState(await store.listMessages(sessionId));
}

/** The state of a session read whole: every message is its tail. */
export function wholeSessionState(messages: readonly MessageRecord[]): SessionState {
  return { totals: conversationTotals(messages), tail: messages, count: messages.length };
}

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
   * What a turn needs of the session it continues, when the store keeps it at hand (a server's
   * cache, src/server/session-messages.ts): the whole session's totals and its last messages.
   * Without it, a turn reads the session whole (sessionStateOf).
   */
  sessionState?(sessionId: string): Promise<SessionState>;
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
