import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { StoreError } from '../../core/errors.js';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Database } from '../database.js';
import type { StoreLocation } from '../history-store.js';
import { withStoreErrors } from '../store-errors.js';
import type { CopyEndpoint } from './copy-endpoint.js';
import { indexWaitingMessages } from '../fts-catch-up.js';
import { keysetSql, type CopyRow, type CopyTable } from './copy-tables.js';

/** A SQLite file as one side of a copy. The copied messages are full-text indexed as the copy commits. */
export class SqliteCopyEndpoint implements CopyEndpoint {
  readonly location: StoreLocation;

  constructor(private readonly db: Database) {
    this.location = { backend: 'sqlite', where: db.name };
  }

  async count(table: CopyTable): Promise<number> {
    return this.guarded(() => Number((this.db.prepare(`SELECT count(*) AS n FROM ${table.name}`).get() as { n: number }).n));
  }

  async *read(table: CopyTable, batchSize: number): AsyncIterable<CopyRow[]> {
    const { after, order } = keysetSql(table, () => '?');
    const columns = table.columns.join(', ');
    const first = this.db.prepare(`SELECT ${columns} FROM ${table.name} ORDER BY ${order} LIMIT ?`).raw(true);
    const next = this.db.prepare(`SELECT ${columns} FROM ${table.name} WHERE ${after} ORDER BY ${order} LIMIT ?`).raw(true);
    const keyAt = table.key.map((k) => table.columns.indexOf(k));
    let last: unknown[] | undefined;
    for (;;) {
      const rows = this.guarded(() => (last === undefined ? first.all(batchSize) : next.all(...last, batchSize)) as CopyRow[]);
      if (rows.length === 0) return;
      yield rows;
      const end = rows[rows.length - 1]!;
      last = keyAt.map((i) => end[i]);
      if (rows.length < batchSize) return;
    }
  }

  async beginRead(): Promise<void> {
    // A read transaction: in WAL mode, every read below sees the same snapshot.
    this.guarded(() => this.db.exec('BEGIN'));
  }

  async endRead(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('COMMIT');
  }

  /** One IMMEDIATE transaction for the whole copy: a copy that fails leaves the target as it was. */
  async beginWrite(): Promise<void> {
    this.guarded(() => this.db.exec('BEGIN IMMEDIATE'));
  }

  async write(table: CopyTable, rows: readonly CopyRow[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`,
    );
    this.guarded(() => {
      for (const row of rows) insert.run(...row);
    });
  }

  /**
   * Saving a message does not index it (fts-catch-up.ts); the copy indexes all it wrote at once,
   * before the copy commits, so a search of the copy finds everything from the start.
   */
  async commitWrite(): Promise<void> {
    this.guarded(() => {
      while (indexWaitingMessages(this.db, Infinity));
      this.db.exec('COMMIT');
    });
  }

  async rollbackWrite(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private guarded<T>(work: () => T): T {
    return withStoreErrors(this.db.name, DEFAULT_BUSY_TIMEOUT_MS, work);
  }
}

/** Opens (and migrates) a SQLite history for a copy; a source must already exist. */
export function openSqliteCopyEndpoint(file: string, role: 'source' | 'target'): SqliteCopyEndpoint {
  const path = resolve(file);
  if (role === 'source' && !existsSync(path)) {
    throw new StoreError(`There is no SQLite history at ${path} to copy from.`, 'Check the path (--sqlite <file>) or PERSONA_HOME.');
  }
  return new SqliteCopyEndpoint(openDatabase(path));
}
