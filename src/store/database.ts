import { accessSync, chmodSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { StoreError } from '../core/errors.js';
import { hasMigrationsTable, MIGRATIONS, migrate, pendingMigrations, unknownMigrationNames, type Migration } from './migrations.js';
import { damagedDatabaseError, readOnlyError, toStoreError } from './store-errors.js';

export type Database = BetterSqlite3.Database;

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface OpenDatabaseOptions {
  /** Open without creating, migrating or writing anything. */
  readonly?: boolean;
  /** How long a write waits for another process's lock before failing. */
  busyTimeoutMs?: number;
  /** The migration list; tests pass their own to simulate other versions. */
  migrations?: readonly Migration[];
}

const IN_MEMORY = ':memory:';

/**
 * Opens (creating if needed) the chat database and brings its schema up to date. Everything that
 * could modify the file happens only after the file has been read and recognised: a damaged file,
 * a foreign SQLite file, or one written by a newer persona-chat is refused untouched.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Database {
  const readonly = options.readonly ?? false;
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  const migrations = options.migrations ?? MIGRATIONS;
  const path = file === IN_MEMORY ? file : resolve(file);
  if (path !== IN_MEMORY) checkFileSystem(path, readonly);

  const creating = path !== IN_MEMORY && !readonly && !existsSync(path);
  let db: Database;
  try {
    const binding = nativeBinding();
    db = new BetterSqlite3(path, { readonly, fileMustExist: readonly, ...(binding ? { nativeBinding: binding } : {}) });
  } catch (error) {
    throw toStoreError(error, path, busyTimeoutMs) ?? error;
  }
  if (creating) keepPrivate(path);
  try {
    // Connection settings only: none of these writes to the file.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    assertRecognisedSchema(db, path, migrations);
    if (readonly) {
      if (!hasMigrationsTable(db)) throw noHistoryError(path);
      if (pendingMigrations(db, migrations).length > 0) {
        throw new StoreError(
          `${path} was written by an older persona-chat and must be upgraded before it can be read.`,
          'Run any persona command that writes (for example `persona chat`) once to upgrade it.',
        );
      }
    } else {
      if (path !== IN_MEMORY) enableWal(db, busyTimeoutMs);
      migrate(db, migrations);
    }
    return db;
  } catch (error) {
    db.close();
    throw toStoreError(error, path, busyTimeoutMs) ?? error;
  }
}

let addonPath: string | null | undefined;

/**
 * better-sqlite3 finds its native addon through `bindings`, which tries a dozen places (a failed
 * require each) before build/Release, where its install puts it: 3-12 ms measured on the way to
 * every chat's first frame. When the addon is there it is named directly; anywhere else
 * better-sqlite3 searches as it always does.
 */
function nativeBinding(): string | undefined {
  if (addonPath === undefined) {
    try {
      addonPath = createRequire(import.meta.url).resolve('better-sqlite3/build/Release/better_sqlite3.node');
    } catch {
      addonPath = null;
    }
  }
  return addonPath ?? undefined;
}

/**
 * Switching a fresh file to WAL needs an exclusive lock, and while another connection holds a
 * write lock SQLite answers SQLITE_BUSY at once, without calling its busy handler. Measured: two
 * processes creating one database together failed here about one run in ten. So wait and retry,
 * within the same budget the busy timeout gives every other statement.
 */
function enableWal(db: Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
    if (String(db.pragma('journal_mode', { simple: true })).toLowerCase() === 'wal') return;
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      const busy = typeof error === 'object' && error !== null && 'code' in error && String(error.code).startsWith('SQLITE_BUSY');
      if (!busy || Date.now() >= deadline) throw error;
      sleepSync(pause);
    }
  }
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function noHistoryError(path: string): StoreError {
  return new StoreError(`There is no chat history yet in ${path}.`, 'Start a chat first: persona chat <persona>.');
}

function checkFileSystem(path: string, readonly: boolean): void {
  const folder = dirname(path);
  if (readonly) {
    if (!existsSync(path)) throw noHistoryError(path);
    return;
  }
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new StoreError(`Cannot create the folder ${folder}.`, 'Check its permissions or set PERSONA_HOME to a writable folder.', error);
  }
  if (!isWritable(folder)) throw readOnlyError(folder, 'folder');
  if (existsSync(path)) {
    if (statSync(path).isDirectory()) {
      throw new StoreError(`${path} is a folder, not a database file.`, 'Move it aside or set PERSONA_HOME elsewhere.');
    }
    if (!isWritable(path)) throw readOnlyError(path, 'file');
  }
}

/**
 * Chat history is personal. A new file is made owner-only before anything is written, so the WAL
 * and shared-memory files SQLite creates later copy the same mode.
 */
function keepPrivate(path: string): void {
  if (process.platform === 'win32') return;
  try {
    chmodSync(path, 0o600);
  } catch {
    // A file system without Unix modes: nothing to tighten.
  }
}

function isWritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads (never writes) enough to know the file is ours: an empty database, or one with our
 * `migrations` table whose every name this build knows. Reading sqlite_master is also what makes
 * SQLite notice a file that is not a database at all.
 */
function assertRecognisedSchema(db: Database, path: string, migrations: readonly Migration[]): void {
  const objects = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'").get() as { n: number };
  if (objects.n === 0) return;
  if (!hasMigrationsTable(db) || !hasColumn(db, 'migrations', 'name')) throw damagedDatabaseError(path);
  const unknown = unknownMigrationNames(db, migrations);
  if (unknown.length > 0) {
    throw new StoreError(
      `${path} was created by a newer persona-chat (it records the migration "${unknown[0]}", which this version does not know).`,
      'Upgrade persona-chat (npm install -g persona-chat@latest), or set PERSONA_HOME to another folder.',
    );
  }
}

function hasColumn(db: Database, table: string, column: string): boolean {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as Array<{ name: string }>;
  return columns.some((c) => c.name === column);
}
