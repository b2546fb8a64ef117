import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.js';
import { openDatabase } from '../../src/store/database.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { startSession, tempDir, userMessage } from './helpers/fixtures.js';
import { bundleStoreWorker, NOBODY, runningAsRoot, type WorkerProcess } from './helpers/worker-process.js';

function openError(file: string, options?: Parameters<typeof openDatabase>[1]): StoreError {
  try {
    openDatabase(file, options).close();
  } catch (error) {
    if (error instanceof StoreError) return error;
    throw error;
  }
  throw new Error(`expected ${file} to be refused`);
}

/** A database this version wrote, closed, so its bytes are final. */
async function existingDatabase(): Promise<string> {
  const file = join(tempDir(), 'persona.db');
  const store = openStore(file);
  await store.appendMessage(userMessage((await startSession(store)).id, 'kept'));
  await store.close();
  return file;
}

describe('openDatabase', () => {
  it('creates missing parent folders and sets WAL, foreign keys, busy timeout and synchronous=NORMAL', async () => {
    const file = join(tempDir(), 'a', 'b', 'persona.db');
    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
    expect(existsSync(file)).toBe(true);
  });

  it.skipIf(process.platform === 'win32')('creates the history file and its WAL readable by the owner only', () => {
    const file = join(tempDir(), 'persona.db');
    const db = openDatabase(file);
    db.prepare("INSERT INTO events (id, kind, created_at) VALUES ('e', 'k', 'now')").run();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    db.close();
  });

  it('refuses a file of random bytes with a hint, leaving it byte-for-byte unchanged', async () => {
    const dir = tempDir();
    const file = join(dir, 'persona.db');
    const bytes = randomBytes(8192);
    writeFileSync(file, bytes);
    const error = openError(file);
    expect(error.message).toContain('is not a persona-chat database or is damaged');
    expect(error.hint).toContain('Move it aside');
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir)).toEqual(['persona.db']);
  });

  it("refuses another program's SQLite database, leaving it unchanged", async () => {
    const file = join(tempDir(), 'other.db');
    const other = new BetterSqlite3(file);
    other.exec("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine')");
    other.close();
    const before = readFileSync(file);
    expect(openError(file).message).toContain('is not a persona-chat database');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses a database written by a newer version, leaving it unchanged', async () => {
    const file = await existingDatabase();
    const raw = new BetterSqlite3(file);
    raw.prepare("INSERT INTO migrations (name, applied_at) VALUES ('999_from_the_future', 'later')").run();
    raw.close();
    const before = readFileSync(file);

    const error = openError(file);
    expect(error.message).toContain('created by a newer persona-chat');
    expect(error.message).toContain('999_from_the_future');
    expect(error.hint).toContain('Upgrade persona-chat');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('gives up with a StoreError, not SQLITE_BUSY, when another process holds the lock past the timeout', async () => {
    const file = await existingDatabase();
    const store = openStore(file, { busyTimeoutMs: 100 });
    const session = (await store.listSessions())[0]!;
    const holder = new BetterSqlite3(file);
    holder.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      await expect(store.appendMessage(userMessage(session.id, 'blocked'))).rejects.toThrow(
        /stayed locked by another persona-chat process/,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(90);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
      await store.close();
    }
  });

  it('reports a fresh file that stays locked during creation as a StoreError', async () => {
    const file = join(tempDir(), 'persona.db');
    const holder = new BetterSqlite3(file);
    holder.exec('BEGIN EXCLUSIVE; CREATE TABLE placeholder (x TEXT)');
    try {
      expect(openError(file, { busyTimeoutMs: 50 }).message).toContain('stayed locked');
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
  });

  it('opens read-only without creating a missing file or writing an empty one', async () => {
    const file = join(tempDir(), 'persona.db');
    expect(openError(file, { readonly: true }).message).toContain('no chat history yet');
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, '');
    expect(openError(file, { readonly: true }).message).toContain('no chat history yet');
    expect(readFileSync(file).length).toBe(0);
  });

  it('opens an existing database read-only and refuses writes through it', async () => {
    const file = await existingDatabase();
    const db = openDatabase(file, { readonly: true });
    expect(db.prepare('SELECT content FROM messages').all()).toEqual([{ content: 'kept' }]);
    expect(() => db.exec("INSERT INTO events (id, kind, created_at) VALUES ('e', 'k', 'now')")).toThrow();
    db.close();
  });
});

// Permission bits do not stop root, so when the suite runs as root these open the database from a
// child process running as `nobody`.
describe('openDatabase on read-only files and folders', () => {
  let worker: WorkerProcess;
  beforeAll(async () => {
    worker = await bundleStoreWorker();
  });
  afterAll(() => worker?.dispose());

  function ownByUnprivilegedUser(path: string): void {
    if (runningAsRoot) chownSync(path, NOBODY, NOBODY);
  }

  it('refuses a read-only database file with a hint, leaving it unchanged', async () => {
    const file = await existingDatabase();
    const dir = join(file, '..');
    chmodSync(dir, 0o755);
    ownByUnprivilegedUser(dir);
    ownByUnprivilegedUser(file);
    chmodSync(file, 0o444);
    const before = readFileSync(file);

    const result = await worker.run(['open', file], { unprivileged: true });
    expect(result).toMatchObject({ ok: false, error: 'StoreError' });
    expect(result.message).toContain(`the file ${file} is read-only`);
    expect(result.hint).toContain('chmod u+w');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('refuses to create a database in a read-only folder', async () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    ownByUnprivilegedUser(dir);
    const file = join(dir, 'persona.db');

    const result = await worker.run(['open', file], { unprivileged: true });
    expect(result).toMatchObject({ ok: false, error: 'StoreError' });
    expect(result.message).toContain(`the folder ${dir} is read-only`);
    expect(existsSync(file)).toBe(false);
  });

  it('still opens a read-only file when asked for read-only access', async () => {
    const file = await existingDatabase();
    const dir = join(file, '..');
    chmodSync(dir, 0o755);
    ownByUnprivilegedUser(dir);
    ownByUnprivilegedUser(file);
    chmodSync(file, 0o444);
    expect(await worker.run(['open', file, 'readonly'], { unprivileged: true })).toEqual({ ok: true });
  });
});
