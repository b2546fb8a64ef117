import type { QueryResult, QueryResultRow } from 'pg';
import { UsageError } from '../../core/errors.js';
import type { NewRunAnswer, RunAnswerRecord, RunKind, RunRecord, RunStatus, RunSummary } from '../../core/run-records.js';
import type { RunStore } from '../history-store.js';
import { SUMMARY_SQL, toAnswer, toSummary } from '../run-repository.js';

// Research runs in PostgreSQL: the same statements as SqliteRunRepository where the dialects
// agree, and the same zod row checks. Each write is one statement (autocommit).

export interface PostgresRunContext {
  now: () => Date;
  newId: () => string;
  /** A query with the store's error mapping (connection, authentication, ...). */
  query<R extends QueryResultRow>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
}

const AMBIGUOUS_SHOWN = 5;

export class PostgresRunStore implements RunStore {
  constructor(private readonly ctx: PostgresRunContext) {}

  async createRun(run: {
    kind: RunKind;
    title: string;
    spec: unknown;
    personaIds: string[];
    provider: string;
    model: string;
  }): Promise<RunRecord> {
    const at = this.ctx.now().toISOString();
    const record: RunRecord = { id: this.ctx.newId(), ...run, status: 'running', createdAt: at, updatedAt: at };
    await this.ctx.query(
      `INSERT INTO runs (id, kind, title, spec_json, persona_ids_json, provider, model, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'running', $8, $8)`,
      [record.id, record.kind, record.title, JSON.stringify(run.spec), JSON.stringify(run.personaIds), run.provider, run.model, at],
    );
    return record;
  }

  async setRunStatus(id: string, status: RunStatus): Promise<void> {
    await this.ctx.query('UPDATE runs SET status = $1, updated_at = $2 WHERE id = $3', [status, this.ctx.now().toISOString(), id]);
  }

  /**
   * Saves one answer. An earlier row for the same persona x question is replaced only when it was
   * an error (a resumed run asks those again); a recorded answer is never overwritten.
   */
  async saveAnswer(answer: NewRunAnswer): Promise<void> {
    await this.ctx.query(
      `INSERT INTO run_answers (run_id, persona_id, question_id, snapshot_id, status, answer_json, reason, raw, error,
         attempts, via, provider, model, input_tokens, output_tokens, cost_usd, latency_ms, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       ON CONFLICT (run_id, persona_id, question_id) DO UPDATE SET
         snapshot_id = excluded.snapshot_id, status = excluded.status, answer_json = excluded.answer_json,
         reason = excluded.reason, raw = excluded.raw, error = excluded.error, attempts = excluded.attempts,
         via = excluded.via, provider = excluded.provider, model = excluded.model, input_tokens = excluded.input_tokens,
         output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd, latency_ms = excluded.latency_ms,
         created_at = excluded.created_at
       WHERE run_answers.status = 'error'`,
      [
        answer.runId,
        answer.personaId,
        answer.questionId,
        answer.snapshotId,
        answer.status,
        answer.answer === null ? null : JSON.stringify(answer.answer),
        answer.reason,
        answer.raw,
        answer.error,
        answer.attempts,
        answer.via,
        answer.provider,
        answer.model,
        answer.inputTokens,
        answer.outputTokens,
        answer.costUsd,
        answer.latencyMs,
        this.ctx.now().toISOString(),
      ],
    );
  }

  async linkSession(runId: string, sessionId: string, personaId: string): Promise<void> {
    await this.ctx.query('INSERT INTO run_sessions (run_id, session_id, persona_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
      runId,
      sessionId,
      personaId,
    ]);
  }

  async getRun(id: string): Promise<RunSummary | undefined> {
    const { rows } = await this.ctx.query(`${SUMMARY_SQL} WHERE r.id = $1`, [id]);
    return rows[0] === undefined ? undefined : toSummary(rows[0]);
  }

  /** A run by its id, a unique prefix of it, or "last". */
  async findRun(ref: string): Promise<RunSummary | undefined> {
    const wanted = ref.trim().toLowerCase();
    if (wanted === 'last') return (await this.listRuns({ limit: 1 }))[0];
    if (!/^[0-9a-z]+$/.test(wanted)) return undefined;
    const exact = await this.getRun(wanted);
    if (exact) return exact;
    const { rows } = await this.ctx.query(`${SUMMARY_SQL} WHERE r.id LIKE $1 ORDER BY r.id LIMIT $2`, [`${wanted}%`, AMBIGUOUS_SHOWN + 1]);
    if (rows.length > 1) {
      throw new UsageError(
        `The id prefix "${wanted}" matches ${rows.length > AMBIGUOUS_SHOWN ? `more than ${AMBIGUOUS_SHOWN}` : rows.length} runs.`,
        'type more of the id',
      );
    }
    return rows[0] === undefined ? undefined : toSummary(rows[0]);
  }

  /** Newest first. */
  async listRuns(options: { kind?: RunKind; limit?: number } = {}): Promise<RunSummary[]> {
    const { rows } = await this.ctx.query(
      `${SUMMARY_SQL} WHERE ($2::text IS NULL OR r.kind = $2) ORDER BY r.created_at DESC, r.id DESC LIMIT $1`,
      [options.limit ?? null, options.kind ?? null],
    );
    return rows.map(toSummary);
  }

  async countRuns(): Promise<number> {
    const { rows } = await this.ctx.query<{ n: number }>('SELECT count(*) AS n FROM runs');
    return Number(rows[0]!.n);
  }

  async listAnswers(runId: string): Promise<RunAnswerRecord[]> {
    return (await this.ctx.query('SELECT * FROM run_answers WHERE run_id = $1 ORDER BY pk', [runId])).rows.map(toAnswer);
  }

  /**
   * Session ids of a run, in the order they were linked. SQLite reads that order from its rowid;
   * PostgreSQL has none, and a run links each session as it creates it, so the sessions' start
   * (then id, which is time-ordered) gives the same order, here and in a copied history.
   */
  async runSessions(runId: string): Promise<Array<{ sessionId: string; personaId: string }>> {
    const { rows } = await this.ctx.query<{ session_id: string; persona_id: string }>(
      `SELECT rs.session_id, rs.persona_id FROM run_sessions rs LEFT JOIN sessions s ON s.id = rs.session_id
       WHERE rs.run_id = $1 ORDER BY s.started_at, rs.session_id`,
      [runId],
    );
    return rows.map((row) => ({ sessionId: row.session_id, personaId: row.persona_id }));
  }

  /** Which run (if any) each of these sessions belongs to. */
  async runsOfSessions(sessionIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (sessionIds.length === 0) return found;
    const { rows } = await this.ctx.query<{ session_id: string; run_id: string }>(
      'SELECT DISTINCT ON (session_id) session_id, run_id FROM run_sessions WHERE session_id = ANY($1) ORDER BY session_id, run_id',
      [[...sessionIds]],
    );
    for (const row of rows) found.set(row.session_id, row.run_id);
    return found;
  }

  /**
   * How many entries `sessions list` has: a run's sessions count once. With a persona filter no
   * grouping happens (each of that persona's sessions is its own entry).
   */
  async countSessionEntries(personaId?: string): Promise<number> {
    const { rows } =
      personaId === undefined
        ? await this.ctx.query<{ n: number }>(
            'SELECT count(DISTINCT coalesce(rs.run_id, s.id)) AS n FROM sessions s LEFT JOIN run_sessions rs ON rs.session_id = s.id',
          )
        : await this.ctx.query<{ n: number }>('SELECT count(*) AS n FROM sessions WHERE persona_id = $1', [personaId]);
    return Number(rows[0]!.n);
  }

  async deleteRun(id: string): Promise<boolean> {
    return ((await this.ctx.query('DELETE FROM runs WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }
}
