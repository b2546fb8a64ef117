import type BetterSqlite3 from 'better-sqlite3';
import * as z from 'zod/mini';
import '../core/zod-setup.js';
import { StoreError, UsageError } from '../core/errors.js';
import {
  ANSWER_STATUSES,
  RUN_KINDS,
  RUN_STATUSES,
  type AnswerValue,
  type NewRunAnswer,
  type RunAnswerRecord,
  type RunKind,
  type RunRecord,
  type RunStatus,
  type RunSummary,
} from '../core/run-records.js';
import type { RunStore } from './history-store.js';

// Research runs in SQLite: the run, its answers (one row per persona x question) and, for a
// multi-persona ask, the sessions it created. Rows read back are checked with zod like every
// other record. Each write is one statement (autocommit) or one IMMEDIATE transaction.

const count = z.number().check(z.int(), z.nonnegative());
const nullableCount = z.nullable(count);

const runRow = z.object({
  id: z.string(),
  kind: z.enum(RUN_KINDS),
  title: z.string(),
  spec_json: z.string(),
  persona_ids_json: z.string(),
  provider: z.string(),
  model: z.string(),
  status: z.enum(RUN_STATUSES),
  created_at: z.string(),
  updated_at: z.string(),
});

const summaryRow = z.extend(runRow, { answer_count: count, invalid_count: count, error_count: count, session_count: count });

const answerValue: z.ZodMiniType<AnswerValue> = z.union([z.string(), z.array(z.string()), z.number(), z.boolean()]);

const answerRow = z.object({
  run_id: z.string(),
  persona_id: z.string(),
  question_id: z.string(),
  snapshot_id: z.nullable(z.string()),
  status: z.enum(ANSWER_STATUSES),
  answer_json: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  raw: z.nullable(z.string()),
  error: z.nullable(z.string()),
  attempts: count,
  via: z.nullable(z.string()),
  provider: z.nullable(z.string()),
  model: z.nullable(z.string()),
  input_tokens: nullableCount,
  output_tokens: nullableCount,
  cost_usd: z.nullable(z.number()),
  latency_ms: nullableCount,
  created_at: z.string(),
});

function checked<S extends z.ZodMiniType>(schema: S, row: unknown, what: string): z.output<S> {
  const result = z.safeParse(schema, row);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new StoreError(
    `A stored ${what} is not readable (${issue.path.join('.')}: ${issue.message}).`,
    'the database may have been edited by hand',
  );
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new StoreError(`A stored ${what} holds invalid JSON.`, 'the database may have been edited by hand', cause);
  }
}

export function toRun(row: unknown): RunRecord {
  const r = checked(runRow, row, 'run');
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    spec: parseJson(r.spec_json, 'run'),
    personaIds: checked(z.array(z.string()), parseJson(r.persona_ids_json, 'run'), 'run'),
    provider: r.provider,
    model: r.model,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function toSummary(row: unknown): RunSummary {
  const r = checked(summaryRow, row, 'run');
  return {
    ...toRun(row),
    answerCount: r.answer_count,
    invalidCount: r.invalid_count,
    errorCount: r.error_count,
    sessionCount: r.session_count,
  };
}

export function toAnswer(row: unknown): RunAnswerRecord {
  const r = checked(answerRow, row, 'run answer');
  return {
    runId: r.run_id,
    personaId: r.persona_id,
    questionId: r.question_id,
    snapshotId: r.snapshot_id,
    status: r.status,
    answer: r.answer_json === null ? null : checked(answerValue, parseJson(r.answer_json, 'run answer'), 'run answer'),
    reason: r.reason,
    raw: r.raw,
    error: r.error,
    attempts: r.attempts,
    via: r.via,
    provider: r.provider,
    model: r.model,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    costUsd: r.cost_usd,
    latencyMs: r.latency_ms,
    createdAt: r.created_at,
  };
}

export const SUMMARY_SQL = `
SELECT r.*,
  (SELECT count(*) FROM run_answers a WHERE a.run_id = r.id AND a.status <> 'error') AS answer_count,
  (SELECT count(*) FROM run_answers a WHERE a.run_id = r.id AND a.status = 'invalid') AS invalid_count,
  (SELECT count(*) FROM run_answers a WHERE a.run_id = r.id AND a.status = 'error') AS error_count,
  (SELECT count(*) FROM run_sessions s WHERE s.run_id = r.id) AS session_count
FROM runs r`;

export interface RunRepositoryContext {
  db: BetterSqlite3.Database;
  now: () => Date;
  newId: () => string;
  /** Runs work with the store's error mapping (busy, read-only, damaged). */
  guarded<T>(work: () => T): T;
}

export class SqliteRunRepository implements RunStore {
  constructor(private readonly ctx: RunRepositoryContext) {}

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
    this.ctx.guarded(() =>
      this.ctx.db
        .prepare(
          `INSERT INTO runs (id, kind, title, spec_json, persona_ids_json, provider, model, status, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.id,
          record.kind,
          record.title,
          JSON.stringify(run.spec),
          JSON.stringify(run.personaIds),
          run.provider,
          run.model,
          'running',
          at,
          at,
        ),
    );
    return record;
  }

  async setRunStatus(id: string, status: RunStatus): Promise<void> {
    this.ctx.guarded(() =>
      this.ctx.db.prepare('UPDATE runs SET status = ?, updated_at = ? WHERE id = ?').run(status, this.ctx.now().toISOString(), id),
    );
  }

  /**
   * Saves one answer. An earlier row for the same persona x question is replaced only when it was
   * an error (a resumed run asks those again); a recorded answer is never overwritten.
   */
  async saveAnswer(answer: NewRunAnswer): Promise<void> {
    this.ctx.guarded(() =>
      this.ctx.db
        .prepare(
          `INSERT INTO run_answers (run_id, persona_id, question_id, snapshot_id, status, answer_json, reason, raw, error,
             attempts, via, provider, model, input_tokens, output_tokens, cost_usd, latency_ms, created_at)
           VALUES (@runId, @personaId, @questionId, @snapshotId, @status, @answerJson, @reason, @raw, @error,
             @attempts, @via, @provider, @model, @inputTokens, @outputTokens, @costUsd, @latencyMs, @createdAt)
           ON CONFLICT (run_id, persona_id, question_id) DO UPDATE SET
             snapshot_id = excluded.snapshot_id, status = excluded.status, answer_json = excluded.answer_json,
             reason = excluded.reason, raw = excluded.raw, error = excluded.error, attempts = excluded.attempts,
             via = excluded.via, provider = excluded.provider, model = excluded.model, input_tokens = excluded.input_tokens,
             output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd, latency_ms = excluded.latency_ms,
             created_at = excluded.created_at
           WHERE run_answers.status = 'error'`,
        )
        .run({
          ...answer,
          answerJson: answer.answer === null ? null : JSON.stringify(answer.answer),
          createdAt: this.ctx.now().toISOString(),
        }),
    );
  }

  async linkSession(runId: string, sessionId: string, personaId: string): Promise<void> {
    this.ctx.guarded(() =>
      this.ctx.db
        .prepare('INSERT OR IGNORE INTO run_sessions (run_id, session_id, persona_id) VALUES (?, ?, ?)')
        .run(runId, sessionId, personaId),
    );
  }

  async getRun(id: string): Promise<RunSummary | undefined> {
    const row = this.ctx.guarded(() => this.ctx.db.prepare(`${SUMMARY_SQL} WHERE r.id = ?`).get(id));
    return row === undefined ? undefined : toSummary(row);
  }

  /** A run by its id, a unique prefix of it, or "last". */
  async findRun(ref: string): Promise<RunSummary | undefined> {
    const wanted = ref.trim().toLowerCase();
    if (wanted === 'last') return (await this.listRuns({ limit: 1 }))[0];
    if (!/^[0-9a-z]+$/.test(wanted)) return undefined;
    const exact = await this.getRun(wanted);
    if (exact) return exact;
    const rows = this.ctx.guarded(() => this.ctx.db.prepare(`${SUMMARY_SQL} WHERE r.id GLOB ? LIMIT 6`).all(`${wanted}*`));
    if (rows.length > 1) {
      throw new UsageError(
        `The id prefix "${wanted}" matches ${rows.length > 5 ? 'more than 5' : rows.length} runs.`,
        'type more of the id',
      );
    }
    return rows[0] === undefined ? undefined : toSummary(rows[0]);
  }

  /** Newest first. */
  async listRuns(options: { kind?: RunKind; limit?: number } = {}): Promise<RunSummary[]> {
    const where = options.kind ? 'WHERE r.kind = @kind' : '';
    const rows = this.ctx.guarded(() =>
      this.ctx.db
        .prepare(`${SUMMARY_SQL} ${where} ORDER BY r.created_at DESC, r.id DESC LIMIT @limit`)
        .all({ limit: options.limit ?? -1, ...(options.kind ? { kind: options.kind } : {}) }),
    );
    return rows.map(toSummary);
  }

  async countRuns(): Promise<number> {
    return Number((this.ctx.guarded(() => this.ctx.db.prepare('SELECT count(*) AS n FROM runs').get()) as { n: number }).n);
  }

  async listAnswers(runId: string): Promise<RunAnswerRecord[]> {
    return this.ctx.guarded(() => this.ctx.db.prepare('SELECT * FROM run_answers WHERE run_id = ? ORDER BY pk').all(runId)).map(toAnswer);
  }

  /** Session ids of a run, in the order they were linked. */
  async runSessions(runId: string): Promise<Array<{ sessionId: string; personaId: string }>> {
    const rows = this.ctx.guarded(() =>
      this.ctx.db.prepare('SELECT session_id, persona_id FROM run_sessions WHERE run_id = ? ORDER BY rowid').all(runId),
    ) as Array<{ session_id: string; persona_id: string }>;
    return rows.map((row) => ({ sessionId: row.session_id, personaId: row.persona_id }));
  }

  /** Which run (if any) each of these sessions belongs to. */
  async runsOfSessions(sessionIds: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    const statement = this.ctx.db.prepare('SELECT run_id FROM run_sessions WHERE session_id = ?');
    this.ctx.guarded(() => {
      for (const id of sessionIds) {
        const row = statement.get(id) as { run_id: string } | undefined;
        if (row) found.set(id, row.run_id);
      }
    });
    return found;
  }

  /**
   * How many entries `sessions list` has: a run's sessions count once. With a persona filter no
   * grouping happens (each of that persona's sessions is its own entry).
   */
  async countSessionEntries(personaId?: string): Promise<number> {
    const sql =
      personaId === undefined
        ? 'SELECT count(DISTINCT coalesce(rs.run_id, s.id)) AS n FROM sessions s LEFT JOIN run_sessions rs ON rs.session_id = s.id'
        : 'SELECT count(*) AS n FROM sessions WHERE persona_id = ?';
    const row = this.ctx.guarded(() =>
      personaId === undefined ? this.ctx.db.prepare(sql).get() : this.ctx.db.prepare(sql).get(personaId),
    ) as { n: number };
    return Number(row.n);
  }

  async deleteRun(id: string): Promise<boolean> {
    return this.ctx.guarded(() => this.ctx.db.prepare('DELETE FROM runs WHERE id = ?').run(id).changes > 0);
  }
}
