import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Database } from './database.js';
import type { StoreLocation } from './history-store.js';
import { openPostgresPool } from './postgres/postgres-pool.js';
import { withPostgresErrors } from './postgres/postgres-errors.js';
import { RECOUNT_SESSION_TOTALS_SQL } from './session-queries.js';
import { withStoreErrors } from './store-errors.js';
import type { StoreSpec } from './store-spec.js';

// `persona db check`: is the history whole? SQLite's own check of the file, rows whose parent is
// gone, the totals each session row keeps (added to by trigger, message by message) against a
// recount of its messages, and every session's messages numbered 1, 2, 3… (counts are read from
// the last number). Only --fix writes, and only the totals, which the recount makes true again.
// PostgreSQL checks its own pages and keys and sums totals by query: there the numbering is checked.

export type CheckName = 'file' | 'references' | 'session-totals' | 'message-numbers';

export interface CheckResult {
  name: CheckName;
  ok: boolean;
  /** What is wrong, at most MAX_LISTED lines; empty when ok. */
  problems: string[];
  /** How many things are wrong (problems lists the first of them). */
  count: number;
  /** --fix made it right. */
  fixed: boolean;
  /** What to do about what is left wrong. */
  hint?: string;
}

export interface StoreCheckReport {
  location: StoreLocation;
  /** False for a SQLite file not created yet: nothing to check. */
  exists: boolean;
  checks: CheckResult[];
  /** Every check passed, or was fixed. */
  ok: boolean;
}

const MAX_LISTED = 10;

const TOTAL_COLUMNS = [
  'message_count',
  'input_tokens_total',
  'output_tokens_total',
  'cost_total',
  'unknown_cost_count',
  'reply_count',
  'reply_input_tokens',
  'reply_output_tokens',
  'reply_cost',
  'reply_cost_incomplete',
] as const;

/** Sessions whose seqs are not 1..n: (session, messages, last seq). Same SQL on both backends. */
const NUMBERING_SQL = `
SELECT session_id, count(*) AS n, max(seq) AS last FROM messages
GROUP BY session_id HAVING count(*) <> max(seq)
ORDER BY session_id`;

export async function checkStore(spec: StoreSpec, options: { fix?: boolean } = {}): Promise<StoreCheckReport> {
  return spec.backend === 'sqlite' ? checkSqlite(resolve(spec.file), options.fix === true) : checkPostgres(spec.url);
}

function result(name: CheckName, problems: string[], fixed = false, hint?: string): CheckResult {
  return {
    name,
    ok: problems.length === 0 || fixed,
    problems: problems.slice(0, MAX_LISTED),
    count: problems.length,
    fixed,
    ...(problems.length > 0 && !fixed && hint ? { hint } : {}),
  };
}

function report(location: StoreLocation, checks: CheckResult[]): StoreCheckReport {
  return { location, exists: true, checks, ok: checks.every((c) => c.ok) };
}

function checkSqlite(file: string, fix: boolean): StoreCheckReport {
  const location: StoreLocation = { backend: 'sqlite', where: file };
  if (!existsSync(file)) return { location, exists: false, checks: [], ok: true };
  return withStoreErrors(file, DEFAULT_BUSY_TIMEOUT_MS, () => {
    const db = openDatabase(file);
    try {
      return report(location, [fileCheck(db), referencesCheck(db), totalsCheck(db, fix), numberingCheck(db)]);
    } finally {
      db.close();
    }
  });
}

function fileCheck(db: Database): CheckResult {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
  return result('file', problems, false, 'the file is damaged: copy it aside, then `sqlite3 persona.db .recover` rescues what it can');
}

function referencesCheck(db: Database): CheckResult {
  const rows = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string }>;
  const problems = rows.map((r) => `${r.table} row ${r.rowid} names a ${r.parent} row that is gone`);
  return result('references', problems, false, 'rows were written with foreign keys off: `persona sessions delete` the sessions named');
}

/**
 * The recount is run, not rewritten as a comparison: the totals are compared with what
 * RECOUNT_SESSION_TOTALS_SQL (the migration's and a copy's recount) makes of them, inside a
 * transaction that is rolled back unless --fix.
 */
function totalsCheck(db: Database, fix: boolean): CheckResult {
  const read = db.prepare(`SELECT id, ${TOTAL_COLUMNS.join(', ')} FROM sessions ORDER BY id`);
  type Row = Record<string, number> & { id: string };
  const problems: string[] = [];
  db.exec('BEGIN IMMEDIATE');
  try {
    const before = read.all() as Row[];
    db.exec(RECOUNT_SESSION_TOTALS_SQL);
    const after = new Map((read.all() as Row[]).map((row) => [row.id, row]));
    for (const row of before) {
      const recounted = after.get(row.id)!;
      const wrong = TOTAL_COLUMNS.filter((column) => Math.abs(Number(row[column]) - Number(recounted[column])) > 1e-9);
      if (wrong.length > 0) {
        problems.push(`session ${row.id}: ${wrong.map((column) => `${column} ${row[column]}, recounted ${recounted[column]}`).join('; ')}`);
      }
    }
    db.exec(fix && problems.length > 0 ? 'COMMIT' : 'ROLLBACK');
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
  return result('session-totals', problems, fix && problems.length > 0, '`persona db check --fix` recounts them from the messages');
}

function numberingCheck(db: Database): CheckResult {
  const rows = db.prepare(NUMBERING_SQL).all() as Array<{ session_id: string; n: number; last: number }>;
  return result('message-numbers', rows.map(numberingProblem), false, NUMBERING_HINT);
}

const NUMBERING_HINT = 'messages were deleted one by one outside persona-chat: the counts shown for these sessions are off';

function numberingProblem(row: { session_id: string; n: number | string; last: number | string }): string {
  return `session ${row.session_id}: ${row.n} messages, numbered up to ${row.last}`;
}

async function checkPostgres(url: string): Promise<StoreCheckReport> {
  const connection = await openPostgresPool(url, { max: 1 });
  try {
    return await withPostgresErrors(connection.server, connection.secret, async () => {
      const location: StoreLocation = { backend: 'postgres', where: connection.where };
      const { rows: found } = await connection.pool.query<{ found: boolean }>("SELECT to_regclass('messages') IS NOT NULL AS found");
      if (!found[0]?.found) return { location, exists: false, checks: [], ok: true };
      const { rows } = await connection.pool.query<{ session_id: string; n: string; last: string }>(NUMBERING_SQL);
      return report(location, [result('message-numbers', rows.map(numberingProblem), false, NUMBERING_HINT)]);
    });
  } finally {
    await connection.pool.end().catch(() => undefined);
  }
}
