import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_BUSY_TIMEOUT_MS } from './database.js';
import type { StoreLocation } from './history-store.js';
import { appliedMigrationNames, MIGRATIONS } from './migrations.js';
import { RECOUNT_SESSION_TOTALS_SQL, SESSION_TOTAL_COLUMNS, SESSION_TOTALS_RECOUNTED_SQL } from './session-queries.js';
import { withStoreErrors } from './store-errors.js';
import { withConnection } from './store-status.js';
import type { StoreSpec } from './store-spec.js';

// `persona db check`: is the history whole? SQLite's own check of the file, rows whose parent is
// gone, the totals each session row keeps (added to by trigger, message by message) against a
// recount of its messages, and every session's messages numbered 1, 2, 3… (counts are read from
// the last number). It reads only, on a read-only connection: no migration, no lock a running
// server waits on. --fix opens the file for writing only when totals are wrong, and recounts them
// in one transaction. PostgreSQL checks its own pages and keys and sums totals by query: there
// the numbering is checked.

export type CheckName = 'schema' | 'file' | 'references' | 'session-totals' | 'message-numbers';

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
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      db.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
      const schema = schemaCheck(db);
      // The other checks read tables as this version shapes them.
      if (!schema.ok) return report(location, [schema, fileCheck(db, file)]);
      const totals = totalsCheck(db);
      const fixed = fix && totals.count > 0 ? recountTotals(file, totals) : totals;
      return report(location, [schema, fileCheck(db, file), referencesCheck(db), fixed, numberingCheck(db)]);
    } finally {
      db.close();
    }
  });
}

function schemaCheck(db: BetterSqlite3.Database): CheckResult {
  const applied = new Set(appliedMigrationNames(db));
  const known = new Set(MIGRATIONS.map((m) => m.name));
  const unknown = [...applied].filter((name) => !known.has(name));
  if (unknown.length > 0)
    return result('schema', [`written by a newer persona-chat (${unknown.join(', ')})`], false, 'upgrade persona-chat');
  const pending = MIGRATIONS.filter((m) => !applied.has(m.name)).map((m) => m.name);
  // Migrating recounts the totals too (009): the check is of a history this version has opened.
  return result(
    'schema',
    pending.length > 0 ? [`${pending.length} migrations pending: ${pending.join(', ')}`] : [],
    false,
    '`persona db migrate` brings it up to date',
  );
}

function fileCheck(db: BetterSqlite3.Database, file: string): CheckResult {
  const rows = db.pragma('quick_check') as Array<{ quick_check: string }>;
  const problems = rows.map((r) => r.quick_check).filter((line) => line !== 'ok');
  return result(
    'file',
    problems,
    false,
    `the file is damaged: copy it aside, then \`sqlite3 '${file}' .recover | sqlite3 recovered.db\` rescues what it can`,
  );
}

function referencesCheck(db: BetterSqlite3.Database): CheckResult {
  const rows = db.pragma('foreign_key_check') as Array<{ table: string; rowid: number; parent: string; fkid: number }>;
  const problems = rows.map((r) => {
    // The column that names the parent, and the value that names none.
    const key = (db.pragma(`foreign_key_list(${JSON.stringify(r.table)})`) as Array<{ id: number; from: string }>).find(
      (k) => k.id === r.fkid,
    );
    const value = key
      ? (
          db.prepare(`SELECT "${key.from.replace(/"/g, '""')}" AS v FROM "${r.table.replace(/"/g, '""')}" WHERE rowid = ?`).get(r.rowid) as
            { v: unknown } | undefined
        )?.v
      : undefined;
    return `${r.table} row ${r.rowid}: ${key?.from ?? 'its key'} ${String(value ?? '?')} names no ${r.parent} row`;
  });
  return result('references', problems, false, 'written by another program with foreign keys off: persona-chat never shows these rows');
}

type TotalsRow = Record<string, number> & { id: string };

/** Sessions whose row disagrees with the recount of its messages, read only. */
function totalsCheck(db: BetterSqlite3.Database): CheckResult {
  const problems = (db.prepare(SESSION_TOTALS_RECOUNTED_SQL).all() as TotalsRow[]).flatMap((row) => {
    const wrong = SESSION_TOTAL_COLUMNS.filter((column) => Math.abs(Number(row[column]) - Number(row[`recounted_${column}`])) > 1e-9);
    return wrong.length === 0
      ? []
      : [`session ${row.id}: ${wrong.map((c) => `${c} ${row[c]}, recounted ${row[`recounted_${c}`]}`).join('; ')}`];
  });
  return result('session-totals', problems, false, '`persona db check --fix` recounts them from the messages');
}

/** --fix: the recount, in one IMMEDIATE transaction on a connection of its own. */
function recountTotals(file: string, found: CheckResult): CheckResult {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${DEFAULT_BUSY_TIMEOUT_MS}`);
    db.transaction(() => db.exec(RECOUNT_SESSION_TOTALS_SQL)).immediate();
  } finally {
    db.close();
  }
  return { ...found, ok: true, fixed: true, hint: undefined };
}

function numberingCheck(db: BetterSqlite3.Database): CheckResult {
  const rows = db.prepare(NUMBERING_SQL).all() as Array<{ session_id: string; n: number; last: number }>;
  return result('message-numbers', rows.map(numberingProblem), false, NUMBERING_HINT);
}

const NUMBERING_HINT = 'messages were deleted one by one outside persona-chat: the counts shown for these sessions are off';

function numberingProblem(row: { session_id: string; n: number | string; last: number | string }): string {
  return `session ${row.session_id}: ${row.n} messages, numbered up to ${row.last}`;
}

async function checkPostgres(url: string): Promise<StoreCheckReport> {
  return withConnection(url, async (connection) => {
    const location: StoreLocation = { backend: 'postgres', where: connection.where };
    const { rows: found } = await connection.pool.query<{ found: boolean }>("SELECT to_regclass('messages') IS NOT NULL AS found");
    if (!found[0]?.found) return { location, exists: false, checks: [], ok: true };
    const { rows } = await connection.pool.query<{ session_id: string; n: string; last: string }>(NUMBERING_SQL);
    return report(location, [result('message-numbers', rows.map(numberingProblem), false, NUMBERING_HINT)]);
  });
}
