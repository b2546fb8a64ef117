import { sessionGoneError } from '../store-errors.js';
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { StoreError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
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
} from '../../core/records.js';
import type { HistoryStore, SessionWithParticipants, StoreLocation, StoredTranscript } from '../history-store.js';
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
} from '../rows.js';
import { AMBIGUOUS_SHOWN, idPrefix, uniqueMatch } from '../id-prefix.js';
import { participantsSql, UNKNOWN_COST } from '../session-queries.js';
import type { StatsFilter, UsageStats } from '../usage-stats.js';
import type { PostgresMigration } from './postgres-migrations.js';
import type { OpenPoolOptions, PostgresConnection } from './postgres-pool.js';
import { openMigratedPostgres } from './open-postgres.js';
import { withPostgresErrors } from './postgres-errors.js';
import { PostgresRunStore } from './postgres-run-store.js';
import { HEADLINE_OPTIONS, toTsQuery, withEllipsis } from './postgres-search.js';
import { readPostgresUsageStats } from './postgres-usage-stats.js';

const INSERT_EVENT = 'INSERT INTO events (id, kind, session_id, persona_id, data_json, created_at) VALUES ($1, $2, $3, $4, $5, $6)';

export interface PostgresStoreOptions extends OpenPoolOptions {
  /** The clock; tests pin it to order sessions deterministically. */
  now?: () => Date;
  /** The migration list; tests pass their own to simulate other versions. */
  migrations?: readonly PostgresMigration[];
}

const DEFAULT_SEARCH_LIMIT = 20;
const REQUEST_WINDOW_MS = 60_000;
/** The first half of admitRequest's advisory lock key (the user's hash is the second): one lock per user. */
const REQUEST_LOCK_CLASS = 7_240_118;

/** Every column of messages as SQLite has it (not the tsvector, which only PostgreSQL keeps). */
export const MESSAGE_COLUMNS = `pk, id, session_id, seq, role, content, created_at, provider, model, input_tokens, output_tokens,
  cache_read_tokens, cache_write_tokens, cost_usd, latency_first_ms, latency_total_ms, status, finish_reason, input_mode, error,
  fallback, audio_path, speaker_id, addressee_id`;

const INSERT_MESSAGE = `INSERT INTO messages (${MESSAGE_INSERT_COLUMNS}) VALUES (${MESSAGE_INSERT_COLUMNS.split(',')
  .map((_, i) => `$${i + 1}`)
  .join(', ')})`;

function summarySql(where: string, limitParam: string): string {
  return `
WITH picked AS (
  SELECT * FROM sessions WHERE ${where}
  ORDER BY last_active_at DESC, id DESC
  LIMIT ${limitParam}
)
SELECT picked.*, p.name AS persona_name, totals.*
FROM picked
JOIN persona_snapshots p ON p.id = picked.snapshot_id
CROSS JOIN LATERAL (
  SELECT count(m.pk) AS message_count,
    coalesce(sum(m.input_tokens), 0) AS input_tokens_total,
    coalesce(sum(m.output_tokens), 0) AS output_tokens_total,
    coalesce(sum(m.cost_usd), 0.0) AS cost_total,
    count(CASE WHEN ${UNKNOWN_COST} THEN 1 END) AS unknown_cost_count
  FROM messages m WHERE m.session_id = picked.id
) totals
ORDER BY picked.last_active_at DESC, picked.id DESC`;
}

/** A session with the persona, or a group session it takes part in. */
const BY_PERSONA = (param: string) =>
  `(persona_id = ${param} OR id IN (SELECT session_id FROM session_participants WHERE persona_id = ${param}))`;

/**
 * Exact hits first (every term as typed: the 'simple' config does not stem), then best match, then
 * newest. The score is ts_rank negated, so lower is better as with SQLite's bm25.
 */
function searchSql(byPersona: boolean): string {
  return `
WITH q AS (SELECT to_tsquery('english', $1) AS stemmed, to_tsquery('simple', $1) AS exact)
SELECT
  m.session_id,
  m.id AS message_id,
  m.seq,
  coalesce(m.speaker_id, s.persona_id) AS persona_id,
  coalesce(speaker.name, p.name) AS persona_name,
  m.role,
  m.created_at,
  m.content,
  ts_headline('english', m.content, q.stemmed, '${HEADLINE_OPTIONS}') AS snippet,
  -ts_rank(m.content_search, q.stemmed) AS score,
  (to_tsvector('simple', m.content) @@ q.exact)::int AS exact
FROM q
JOIN messages m ON m.content_search @@ q.stemmed
JOIN sessions s ON s.id = m.session_id
JOIN persona_snapshots p ON p.id = s.snapshot_id
LEFT JOIN session_participants sp ON sp.session_id = m.session_id AND sp.persona_id = m.speaker_id
LEFT JOIN persona_snapshots speaker ON speaker.id = sp.snapshot_id
WHERE TRUE${byPersona ? ` AND (s.persona_id = $3 OR s.id IN (SELECT session_id FROM session_participants WHERE persona_id = $3))` : ''}
ORDER BY exact DESC, score, m.created_at DESC, m.pk DESC
LIMIT $2`;
}

/**
 * The chat history in PostgreSQL, method for method what SqliteStore does. Writes that read before
 * they write run in a transaction that first locks what they depend on (the session row, a
 * per-user advisory lock), so several processes on one database see one consistent history.
 */
export class PostgresStore implements HistoryStore {
  readonly location: StoreLocation;
  private readonly pool: Pool;
  private readonly now: () => Date;
  private runStore: PostgresRunStore | undefined;

  constructor(
    private readonly connection: PostgresConnection,
    options: { now?: () => Date } = {},
  ) {
    this.pool = connection.pool;
    this.location = { backend: 'postgres', where: connection.where };
    this.now = options.now ?? (() => new Date());
  }

  async saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): Promise<PersonaSnapshot> {
    // Same content hash -> the existing row, with its original id and date.
    await this.query(
      `INSERT INTO persona_snapshots (id, persona_id, name, content_hash, persona_json, chat_profile_json, system_prompt, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (content_hash) DO NOTHING`,
      [
        this.newId(),
        snapshot.personaId,
        snapshot.name,
        snapshot.contentHash,
        JSON.stringify(snapshot.persona ?? null),
        JSON.stringify(snapshot.chatProfile ?? null),
        snapshot.systemPrompt,
        this.timestamp(),
      ],
    );
    const { rows } = await this.query('SELECT * FROM persona_snapshots WHERE content_hash = $1', [snapshot.contentHash]);
    return toSnapshot(rows[0]);
  }

  async getSnapshot(id: string): Promise<PersonaSnapshot | undefined> {
    const { rows } = await this.query('SELECT * FROM persona_snapshots WHERE id = $1', [id]);
    return rows[0] === undefined ? undefined : toSnapshot(rows[0]);
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
    const { rowCount } = await this.query(
      `INSERT INTO sessions (id, persona_id, snapshot_id, user_id, provider, model, title, started_at, last_active_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $8 WHERE EXISTS (SELECT 1 FROM persona_snapshots WHERE id = $3)`,
      [record.id, record.personaId, record.snapshotId, record.userId, record.provider, record.model, record.title, startedAt],
    );
    if (rowCount === 0) throw new StoreError(`Cannot start a session: persona snapshot ${record.snapshotId} is not in the database.`);
    return record;
  }

  async getSession(id: string): Promise<SessionRecord | undefined> {
    const { rows } = await this.query('SELECT * FROM sessions WHERE id = $1', [id]);
    return rows[0] === undefined ? undefined : toSession(rows[0]);
  }

  async setSessionTitle(id: string, title: string | null): Promise<boolean> {
    return ((await this.query('UPDATE sessions SET title = $1 WHERE id = $2', [title, id])).rowCount ?? 0) > 0;
  }

  /**
   * Updating the session row first locks it until commit: appends to one session from any number
   * of processes queue there, and each reads the previous one's seq (READ COMMITTED takes a fresh
   * snapshot per statement), so seqs are 1..n with no gap and no duplicate.
   */
  async appendMessage(message: NewMessage, event?: NewEvent): Promise<MessageRecord> {
    const createdAt = message.createdAt ?? this.timestamp();
    return this.transaction(async (client) => {
      const touched = await client.query('UPDATE sessions SET last_active_at = greatest(last_active_at, $1) WHERE id = $2', [
        createdAt,
        message.sessionId,
      ]);
      if (touched.rowCount === 0) {
        throw sessionGoneError(message.sessionId);
      }
      const { rows } = await client.query<{ next: number }>(
        'SELECT coalesce(max(seq), 0) + 1 AS next FROM messages WHERE session_id = $1',
        [message.sessionId],
      );
      const record = newMessageRecord(message, { id: this.newId(), seq: Number(rows[0]!.next), createdAt });
      await client.query(INSERT_MESSAGE, messageRowValues(record));
      if (event) await client.query(INSERT_EVENT, this.eventValues(event));
      return record;
    });
  }

  /** Makes the session a group session: its participants, in speaking order. */
  async addParticipants(sessionId: string, participants: ReadonlyArray<{ personaId: string; snapshotId: string }>): Promise<void> {
    await this.transaction(async (client) => {
      // Two processes adding at once take positions one after the other.
      await client.query('SELECT 1 FROM sessions WHERE id = $1 FOR UPDATE', [sessionId]);
      const { rows } = await client.query<{ next: number }>(
        'SELECT coalesce(max(position), 0) + 1 AS next FROM session_participants WHERE session_id = $1',
        [sessionId],
      );
      const next = Number(rows[0]!.next);
      for (const [i, p] of participants.entries()) {
        await client.query('INSERT INTO session_participants (session_id, position, persona_id, snapshot_id) VALUES ($1, $2, $3, $4)', [
          sessionId,
          next + i,
          p.personaId,
          p.snapshotId,
        ]);
      }
    });
  }

  async listParticipants(sessionId: string): Promise<SessionParticipant[]> {
    return (await this.query(participantsSql('sp.session_id = $1'), [sessionId])).rows.map(toParticipant);
  }

  async listMessages(sessionId: string): Promise<MessageRecord[]> {
    return (await this.query(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE session_id = $1 ORDER BY seq`, [sessionId])).rows.map(
      toMessage,
    );
  }

  async recentMessages(sessionId: string, limit: number): Promise<RecentMessages> {
    // Both walk the UNIQUE (session_id, seq) index from its end: the cost follows `limit`, not the session's length.
    const newestFirst = await this.query(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE session_id = $1 ORDER BY seq DESC LIMIT $2`, [
      sessionId,
      Math.max(0, Math.floor(limit)),
    ]);
    // Seqs run 1, 2, 3… without gaps (only whole sessions are deleted): the last one is the count, read from the index's end.
    const total = await this.query<{ total: number }>('SELECT coalesce(max(seq), 0) AS total FROM messages WHERE session_id = $1', [
      sessionId,
    ]);
    return { messages: newestFirst.rows.reverse().map(toMessage), total: Number(total.rows[0]!.total) };
  }

  /** The totals of a session's replies, summed in SQL (a greeting, which no model wrote, is no reply). */
  async replyTotals(sessionId: string): Promise<ReplyTotals> {
    const { rows } = await this.query<{ replies: number; input: number; output: number; cost: number; incomplete: boolean }>(
      `SELECT count(*) AS replies, coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output,
              coalesce(sum(cost_usd), 0) AS cost, coalesce(bool_or(status <> 'error' AND cost_usd IS NULL), false) AS incomplete
       FROM messages WHERE session_id = $1 AND role = 'persona' AND provider IS NOT NULL`,
      [sessionId],
    );
    const row = rows[0]!;
    return {
      inputTokens: Number(row.input),
      outputTokens: Number(row.output),
      costUsd: Number(row.cost),
      costIncomplete: row.incomplete === true,
      replies: Number(row.replies),
    };
  }

  async recordEvent(event: NewEvent): Promise<void> {
    await this.query(INSERT_EVENT, this.eventValues(event));
  }

  private eventValues(event: NewEvent): unknown[] {
    return [this.newId(), event.kind, event.sessionId ?? null, event.personaId ?? null, JSON.stringify(event.data ?? {}), this.timestamp()];
  }

  async spentSince(sinceIso: string): Promise<number> {
    const { rows } = await this.query<{ spent: number }>(
      'SELECT coalesce(sum(cost_usd), 0) AS spent FROM messages WHERE created_at >= $1',
      [sinceIso],
    );
    return Number(rows[0]!.spent);
  }

  /**
   * Counts one chat request of `userId` in the database. 0 when admitted (and recorded); else the ms
   * until the oldest request in the window leaves it (nothing recorded). A per-user advisory lock,
   * held to commit, serialises servers counting the same user at once, so none admits past the limit.
   */
  async admitRequest(userId: string, perMinute: number): Promise<number> {
    if (!(perMinute > 0)) return 0;
    return this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [REQUEST_LOCK_CLASS, userId]);
      const now = this.now();
      const windowStart = new Date(now.getTime() - REQUEST_WINDOW_MS).toISOString();
      await client.query('DELETE FROM chat_requests WHERE user_id = $1 AND created_at <= $2', [userId, windowStart]);
      const { rows } = await client.query<{ count: number; oldest: string | null }>(
        'SELECT count(*) AS count, min(created_at) AS oldest FROM chat_requests WHERE user_id = $1',
        [userId],
      );
      const { count, oldest } = rows[0]!;
      if (Number(count) >= perMinute && oldest !== null) return Math.max(1, Date.parse(oldest) + REQUEST_WINDOW_MS - now.getTime());
      await client.query('INSERT INTO chat_requests (id, user_id, created_at) VALUES ($1, $2, $3)', [
        this.newId(),
        userId,
        now.toISOString(),
      ]);
      return 0;
    });
  }

  /** What `persona stats` shows; see usage-stats.ts. */
  async usageStats(filter: StatsFilter = {}): Promise<UsageStats> {
    return this.guarded(() => readPostgresUsageStats(this.pool, filter));
  }

  /** Links a kept recording to the message it was transcribed into. */
  async attachAudio(messageId: string, audioPath: string): Promise<boolean> {
    return ((await this.query('UPDATE messages SET audio_path = $1 WHERE id = $2', [audioPath, messageId])).rowCount ?? 0) > 0;
  }

  /** Most recently active first; a group session is listed under each of its participants. */
  async listSessions(options: { personaId?: string; limit?: number } = {}): Promise<SessionSummary[]> {
    const limit = options.limit ?? null;
    if (options.personaId === undefined) return this.summaries('TRUE', [limit]);
    return this.summaries(BY_PERSONA('$2'), [limit, options.personaId]);
  }

  async getSessionSummary(id: string): Promise<SessionSummary | undefined> {
    return (await this.summaries('id = $2', [1, id]))[0];
  }

  /** The latest session of all, or the latest one-to-one session with `personaId` (group sessions are continued as groups). */
  async latestSession(personaId?: string): Promise<SessionSummary | undefined> {
    if (personaId === undefined) return (await this.listSessions({ limit: 1 }))[0];
    return (await this.summaries('persona_id = $2 AND id NOT IN (SELECT session_id FROM session_participants)', [1, personaId]))[0];
  }

  async latestSessionRecord(personaId?: string): Promise<SessionWithParticipants | undefined> {
    const where = personaId === undefined ? '' : 'WHERE persona_id = $1 AND id NOT IN (SELECT session_id FROM session_participants)';
    const { rows } = await this.query(
      `SELECT * FROM sessions ${where} ORDER BY last_active_at DESC, id DESC LIMIT 1`,
      personaId === undefined ? [] : [personaId],
    );
    return rows[0] === undefined ? undefined : (await this.withParticipants([toSession(rows[0])]))[0];
  }

  /**
   * A session by its full id or a unique prefix of it, as git finds commits. Undefined when nothing
   * matches; a UsageError listing candidates when the prefix is ambiguous.
   */
  async findSession(idOrPrefix: string): Promise<SessionSummary | undefined> {
    const wanted = idPrefix(idOrPrefix);
    if (wanted === undefined) return undefined;
    const exact = await this.getSessionSummary(wanted);
    if (exact) return exact;
    return uniqueMatch(wanted, await this.summaries('id LIKE $2', [AMBIGUOUS_SHOWN + 1, `${wanted}%`]));
  }

  /** Deletes a session with its messages (cascade) and its analytics events. */
  async deleteSession(id: string): Promise<boolean> {
    return this.transaction(async (client) => {
      await client.query('DELETE FROM events WHERE session_id = $1', [id]);
      return ((await client.query('DELETE FROM sessions WHERE id = $1', [id])).rowCount ?? 0) > 0;
    });
  }

  /** Full-text search over message text, best match first. Any input is safe: see toTsQuery. */
  async search(text: string, options: { limit?: number; personaId?: string } = {}): Promise<SearchHit[]> {
    const query = toTsQuery(text);
    if (query === undefined) return [];
    const byPersona = options.personaId !== undefined;
    const params: unknown[] = [query, options.limit ?? DEFAULT_SEARCH_LIMIT, ...(byPersona ? [options.personaId] : [])];
    const { rows } = await this.query<{ content: string; snippet: string }>(searchSql(byPersona), params);
    return rows.map((row) => toSearchHit({ ...row, snippet: withEllipsis(row.content, row.snippet) }));
  }

  /** The session, the persona as it was chatted with, and every message; undefined if no such session. */
  async getTranscript(sessionId: string): Promise<StoredTranscript | undefined> {
    const session = await this.getSessionSummary(sessionId);
    if (!session) return undefined;
    const snapshot = await this.getSnapshot(session.snapshotId);
    return { session, ...(snapshot ? { snapshot } : {}), messages: await this.listMessages(sessionId) };
  }

  /** Research runs (surveys, multi-persona asks) in the same database. */
  runs(): PostgresRunStore {
    return (this.runStore ??= new PostgresRunStore({
      now: this.now,
      newId: () => this.newId(),
      query: (sql, params) => this.query(sql, params),
    }));
  }

  /** Nothing to move: the PostgreSQL server does its checkpoints itself. */
  forServing(): void {}

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  /** `where` filters sessions with $2, $3…; $1 is the limit (null: all). */
  private async summaries(where: string, params: unknown[]): Promise<SessionSummary[]> {
    const sessions = (await this.query(summarySql(where, '$1'), params)).rows.map(toSessionSummary);
    return this.withParticipants(sessions);
  }

  /** Attaches the participants of the group sessions among `sessions` (one query for all of them). */
  private async withParticipants<T extends SessionWithParticipants>(sessions: T[]): Promise<T[]> {
    if (sessions.length === 0) return sessions;
    const { rows } = await this.query(participantsSql('sp.session_id = ANY($1)'), [sessions.map((s) => s.id)]);
    if (rows.length === 0) return sessions;
    const bySession = new Map<string, SessionParticipant[]>();
    for (const row of rows) {
      const list = bySession.get(String(row.session_id)) ?? [];
      list.push(toParticipant(row));
      bySession.set(String(row.session_id), list);
    }
    return sessions.map((s) => (bySession.has(s.id) ? { ...s, participants: bySession.get(s.id)! } : s));
  }

  private guarded<T>(work: () => Promise<T>): Promise<T> {
    return withPostgresErrors(this.connection.server, this.connection.secret, work);
  }

  private query<R extends QueryResultRow = Record<string, unknown>>(sql: string, params: unknown[] = []) {
    return this.guarded(() => this.pool.query<R>(sql, params));
  }

  /** Several statements that must see and change the database atomically, on one connection. */
  private transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.guarded(async () => {
      const client = await this.pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: unknown) => {
          // The connection itself failed: drop it from the pool rather than reuse it.
          broken = rollback instanceof Error ? rollback : new Error(String(rollback));
        });
        throw error;
      } finally {
        client.release(broken);
      }
    });
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private newId(): string {
    return newId(this.now().getTime());
  }
}

/** Connects, migrates, and wraps the pool in a store (see openMigratedPostgres). */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  return new PostgresStore(await openMigratedPostgres(url, options), options);
}
