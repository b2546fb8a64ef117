import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { StoreError } from '../../core/errors.js';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase, type Database } from '../database.js';
import type { StoreLocation } from '../history-store.js';
import { withStoreErrors } from '../store-errors.js';
import type { CopyEndpoint } from './copy-endpoint.js';
import { keysetSql, type CopyRow, type CopyTable } from './copy-tables.js';

/** A SQLite file as one side of a copy. The FTS index follows `messages` through its triggers. */
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

  /** The full-text triggers on messages, set aside while the copy writes (see beginWrite). */
  private setAside: Array<{ name: string; sql: string }> = [];

  /**
   * The FTS triggers index each message as it is inserted; indexing all of them once at the end
   * ('rebuild') gives the same index. Measured on 20,000 messages: 6.8 s with the triggers, 0.5 s
   * with one rebuild. Dropping and re-creating them happens inside the copy's transaction, so a
   * copy that fails or is rolled back leaves them as they were.
   */
  async beginWrite(): Promise<void> {
    this.guarded(() => {
      this.db.exec('BEGIN IMMEDIATE');
      this.setAside = this.db
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'messages' AND sql LIKE '%messages_fts%'")
        .all() as Array<{ name: string; sql: string }>;
      for (const trigger of this.setAside) this.db.exec(`DROP TRIGGER "${trigger.name}"`);
    });
  }

  async write(table: CopyTable, rows: readonly CopyRow[]): Promise<void> {
    const insert = this.db.prepare(
      `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`,
    );
    this.guarded(() => {
      for (const row of rows) insert.run(...row);
    });
  }

  async commitWrite(): Promise<void> {
    this.guarded(() => {
      if (this.setAside.length > 0) {
        for (const trigger of this.setAside) this.db.exec(trigger.sql);
        this.db.exec("INSERT INTO messages_fts (messages_fts) VALUES ('rebuild')");
      }
      this.db.exec('COMMIT');
    });
    this.setAside = [];
  }

  async rollbackWrite(): Promise<void> {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
    this.setAside = [];
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
