import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { startSession, tempDir, userMessage } from './helpers/fixtures.js';

// A server's WAL checkpoints run in a thread of their own. Observable from outside: the database
// file takes in what the log holds although no commit on the store's connection checkpointed
// (its own threshold is far above what is written here), and closing the store ends the thread.

/** About 300 pages of messages: under SQLite's default checkpoint threshold of 1,000 pages. */
async function writeSome(store: SqliteStore): Promise<void> {
  const session = await startSession(store);
  const long = 'a message long enough to fill pages quickly. '.repeat(40);
  for (let i = 0; i < 20; i++) {
    await Promise.all(Array.from({ length: 30 }, (_, j) => store.appendMessage(userMessage(session.id, `${i}-${j} ${long}`))));
  }
}

describe('WAL checkpoints of a server', () => {
  it('copy the log into the database file from another thread', async () => {
    const dir = tempDir();
    const file = join(dir, 'persona.db');
    const store = openStore(file);
    store.forServing();
    const before = statSync(file).size;
    await writeSome(store);
    await vi.waitFor(() => expect(statSync(file).size).toBeGreaterThan(before + 1_000_000), { timeout: 5000, interval: 50 });
    await store.close();
    // The thread closes last and, with nothing left in the log, SQLite removes it.
    await vi.waitFor(() => expect(existsSync(`${file}-wal`)).toBe(false), { timeout: 5000, interval: 50 });
  });

  it('short commands keep SQLite’s own checkpoints: nothing is copied before the threshold', async () => {
    const file = join(tempDir(), 'persona.db');
    const store = openStore(file);
    const before = statSync(file).size;
    await writeSome(store);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(statSync(file).size).toBe(before);
    await store.close();
  });
});
