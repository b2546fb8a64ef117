import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { WriteBatch } from '../../src/store/write-batch.js';
import { tempDir } from './helpers/fixtures.js';

// Write-behind batching: the writes of one event-loop turn commit together, each caller learns
// of its own write only after the commit, and one failing write does not take the others down.

const open: BetterSqlite3.Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function database(file: string, busyTimeoutMs = 5000): BetterSqlite3.Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  open.push(db);
  return db;
}

function setUp(busyTimeoutMs?: number) {
  const file = join(tempDir(), 'batch.db');
  const db = database(file, busyTimeoutMs);
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE)');
  // Another connection, as another process would see the file.
  const other = database(file);
  const visible = () => (other.prepare('SELECT text FROM notes ORDER BY id').all() as Array<{ text: string }>).map((r) => r.text);
  const insert = db.prepare('INSERT INTO notes (text) VALUES (?)');
  return { file, db, other, visible, insert };
}

describe('WriteBatch', () => {
  it('commits the writes of one turn together, and settles each caller after the commit', async () => {
    const { db, visible, insert } = setUp();
    const batch = new WriteBatch(db);
    let seenInsideBatch: string[] | undefined;
    const writes = ['one', 'two', 'three'].map((text, i) =>
      batch.run(() => {
        const id = Number(insert.run(text).lastInsertRowid);
        // From another connection, the batch is invisible until it commits as a whole.
        if (i === 2) seenInsideBatch = visible();
        return id;
      }),
    );
    expect(batch.pending).toBe(3);
    expect(visible()).toEqual([]);
    const settledBeforeCommit = await Promise.race([Promise.all(writes).then(() => true), Promise.resolve(false)]);
    expect(settledBeforeCommit).toBe(false);
    const ids = await Promise.all(writes);
    expect(seenInsideBatch).toEqual([]);
    expect(ids).toEqual([1, 2, 3]);
    expect(visible()).toEqual(['one', 'two', 'three']);
  });

  it('a failing write rejects only its caller; the rest of the batch commits', async () => {
    const { db, visible, insert } = setUp();
    const batch = new WriteBatch(db, (error) => new Error(`wrapped: ${(error as Error).message}`));
    const first = batch.run(() => insert.run('same'));
    const duplicate = batch.run(() => {
      insert.run('half of a write');
      insert.run('same'); // UNIQUE: this write fails, and its first statement rolls back with it
    });
    const last = batch.run(() => insert.run('after'));
    await expect(duplicate).rejects.toThrow(/^wrapped: UNIQUE constraint failed/);
    await expect(first).resolves.toBeDefined();
    await expect(last).resolves.toBeDefined();
    expect(visible()).toEqual(['same', 'after']);
  });

  it('when the commit cannot happen, every caller in the batch gets the error and nothing is saved', async () => {
    const { db, other, visible, insert } = setUp(50);
    const batch = new WriteBatch(db);
    other.exec('BEGIN IMMEDIATE'); // another process holds the write lock past the busy timeout
    const writes = [batch.run(() => insert.run('a')), batch.run(() => insert.run('b'))];
    const results = await Promise.allSettled(writes);
    other.exec('ROLLBACK');
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(String((results[0] as PromiseRejectedResult).reason)).toMatch(/locked|busy/i);
    expect(visible()).toEqual([]);
    // The next turn's writes go through once the lock is free.
    await batch.run(() => insert.run('c'));
    expect(visible()).toEqual(['c']);
  });

  it('flush() commits what is queued at once (closing the store drops nothing)', async () => {
    const { db, visible, insert } = setUp();
    const batch = new WriteBatch(db);
    const write = batch.run(() => insert.run('queued at close'));
    batch.flush();
    expect(visible()).toEqual(['queued at close']);
    expect(batch.pending).toBe(0);
    await expect(write).resolves.toBeDefined();
  });
});
