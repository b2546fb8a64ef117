import type BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../core/errors.js';
import { newId } from '../core/ids.js';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Database, type OpenDatabaseOptions } from './database.js';
import { searchTerms, toFtsQuery, type SearchTerm } from './fts-query.js';
import { exactWordMatcher } from './exact-words.js';
import {
  MESSAGE_INSERT_COLUMNS,
  messageRowValues,
  newMessageRecord,
  toMessage,
  toParticipant,
  toSearchHit,
  toSession,
  toSessionSummary,
  toSnapshot,
} from './rows.js';
import { participantsSql, REPLY_TOTALS_SQL, searchSql, sessionSummarySql } from './session-queries.js';
import { sessionGoneError, toStoreError, withStoreErrors } from './store-errors.js';
import { AMBIGUOUS_SHOWN, idPrefix, uniqueMatch } from './id-prefix.js';
import { WriteBatch } from './write-batch.js';
import { FtsCatchUp } from './fts-catch-up.js';
import { WalCheckpointer } from './wal-checkpointer.js';
import { SqliteRunRepository } from './run-repository.js';
import type { HistoryStore, SessionWithParticipants, StoreLocation, StoredTranscript } from './history-store.js';
import { readUsageStats, type StatsFilter, type UsageStats } from './usage-stats.js';
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

const INSERT_MESSAGE = `INSERT INTO messages (${MESSAGE_INSERT_COLUMNS}) VALUES (${MESSAGE_INSERT_COLUMNS.split(',').fill('?').join(', ')})`;

export interface SqliteStoreOptions {
  /** The clock; tests pin it to order sessions deterministically. */
  now?: () => Date;
}

const NO_LIMIT = -1;
/** The one-to-one sessions with @personaId: a group session is continued as a group. */
const LATEST_WITH_PERSONA = 'persona_id = @personaId AND id NOT IN (SELECT session_id FROM session_participants)';
const DEFAULT_SEARCH_LIMIT = 20;
/** Sessions whose last seq is remembered (appendMessage); past this many the list starts again. */
const KEPT_SEQS = 10_000;
/** The sliding window of the per-user request limit. */
const REQUEST_WINDOW_MS = 60_000;

/**
 * The chat history in SQLite. Every write that reads before it writes runs in a `BEGIN IMMEDIATE`
 * transaction: it takes the write lock up front, so two processes never deadlock on a lock
 * upgrade, and the busy timeout (not SQLITE_BUSY) is what a second writer experiences.
 */
// Implements HistoryStore (history-store.ts), which the chat's GroupStore is a part of. The work stays
// synchronous inside (better-sqlite3 answers at once, and IMMEDIATE transactions need no awaiting);
// only the public surface returns promises, so the PostgreSQL store can stand in for it.

export class SqliteStore implements HistoryStore {
  readonly file: string;
  readonly location: StoreLocation;
  private readonly now: () => Date;
  private readonly busyTimeoutMs: number;
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private runRepository: SqliteRunRepository | undefined;
  private readonly writes: WriteBatch;
  /** Full-text indexing, after the writes rather than in them (fts-catch-up.ts). */
  private readonly fts: FtsCatchUp;
  /** A server's checkpoints, in a thread of their own (forServing). */
  private checkpointer: WalCheckpointer | undefined;
  /**
   * The last seq committed by this store per session it wrote to: the next message's seq without
   * reading the session's index again on every message (see appendMessage).
   */
  private readonly lastSeqs = new Map<string, number>();
  /** `PRAGMA data_version` as last read (knownCount), and whether that was in this event-loop turn. */
  private dataVersion: number | undefined;
  private dataVersionFresh = false;
  private readonly dataVersionStatement: BetterSqlite3.Statement;
  /** The spend since `since` through message row `throughPk`, while `deletions` stays put (see spentSince). */
  private spend: { since: string; throughPk: number; usd: number; deletions: number } | undefined;

  constructor(
    private readonly db: Database,
    options: SqliteStoreOptions = {},
  ) {
    this.file = db.name;
    this.location = { backend: 'sqlite', where: db.name };
    this.now = options.now ?? (() => new Date());
    this.busyTimeoutMs = Number(db.pragma('busy_timeout', { simple: true })) || DEFAULT_BUSY_TIMEOUT_MS;
    this.writes = new WriteBatch(db, (error) => toStoreError(error, this.file, this.busyTimeoutMs) ?? error);
    this.fts = new FtsCatchUp(db, (work) => this.transaction(work));
    this.dataVersionStatement = db.prepare('PRAGMA data_version').pluck();
  }

  async saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): Promise<PersonaSnapshot> {
    return this.write(() => {
      // Same content hash -> the existing row, with its original id and date.
      this.statement(
        `INSERT INTO persona_snapshots
           (id, persona_id, name, content_hash, persona_json, chat_profile_json, system_prompt, created_at)
         VALUES (@id, @personaId, @name, @contentHash, @personaJson, @chatProfileJson, @systemPrompt, @createdAt)
         ON CONFLICT (content_hash) DO NOTHING`,
      ).run({
        id: this.newId(),
        personaId: snapshot.personaId,
        name: snapshot.name,
        contentHash: snapshot.contentHash,
        personaJson: JSON.stringify(snapshot.persona ?? null),
        chatProfileJson: JSON.stringify(snapshot.chatProfile ?? null),
        systemPrompt: snapshot.systemPrompt,
        createdAt: this.timestamp(),
      });
      return toSnapshot(this.statement('SELECT * FROM persona_snapshots WHERE content_hash = ?').get(snapshot.contentHash));
    });
  }

  async getSnapshot(id: string): Promise<PersonaSnapshot | undefined> {
    return this.guarded(() => {
      const row = this.statement('SELECT * FROM persona_snapshots WHERE id = ?').get(id);
      return row === undefined ? undefined : toSnapshot(row);
    });
  }

  async createSession(session: Omit<SessionRecord, 'id' | 'startedAt' | 'lastActiveAt'>): Promise<SessionRecord> {
    const startedAt = this.timestamp();
    const record: SessionRecord = {
      id: this.newId(),
      personaId: session.personaId,
      snapshotId: session.snapshotId,
      userId: session.userId,
      provider: session.provider,
      model: session.model,
      title: session.title,
      startedAt,
      lastActiveAt: startedAt,
    };
    await this.write(() => {
      if (this.statement('SELECT 1 FROM persona_snapshots WHERE id = ?').get(record.snapshotId) === undefined) {
        throw new StoreError(`Cannot start a session: persona snapshot ${record.snapshotId} is not in the database.`);
      }
      this.statement(
        `INSERT INTO sessions (id, persona_id, snapshot_id, user_id, provider, model, title, started_at, last_active_at)
         VALUES (@id, @personaId, @snapshotId, @userId, @provider, @model, @title, @startedAt, @lastActiveAt)`,
      ).run(record);
    });
    // A new session has no messages: its first one needs no look at the index either.
    this.rememberSeq(record.id, 0);
    return record;
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    return this.guarded(() => {
      const row = this.statement('SELECT * FROM sessions WHERE id = ?').get(id);
      return row === undefined ? undefined : toSession(row);
    });
  }

  async setSessionTitle(id: string, title: string | null): Promise<boolean> {
    return this.guarded(() => this.statement('UPDATE sessions SET title = ? WHERE id = ?').run(title, id).changes > 0);
  }

  async appendMessage(message: NewMessage, event?: NewEvent): Promise<MessageRecord> {
    const saved = await this.write(() => {
      const record = this.insertNextMessage(message);
      if (event) this.insertEvent(event);
      return record;
    });
    // Remembered once committed: a batch that is rolled back and run again (write-batch.ts) must
    // not leave a seq that was never saved, or the next message would leave a gap.
    this.rememberSeq(saved.sessionId, saved.seq);
    return saved;
  }

  /** The statements of appendMessage: the session touched, the row with the next seq. */
  private insertNextMessage(message: NewMessage): MessageRecord {
    const createdAt = message.createdAt ?? this.timestamp();
    const id = this.newId();
    // Its totals are added to by trigger when the row goes in (migration 009_session_totals).
    const touched = this.statement('UPDATE sessions SET last_active_at = max(last_active_at, ?) WHERE id = ?').run(
      createdAt,
      message.sessionId,
    );
    if (touched.changes === 0) {
      throw sessionGoneError(message.sessionId);
    }
    // The seq after the last one this store committed to the session, which the session's UNIQUE
    // (session_id, seq) confirms: a row another process added meanwhile makes the insert fail
    // (nothing written), and the seq is read from the table as before.
    const known = this.lastSeqs.get(message.sessionId);
    if (known !== undefined) {
      const record = newMessageRecord(message, { id, seq: known + 1, createdAt });
      try {
        this.insertMessage(record);
        return record;
      } catch (error) {
        if (!isSeqTaken(error)) throw error;
      }
    }
    const { next } = this.statement('SELECT coalesce(max(seq), 0) + 1 AS next FROM messages WHERE session_id = ?').get(
      message.sessionId,
    ) as { next: number };
    const record = newMessageRecord(message, { id, seq: next, createdAt });
    this.insertMessage(record);
    return record;
  }

  /**
   * A session's message count as this store knows it (the last seq it committed; seqs have no
   * gaps), when no other connection has committed to the file since it learnt it. That is asked
   * of SQLite (`PRAGMA data_version`, which moves with every commit of another connection) at most
   * once per event-loop turn, rather than reading the session's index for every session asked about.
   */
  private knownCount(sessionId: string): number | undefined {
    if (!this.dataVersionFresh) {
      const version = Number(this.dataVersionStatement.get());
      if (version !== this.dataVersion) {
        // Another connection wrote (or this is the first look): what this store learnt may be behind.
        this.lastSeqs.clear();
        this.dataVersion = version;
      }
      this.dataVersionFresh = true;
      setImmediate(() => (this.dataVersionFresh = false));
    }
    return this.lastSeqs.get(sessionId);
  }

  private rememberSeq(sessionId: string, seq: number): void {
    const last = this.lastSeqs.get(sessionId);
    if (last !== undefined && last >= seq) return;
    if (this.lastSeqs.size >= KEPT_SEQS) this.lastSeqs.clear();
    this.lastSeqs.set(sessionId, seq);
  }

  private insertMessage(record: MessageRecord): void {
    this.statement(INSERT_MESSAGE).run(...messageRowValues(record));
  }

  /** Makes the session a group session: its participants, in speaking order. */
  async addParticipants(sessionId: string, participants: ReadonlyArray<{ personaId: string; snapshotId: string }>): Promise<void> {
    this.transaction(() => {
      const { next } = this.statement('SELECT coalesce(max(position), 0) + 1 AS next FROM session_participants WHERE session_id = ?').get(
        sessionId,
      ) as { next: number };
      const insert = this.statement('INSERT INTO session_participants (session_id, position, persona_id, snapshot_id) VALUES (?, ?, ?, ?)');
      participants.forEach((p, i) => insert.run(sessionId, next + i, p.personaId, p.snapshotId));
    });
  }

  async listParticipants(sessionId: string): Promise<SessionParticipant[]> {
    return this.guarded(() => this.statement(participantsSql('sp.session_id = ?')).all(sessionId).map(toParticipant));
  }

  async listMessages(sessionId: string): Promise<MessageRecord[]> {
    return this.guarded(() => this.statement('SELECT * FROM messages WHERE session_id = ? ORDER BY seq').all(sessionId).map(toMessage));
  }

  async recentMessages(sessionId: string, limit: number): Promise<RecentMessages> {
    return this.guarded(() => {
      // The count alone (a server checks that a session it keeps in memory is unchanged, every turn):
      // from the seqs this store committed, while no other connection has written to the file.
      if (limit <= 0) {
        const known = this.knownCount(sessionId);
        if (known !== undefined) return { messages: [], total: known };
      }
      // Both walk the UNIQUE (session_id, seq) index from its end: the cost follows `limit`, not the session's length.
      const newestFirst =
        limit > 0 ? this.statement('SELECT * FROM messages WHERE session_id = ? ORDER BY seq DESC LIMIT ?').all(sessionId, limit) : [];
      // A session's seqs are 1, 2, 3… with no gaps (appendMessage gives max + 1; only whole sessions are
      // deleted), so the last seq is the count, read from the index's end where count(*) walks all of it.
      const { total } = this.statement('SELECT coalesce(max(seq), 0) AS total FROM messages WHERE session_id = ?').get(sessionId) as {
        total: number;
      };
      return { messages: newestFirst.reverse().map(toMessage), total: Number(total) };
    });
  }

  /** The totals of a session's replies, summed in SQL (a greeting, which no model wrote, is no reply). */
  async replyTotals(sessionId: string): Promise<ReplyTotals> {
    return this.guarded(() => {
      // No row, no session: no replies.
      const row = (this.statement(REPLY_TOTALS_SQL).get(sessionId) ?? { replies: 0, input: 0, output: 0, cost: 0, incomplete: 0 }) as {
        replies: number;
        input: number;
        output: number;
        cost: number;
        incomplete: number;
      };
      return {
        inputTokens: Number(row.input),
        outputTokens: Number(row.output),
        costUsd: Number(row.cost),
        costIncomplete: Number(row.incomplete) === 1,
        replies: Number(row.replies),
      };
    });
  }

  async recordEvent(event: NewEvent): Promise<void> {
    await this.write(() => this.insertEvent(event));
  }

  private insertEvent(event: NewEvent): void {
    this.statement(
      `INSERT INTO events (id, kind, session_id, persona_id, data_json, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ).run(this.newId(), event.kind, event.sessionId ?? null, event.personaId ?? null, JSON.stringify(event.data ?? {}), this.timestamp());
  }

  async spentSince(sinceIso: string): Promise<number> {
    // Summing the day's messages on every request costs more with every message of the day (on
    // a busy server, more than the rest of the request). So the day's total is kept, and each call
    // adds only the rows written since (by any process: row keys only grow while nothing is
    // deleted). A deletion anywhere moves messages_marks.deletions (migration 007), and the day is
    // summed afresh. Each branch is one statement: it reads one consistent state.
    return this.guarded(() => {
      const kept = this.spend;
      if (kept && kept.since === sinceIso) {
        const row = this.statement(
          `SELECT coalesce(sum(CASE WHEN created_at >= ? THEN cost_usd END), 0) AS usd, max(pk) AS last,
             (SELECT deletions FROM messages_marks) AS deletions
           FROM messages WHERE pk > ?`,
        ).get(sinceIso, kept.throughPk) as { usd: number; last: number | null; deletions: number };
        if (Number(row.deletions) === kept.deletions) {
          if (row.last !== null) {
            kept.usd += Number(row.usd);
            kept.throughPk = Number(row.last);
          }
          return kept.usd;
        }
      }
      const row = this.statement(
        `SELECT coalesce(sum(cost_usd), 0) AS usd, (SELECT coalesce(max(pk), 0) FROM messages) AS last,
           (SELECT deletions FROM messages_marks) AS deletions
         FROM messages WHERE created_at >= ?`,
      ).get(sinceIso) as { usd: number; last: number; deletions: number };
      this.spend = { since: sinceIso, throughPk: Number(row.last), usd: Number(row.usd), deletions: Number(row.deletions) };
      return this.spend.usd;
    });
  }

  /**
   * One chat request of `userId` against a limit of `perMinute` in any 60 s, counted in the file so
   * the limit holds across every server on it. 0 when admitted (and recorded); else the ms until the
   * oldest request in the window leaves it (nothing recorded). IMMEDIATE: two servers that count at
   * once are serialised, so neither admits past the limit.
   */
  async admitRequest(userId: string, perMinute: number): Promise<number> {
    if (!(perMinute > 0)) return 0;
    return this.write(() => {
      const now = this.now();
      const windowStart = new Date(now.getTime() - REQUEST_WINDOW_MS).toISOString();
      this.statement('DELETE FROM chat_requests WHERE user_id = ? AND created_at <= ?').run(userId, windowStart);
      const { count, oldest } = this.statement(
        'SELECT count(*) AS count, min(created_at) AS oldest FROM chat_requests WHERE user_id = ?',
      ).get(userId) as { count: number; oldest: string | null };
      if (Number(count) >= perMinute && oldest !== null) {
        return Math.max(1, Date.parse(oldest) + REQUEST_WINDOW_MS - now.getTime());
      }
      this.statement('INSERT INTO chat_requests (id, user_id, created_at) VALUES (?, ?, ?)').run(this.newId(), userId, now.toISOString());
      return 0;
    });
  }

  /** What `persona stats` shows; see usage-stats.ts. */
  async usageStats(filter: StatsFilter = {}): Promise<UsageStats> {
    return this.guarded(() => readUsageStats(this.db, filter));
  }

  /** Links a kept recording to the message it was transcribed into. */
  async attachAudio(messageId: string, audioPath: string): Promise<boolean> {
    return this.guarded(() => this.statement('UPDATE messages SET audio_path = ? WHERE id = ?').run(audioPath, messageId).changes > 0);
  }

  /** Most recently active first. */
  async listSessions(options: { personaId?: string; limit?: number } = {}): Promise<SessionSummary[]> {
    // A group session is listed under each of its participants.
    const where =
      options.personaId === undefined
        ? '1'
        : '(persona_id = @personaId OR id IN (SELECT session_id FROM session_participants WHERE persona_id = @personaId))';
    return this.summaries(where, { personaId: options.personaId, limit: options.limit ?? NO_LIMIT });
  }

  async getSessionSummary(id: string): Promise<SessionSummary | undefined> {
    return this.summaries('id = @id', { id, limit: 1 })[0];
  }

  /** The latest session of all, or the latest one-to-one session with `personaId` (group sessions are continued as groups). */
  async latestSession(personaId?: string): Promise<SessionSummary | undefined> {
    if (personaId === undefined) return this.summaries('1', { limit: 1 })[0];
    return this.summaries(LATEST_WITH_PERSONA, { personaId, limit: 1 })[0];
  }

  async latestSessionRecord(personaId?: string): Promise<SessionWithParticipants | undefined> {
    return this.guarded(() => {
      const where = personaId === undefined ? '1' : LATEST_WITH_PERSONA;
      const row = this.statement(`SELECT * FROM sessions WHERE ${where} ORDER BY last_active_at DESC, id DESC LIMIT 1`).get(
        personaId === undefined ? {} : { personaId },
      );
      return row === undefined ? undefined : this.withParticipants([toSession(row)])[0];
    });
  }

  /**
   * A session by its full id or a unique prefix of it, as git finds commits. Undefined when nothing
   * matches; a UsageError listing candidates when the prefix is ambiguous.
   */
  async findSession(idOrPrefix: string): Promise<SessionSummary | undefined> {
    const wanted = idPrefix(idOrPrefix);
    if (wanted === undefined) return undefined;
    const exact = this.summaries('id = @id', { id: wanted, limit: 1 })[0];
    if (exact) return exact;
    return uniqueMatch(wanted, this.summaries('id GLOB @pattern', { pattern: `${wanted}*`, limit: AMBIGUOUS_SHOWN + 1 }));
  }

  /** Deletes a session with its messages (cascade) and its analytics events. */
  async deleteSession(id: string): Promise<boolean> {
    this.lastSeqs.delete(id);
    return this.transaction(() => {
      this.statement('DELETE FROM events WHERE session_id = ?').run(id);
      return this.statement('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
    });
  }

  /** Full-text search over message text, best match first. Any input is safe: see toFtsQuery. */
  async search(text: string, options: { limit?: number; personaId?: string } = {}): Promise<SearchHit[]> {
    const query = toFtsQuery(text);
    if (query === undefined) return [];
    this.registerExactWords();
    const byPersona = options.personaId !== undefined;
    // Messages saved by now, by any process, are indexed before the index is read.
    this.guarded(() => this.fts.catchUpAll());
    return this.guarded(() =>
      this.statement(searchSql(byPersona))
        .all({
          query,
          terms: JSON.stringify(searchTerms(text)),
          limit: options.limit ?? DEFAULT_SEARCH_LIMIT,
          ...(byPersona ? { personaId: options.personaId } : {}),
        })
        .map(toSearchHit),
    );
  }

  /** The session, the persona as it was chatted with, and every message; undefined if no such session. */
  async getTranscript(sessionId: string): Promise<StoredTranscript | undefined> {
    // One read transaction: the summary, snapshot and messages agree even while another process writes.
    return this.guarded(() =>
      this.db.transaction(() => {
        const session = this.summaries('id = @id', { id: sessionId, limit: 1 })[0];
        if (!session) return undefined;
        const row = this.statement('SELECT * FROM persona_snapshots WHERE id = ?').get(session.snapshotId);
        const snapshot = row === undefined ? undefined : toSnapshot(row);
        const messages = this.statement('SELECT * FROM messages WHERE session_id = ? ORDER BY seq').all(sessionId).map(toMessage);
        return { session, ...(snapshot ? { snapshot } : {}), messages };
      })(),
    );
  }

  /** Research runs (surveys, multi-persona asks) in the same database. */
  runs(): SqliteRunRepository {
    return (this.runRepository ??= new SqliteRunRepository({
      db: this.db,
      now: this.now,
      newId: () => this.newId(),
      guarded: (work) => this.guarded(work),
    }));
  }

  /** `persona serve`: WAL checkpoints run in a thread of their own, not inside a request's commit (wal-checkpointer.ts). */
  forServing(): void {
    if (this.checkpointer || this.db.memory || this.db.readonly || !this.db.open) return;
    this.checkpointer = new WalCheckpointer(this.db);
  }

  async close(): Promise<void> {
    this.closeNow();
  }

  /**
   * Closes the file at once, for the places that cannot wait for a promise: a process 'exit'
   * handler, a signal handler's last step. Closing twice is harmless.
   */
  closeNow(): void {
    this.fts.stop();
    // Writes queued in this turn are committed first: closing never drops one a caller is waiting for.
    if (this.db.open) this.writes.flush();
    if (this.db.open) this.db.close();
    this.checkpointer?.stop();
    this.checkpointer = undefined;
  }

  private summaries(where: string, params: Record<string, unknown>): SessionSummary[] {
    const bound = Object.fromEntries(Object.entries(params).filter(([, value]) => value !== undefined));
    return this.guarded(() => {
      const sessions = this.statement(sessionSummarySql(where)).all(bound).map(toSessionSummary);
      return this.withParticipants(sessions);
    });
  }

  /** Attaches the participants of the group sessions among `sessions` (one query for all of them). */
  private withParticipants<T extends SessionWithParticipants>(sessions: T[]): T[] {
    if (sessions.length === 0) return sessions;
    const ids = sessions.map((s) => s.id);
    const rows = this.db.prepare(participantsSql(`sp.session_id IN (${ids.map(() => '?').join(', ')})`)).all(...ids) as Array<
      Record<string, unknown>
    >;
    if (rows.length === 0) return sessions;
    const bySession = new Map<string, SessionParticipant[]>();
    for (const row of rows) {
      const list = bySession.get(String(row.session_id)) ?? [];
      list.push(toParticipant(row));
      bySession.set(String(row.session_id), list);
    }
    return sessions.map((s) => (bySession.has(s.id) ? { ...s, participants: bySession.get(s.id)! } : s));
  }

  private exactWordsRegistered = false;

  /** `exact_words(content, termsJson)`: 1 when the message has every search term as typed (see exact-words.ts). */
  private registerExactWords(): void {
    if (this.exactWordsRegistered) return;
    let cached: { json: string; matches: (content: string) => boolean } | undefined;
    this.db.function('exact_words', { deterministic: true }, (content: unknown, json: unknown) => {
      if (typeof content !== 'string' || typeof json !== 'string') return 0;
      if (cached?.json !== json) cached = { json, matches: exactWordMatcher(JSON.parse(json) as SearchTerm[]) };
      return cached.matches(content) ? 1 : 0;
    });
    this.exactWordsRegistered = true;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** A single statement (autocommit) or a read: the busy timeout covers its lock. */
  private guarded<T>(work: () => T): T {
    return withStoreErrors(this.file, this.busyTimeoutMs, work);
  }

  /**
   * The writes on a chat's path (snapshots, sessions, messages, events, request counts): queued and
   * committed with the other writes of this event-loop turn in one IMMEDIATE transaction, each in
   * its own savepoint (write-batch.ts). The promise settles after the commit, so an awaited write
   * is in the file, and atomic as before. Under load this is one commit per turn of the event loop
   * instead of one per write.
   */
  private write<T>(work: () => T): Promise<T> {
    const written = this.writes.run(work);
    this.fts.afterWrite();
    return written;
  }

  /** Several statements that must see and change the database atomically. */
  private transaction<T>(work: () => T): T {
    return withStoreErrors(this.file, this.busyTimeoutMs, () => this.db.transaction(work).immediate());
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private newId(): string {
    return newId(this.now().getTime());
  }
}

/** The insert failed because the session already has a message with that seq (another process wrote to it). */
function isSeqTaken(error: unknown): boolean {
  return (
    error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE' && error.message.includes('messages.seq')
  );
}

/** Opens the database file (creating and migrating it as needed) and wraps it in a store. */
export function openStore(file: string, options: OpenDatabaseOptions & SqliteStoreOptions = {}): SqliteStore {
  return new SqliteStore(openDatabase(file, options), options);
}
