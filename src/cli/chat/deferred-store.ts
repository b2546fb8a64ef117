import { StoreError } from '../../core/errors.js';
import type { SqliteStore } from '../../store/sqlite-store.js';
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
 * The history database, opened after the chat's first frame is on screen instead of before it:
 * loading the native SQLite addon and checking migrations is start-up time the user would
 * otherwise stare at. Nothing touches the store before the first message, and the chat waits
 * for `ready` before sending one.
 */
export class DeferredSqliteStore implements GroupStore {
  private store: SqliteStore | undefined;
  private opening: Promise<SqliteStore> | undefined;

  constructor(private readonly open: () => Promise<SqliteStore>) {}

  /** Starts opening (once); resolves when the database can be used. */
  ready(): Promise<SqliteStore> {
    this.opening ??= this.open().then((store) => (this.store = store));
    return this.opening;
  }

  /** The open database, or undefined while it is still opening. */
  get opened(): SqliteStore | undefined {
    return this.store;
  }

  async close(): Promise<void> {
    if (this.opening) (await this.opening.catch(() => undefined))?.close();
  }

  private get db(): SqliteStore {
    if (!this.store) throw new StoreError('the history database is not open yet');
    return this.store;
  }

  saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): PersonaSnapshot {
    return this.db.saveSnapshot(snapshot);
  }
  createSession(session: Omit<SessionRecord, 'id' | 'startedAt' | 'lastActiveAt'>): SessionRecord {
    return this.db.createSession(session);
  }
  getSession(id: string): SessionRecord | undefined {
    return this.db.getSession(id);
  }
  appendMessage(message: NewMessage): MessageRecord {
    return this.db.appendMessage(message);
  }
  listMessages(sessionId: string): MessageRecord[] {
    return this.db.listMessages(sessionId);
  }
  recentMessages(sessionId: string, limit: number): RecentMessages {
    return this.db.recentMessages(sessionId, limit);
  }
  recordEvent(event: NewEvent): void {
    this.db.recordEvent(event);
  }
  /** The daily budget counts every session's spend, not just this one's. */
  spentSince(sinceIso: string): number {
    return this.db.spentSince(sinceIso);
  }
  addParticipants(sessionId: string, participants: ReadonlyArray<{ personaId: string; snapshotId: string }>): void {
    this.db.addParticipants(sessionId, participants);
  }
  listParticipants(sessionId: string): SessionParticipant[] {
    return this.db.listParticipants(sessionId);
  }
}
