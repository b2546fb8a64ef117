import type {
  MessageRecord,
  NewEvent,
  NewMessage,
  PersonaSnapshot,
  RecentMessages,
  ReplyTotals,
  SearchHit,
  SessionParticipant,
  SessionRecord,
  SessionSummary,
} from '../core/records.js';
import type { NewRunAnswer, RunAnswerRecord, RunKind, RunRecord, RunStatus, RunSummary } from '../core/run-records.js';
import type { StatsFilter, UsageStats } from './usage-stats.js';

/** A session and, when it is a group session, its participants. */
export type SessionWithParticipants = SessionRecord & { participants?: SessionParticipant[] };

// The one contract both backends implement: SQLite (`SqliteStore`, the default, one file) and
// PostgreSQL (`PostgresStore`, when DATABASE_URL or database.url is set). Every method returns a
// promise because PostgreSQL answers over a socket; SQLite's answers are ready at once. Callers
// await both alike, and the behaviour tests in test/store/ run against each backend.

/** A session with everything an export needs. */
export interface StoredTranscript {
  session: SessionSummary;
  snapshot?: PersonaSnapshot;
  messages: MessageRecord[];
}

/** Which database a store writes to, for `persona db status`, `doctor` and messages. */
export interface StoreLocation {
  backend: 'sqlite' | 'postgres';
  /** The file path, or the connection URL with any password removed. */
  where: string;
}

/** Research runs (surveys, multi-persona asks) in the same database. */
export interface RunStore {
  createRun(run: {
    kind: RunKind;
    title: string;
    spec: unknown;
    personaIds: string[];
    provider: string;
    model: string;
  }): Promise<RunRecord>;
  setRunStatus(id: string, status: RunStatus): Promise<void>;
  saveAnswer(answer: NewRunAnswer): Promise<void>;
  linkSession(runId: string, sessionId: string, personaId: string): Promise<void>;
  getRun(id: string): Promise<RunSummary | undefined>;
  /** By full id or unique prefix; a UsageError listing candidates when ambiguous. */
  findRun(ref: string): Promise<RunSummary | undefined>;
  listRuns(options?: { kind?: RunKind; limit?: number }): Promise<RunSummary[]>;
  countRuns(): Promise<number>;
  listAnswers(runId: string): Promise<RunAnswerRecord[]>;
  runSessions(runId: string): Promise<Array<{ sessionId: string; personaId: string }>>;
  runsOfSessions(sessionIds: readonly string[]): Promise<Map<string, string>>;
  countSessionEntries(personaId?: string): Promise<number>;
  deleteRun(id: string): Promise<boolean>;
}

/** The chat history: what the engine saves through, what the CLI and the server read. */
export interface HistoryStore {
  readonly location: StoreLocation;

  saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): Promise<PersonaSnapshot>;
  getSnapshot(id: string): Promise<PersonaSnapshot | undefined>;
  createSession(session: Omit<SessionRecord, 'id' | 'startedAt' | 'lastActiveAt'>): Promise<SessionRecord>;
  getSession(id: string): Promise<SessionRecord | undefined>;
  setSessionTitle(id: string, title: string | null): Promise<boolean>;
  /** Atomic: the next seq of the session, the row, the session's lastActiveAt, and `event` when given (see ChatStore). */
  appendMessage(message: NewMessage, event?: NewEvent): Promise<MessageRecord>;
  addParticipants(sessionId: string, participants: ReadonlyArray<{ personaId: string; snapshotId: string }>): Promise<void>;
  listParticipants(sessionId: string): Promise<SessionParticipant[]>;
  listMessages(sessionId: string): Promise<MessageRecord[]>;
  recentMessages(sessionId: string, limit: number): Promise<RecentMessages>;
  replyTotals(sessionId: string): Promise<ReplyTotals>;
  recordEvent(event: NewEvent): Promise<void>;
  /** USD spent on replies created at or after `sinceIso`, across sessions and servers (the daily budget). */
  spentSince(sinceIso: string): Promise<number>;
  /**
   * Counts one chat request of `userId` against `perMinute`, in the database, so the limit holds
   * across every server on it. Returns 0 when admitted (and recorded), else the milliseconds to
   * wait (nothing recorded).
   */
  admitRequest(userId: string, perMinute: number): Promise<number>;
  usageStats(filter?: StatsFilter): Promise<UsageStats>;
  attachAudio(messageId: string, audioPath: string): Promise<boolean>;
  listSessions(options?: { personaId?: string; limit?: number }): Promise<SessionSummary[]>;
  getSessionSummary(id: string): Promise<SessionSummary | undefined>;
  latestSession(personaId?: string): Promise<SessionSummary | undefined>;
  /** The session latestSession finds, without its totals: nothing of its messages is read. */
  latestSessionRecord(personaId?: string): Promise<SessionWithParticipants | undefined>;
  findSession(idOrPrefix: string): Promise<SessionSummary | undefined>;
  deleteSession(id: string): Promise<boolean>;
  search(text: string, options?: { limit?: number; personaId?: string }): Promise<SearchHit[]>;
  getTranscript(sessionId: string): Promise<StoredTranscript | undefined>;
  runs(): RunStore;
  /**
   * For a long-running server (`persona serve`), never a short command: background work that
   * would otherwise pause a request moves off the event loop (SQLite: WAL checkpoints).
   */
  forServing(): void;
  close(): Promise<void>;
}
