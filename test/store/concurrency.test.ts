import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { startSession, tempDir } from './helpers/fixtures.js';
import { bundleStoreWorker, type WorkerProcess } from './helpers/worker-process.js';

const PER_PROCESS = 300;
let worker: WorkerProcess;

beforeAll(async () => {
  worker = await bundleStoreWorker();
});
afterAll(() => worker?.dispose());

function inspect(file: string) {
  const db = new BetterSqlite3(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      perSession: db
        .prepare('SELECT session_id, count(*) AS n, count(DISTINCT seq) AS seqs, max(seq) AS top FROM messages GROUP BY session_id')
        .all() as Array<{
        session_id: string;
        n: number;
        seqs: number;
        top: number;
      }>,
      migrations: db.prepare('SELECT count(*) AS n FROM migrations').get() as { n: number },
      snapshots: db.prepare('SELECT count(*) AS n FROM persona_snapshots').get() as { n: number },
    };
  } finally {
    db.close();
  }
}

describe('several processes writing one database at once', () => {
  // Three processes start on a file that does not exist yet: creating, switching to WAL and
  // migrating all race, and the snapshot insert races on its unique content hash.
  it('create the fresh file together, migrate it once and keep every message', async () => {
    const file = join(tempDir(), 'persona.db');
    const runs = [1, 2, 3].map(() => worker.run(['append', file, String(PER_PROCESS)]));
    const results = await Promise.all(runs);
    expect(results).toEqual(runs.map(() => expect.objectContaining({ ok: true })));

    const state = inspect(file);
    expect(state.integrity).toBe('ok');
    expect(state.migrations.n).toBe(MIGRATIONS.length);
    expect(state.snapshots.n).toBe(1); // the same persona from every process: one snapshot row
    expect(state.perSession).toHaveLength(3);
    for (const session of state.perSession) expect(session).toMatchObject({ n: PER_PROCESS, seqs: PER_PROCESS, top: PER_PROCESS });
  }, 120_000);

  it('interleave into one session with unique, gapless seqs', async () => {
    const file = join(tempDir(), 'persona.db');
    const store = openStore(file);
    const session = await startSession(store);
    await store.close();

    const results = await Promise.all([
      worker.run(['append', file, String(PER_PROCESS), session.id]),
      worker.run(['append', file, String(PER_PROCESS), session.id]),
    ]);
    expect(results).toEqual([expect.objectContaining({ ok: true }), expect.objectContaining({ ok: true })]);

    const state = inspect(file);
    expect(state.integrity).toBe('ok');
    expect(state.perSession).toEqual([{ session_id: session.id, n: 2 * PER_PROCESS, seqs: 2 * PER_PROCESS, top: 2 * PER_PROCESS }]);
  }, 120_000);

  // SQLite refuses the switch to WAL at once, without waiting, while another process holds a
  // write lock on the fresh file: the open must wait it out like any other busy write.
  it('waits for another process that holds the fresh file locked while switching it to WAL', async () => {
    const file = join(tempDir(), 'persona.db');
    const { released } = await worker.holdWriteLock(file, 300);
    const started = Date.now();
    const db = openDatabase(file);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    await released;
  }, 30_000);
});
