import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Database } from './database.js';

// SQLite copies the write-ahead log back into the database file (a checkpoint) inside whichever
// commit finds the log past 1,000 pages, and a checkpoint waits for the disk twice (fsync). On a
// server that commit runs on the event loop, so every few hundred turns all requests stood still
// for the checkpoint: measured with 50 clients, wall time per turn halved with checkpoints out of
// the way, at the same CPU time. So a long-running server checkpoints in a thread of its own, on
// its own connection, in PASSIVE mode (never waiting for, or blocking, the writers). Short
// commands keep SQLite's automatic checkpoints: a thread costs start-up time they do not have.

/** How often the thread checkpoints what the log holds. */
const INTERVAL_MS = 200;
/**
 * A log this long (pages, about 32 MB) is started over. PASSIVE checkpoints copy everything, but
 * the log only starts again from its beginning once a checkpoint finds no commit arriving while it
 * ran, which under steady load is never: the file grew by some 6 MB a second. So past this size
 * the thread asks for a RESTART checkpoint, which holds the next commit back for as long as it
 * takes to copy what the last PASSIVE pass left (little) and to wait for the disk. It gives up at
 * once when a commit is under way, and tries again on the next round.
 */
const RESTART_PAGES = 8_000;
/**
 * The main connection still checkpoints by itself, should the log reach this many pages (about
 * 80 MB): if the thread ever fails, the log stays bounded.
 */
const FALLBACK_AUTOCHECKPOINT_PAGES = 20_000;

// The thread's code, as CommonJS source: a worker file of its own would need its own entry in the
// bundle, and this is a dozen lines. It reports nothing; a failed checkpoint is simply tried again.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => {
  try {
    const [{ log }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log >= workerData.restartPages) db.pragma('wal_checkpoint(RESTART)');
  } catch {}
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  process.exit(0);
});
`;

/** Checkpoints `db`'s file from a worker thread until stopped. */
export class WalCheckpointer {
  private readonly worker: Worker;

  constructor(db: Database) {
    db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file: db.name,
        driver: createRequire(import.meta.url).resolve('better-sqlite3'),
        intervalMs: INTERVAL_MS,
        restartPages: RESTART_PAGES,
      },
    });
    // The thread never keeps the process alive, and an error in it (the file gone) only ends it.
    this.worker.unref();
    this.worker.on('error', () => undefined);
  }

  /** Asks the thread to checkpoint once more and close its connection (it exits by itself). */
  stop(): void {
    this.worker.postMessage('stop');
  }
}
