import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { DEFAULT_BUSY_TIMEOUT_MS, openDatabase } from './database.js';
import type { StoreLocation } from './history-store.js';
import { appliedMigrationNames, MIGRATIONS } from './migrations.js';
import { COPY_TABLES } from './copy/copy-tables.js';
import { migratePostgres, postgresMigrationState, POSTGRES_MIGRATIONS } from './postgres/postgres-migrations.js';
import { openPostgresPool, type PostgresConnection } from './postgres/postgres-pool.js';
import { withPostgresErrors } from './postgres/postgres-errors.js';
import { withStoreErrors } from './store-errors.js';
import type { StoreSpec } from './store-spec.js';

// `persona db status` and `persona db migrate`, for either backend. Status only reads: it never
// creates a file, applies a migration or takes a lock.

export interface StoreStatus {
  location: StoreLocation;
  /** False for a SQLite file that does not exist yet. */
  exists: boolean;
  migrations: { applied: string[]; pending: string[]; unknown: string[] };
  /** Rows per history table (tables not created yet are left out). */
  rows: Record<string, number>;
}

export async function readStoreStatus(spec: StoreSpec): Promise<StoreStatus> {
  return spec.backend === 'sqlite' ? sqliteStatus(resolve(spec.file)) : postgresStatus(spec.url);
}

/** Applies what is pending; returns the names applied (none when up to date). */
export async function migrateStore(spec: StoreSpec): Promise<{ location: StoreLocation; applied: string[] }> {
  if (spec.backend === 'sqlite') {
    const file = resolve(spec.file);
    const before = existsSync(file) ? (await sqliteStatus(file)).migrations.applied : [];
    openDatabase(file).close();
    const done = new Set(before);
    return { location: { backend: 'sqlite', where: file }, applied: MIGRATIONS.map((m) => m.name).filter((n) => !done.has(n)) };
  }
  return withConnection(spec.url, async (connection) => {
    const client = await connection.pool.connect();
    try {
      return { location: { backend: 'postgres', where: connection.where }, applied: await migratePostgres(client, connection.server) };
    } finally {
      client.release();
    }
  });
}

async function sqliteStatus(file: string): Promise<StoreStatus> {
  const location: StoreLocation = { backend: 'sqlite', where: file };
  const known = MIGRATIONS.map((m) => m.name);
  if (!existsSync(file)) return { location, exists: false, migrations: { applied: [], pending: known, unknown: [] }, rows: {} };
  return withStoreErrors(file, DEFAULT_BUSY_TIMEOUT_MS, () => {
    const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const applied = appliedMigrationNames(db);
      const rows: Record<string, number> = {};
      for (const table of COPY_TABLES) {
        const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table.name) !== undefined;
        if (exists) rows[table.name] = Number((db.prepare(`SELECT count(*) AS n FROM ${table.name}`).get() as { n: number }).n);
      }
      return { location, exists: true, migrations: compare(applied, known), rows };
    } finally {
      db.close();
    }
  });
}

async function postgresStatus(url: string): Promise<StoreStatus> {
  return withConnection(url, async (connection) => {
    const client = await connection.pool.connect();
    try {
      const state = await postgresMigrationState(client, POSTGRES_MIGRATIONS);
      const rows: Record<string, number> = {};
      for (const table of COPY_TABLES) {
        const { rows: found } = await client.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [table.name]);
        if (!found[0]?.found) continue;
        const { rows: counted } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${table.name}`);
        rows[table.name] = Number(counted[0]!.n);
      }
      return {
        location: { backend: 'postgres', where: connection.where },
        exists: true,
        migrations: { applied: state.applied, pending: state.pending, unknown: state.unknown },
        rows,
      };
    } finally {
      client.release();
    }
  });
}

function compare(applied: string[], known: string[]): StoreStatus['migrations'] {
  const done = new Set(applied);
  const knownSet = new Set(known);
  return { applied, pending: known.filter((n) => !done.has(n)), unknown: applied.filter((n) => !knownSet.has(n)) };
}

export async function withConnection<T>(url: string, work: (connection: PostgresConnection) => Promise<T>): Promise<T> {
  const connection = await openPostgresPool(url, { max: 1 });
  try {
    return await withPostgresErrors(connection.server, connection.secret, () => work(connection));
  } finally {
    await connection.pool.end().catch(() => undefined);
  }
}
