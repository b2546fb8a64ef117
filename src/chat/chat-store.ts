import type {
  MessageRecord,
  NewEvent,
  NewMessage,
  PersonaSnapshot,
  RecentMessages,
  SessionParticipant,
  SessionRecord,
} from '../core/records.js';

// The engine depends on `ChatStore` only, so it runs against any implementation (the SQLite one in
// src/store, the deferred one the chat opens with, or the in-memory one in tests).

/** What the conversation engine needs from storage. */
export interface ChatStore {
  saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): PersonaSnapshot;
  createSession(session: Omit<SessionRecord, 'id' | 'startedAt' | 'lastActiveAt'>): SessionRecord;
  getSession(id: string): SessionRecord | undefined;
  /** Appends in its own IMMEDIATE transaction and bumps the session's lastActiveAt. */
  appendMessage(message: NewMessage): MessageRecord;
  listMessages(sessionId: string): MessageRecord[];
  /**
   * The last `limit` messages of a session, oldest first, and the session's message count: what
   * a reopened chat shows and what a history window needs, without reading a long session whole.
   */
  recentMessages(sessionId: string, limit: number): RecentMessages;
  recordEvent(event: NewEvent): void;
  /** USD spent on replies created at or after `sinceIso`, across sessions (the daily budget). */
  spentSince?(sinceIso: string): number;
}

/** What a group conversation (src/research/group) needs on top: its participants. */
export interface GroupStore extends ChatStore {
  addParticipants(sessionId: string, participants: ReadonlyArray<{ personaId: string; snapshotId: string }>): void;
  listParticipants(sessionId: string): SessionParticipant[];
}
