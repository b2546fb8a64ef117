import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openStore, type SqliteStore, type SqliteStoreOptions } from '../../../src/store/sqlite-store.js';

const made: string[] = [];
const opened: Array<{ close(): unknown }> = [];

afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'persona-store-'));
  made.push(dir);
  return dir;
}

/** A store on a fresh file, closed after the test. */
export function freshStore(options: SqliteStoreOptions = {}): SqliteStore {
  const store = openStore(join(tempDir(), 'persona.db'), options);
  opened.push(store);
  return store;
}

/** A second, plain connection to the store's file, to look at or damage rows directly. */
export function rawConnection(store: SqliteStore): BetterSqlite3.Database {
  const db = new BetterSqlite3(store.file);
  opened.unshift(db);
  return db;
}

export { personaReply, snapshotInput, startSession, tickingClock, userMessage } from '../behaviour/fixtures.js';
