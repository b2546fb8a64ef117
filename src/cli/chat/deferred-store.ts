import type { HistoryStore } from '../../store/history-store.js';
import type { GroupStore } from '../../chat/chat-store.js';
import type {
  MessageRecord,
  NewEvent,
  NewMessage,
  PersonaSnapshot,
  RecentMessages,
  SessionParticipant,
  SessionRecord,
} from '../../core/records.js';

/**
 * The history store, opened after the chat's first frame is on screen instead of before it:
 * loading the native SQLite addon (or connecting to PostgreSQL) and checking migrations is
 * start-up time the user would otherwise stare at. Nothing touches the store before the first
 * message; a call that comes earlier waits for the store to open.
 */
export class DeferredHistoryStore implements GroupStore {
  private store: HistoryStore | undefined;
  private opening: Promise<HistoryStore> | undefined;

  constructor(private readonly open: () => Promise<HistoryStore>) {}

  /** Starts opening (once); resolves when the store can be used. */
  ready(): Promise<HistoryStore> {
    this.opening ??= this.open().then((store) => (this.store = store));
    return this.opening;
  }

  /** The open store, or undefined while it is still opening. */
  get opened(): HistoryStore | undefined {
    return this.store;
  }

  async close(): Promise<void> {
    if (this.opening) await (await this.opening.catch(() => undefined))?.close();
  }

  saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): Promise<PersonaSnapshot> {
    return this.ready().then((db) => db.saveSnapshot(snapshot));
  }
  createSession(session: Omit<SessionRecord, 'id' | 'startedAt' | 'lastActiveAt'>): Promise<SessionRecord> {
    return this.ready().then((db) => db.createSession(session));
  }
  getSession(id: string): Promise<SessionRecord | undefined> {
    return this.ready().then((db) => db.getSession(id));
  }
  appendMessage(message: NewMessage, event?: NewEvent): Promise<MessageRecord> {
    return this.ready().then((db) => db.appendMessage(message, event));
  }
  listMessages(sessionId: string): Promise<MessageRecord[]> {
    return this.ready().then((db) => db.listMessages(sessionId));
  }
  recentMessages(sessionId: string, limit: number): Promise<RecentMessages> {
    return this.ready().then((db) => db.recentMessages(sessionId, limit));
  }
  recordEvent(event: NewEvent): Promise<void> {
    return this.ready().then((db) => db.recordEvent(event));
  }
  /** The daily budget counts every session's spend, not just this one's. */
  spentSince(sinceIso: string): Promise<number> {
    return this.ready().then((db) => db.spentSince(sinceIso));
  }
  addParticipants(sessionId: string, participants: ReadonlyArray<{ personaId: string; snapshotId: string }>): Promise<void> {
    return this.ready().then((db) => db.addParticipants(sessionId, participants));
  }
  listParticipants(sessionId: string): Promise<SessionParticipant[]> {
    return this.ready().then((db) => db.listParticipants(sessionId));
  }
}
