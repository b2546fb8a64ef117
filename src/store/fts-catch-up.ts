import type { Database } from './database.js';

// Saving a message does not index it for full-text search (migration 007 says why): the index
// catches up afterwards, a batch of rows per transaction. The index holds exactly the messages
// with pk <= messages_marks.fts_indexed_through, so catching up is "index the rows above the
// mark, move the mark", and it is done under the write lock so two processes never index a row
// twice. A search catches up before it reads the index, so it always sees every saved message,
// whichever process saved it; in between, a store indexes what it wrote once it is quiet.

/** Waiting for this long without a write counts as idle. */
const IDLE_MS = 250;
/**
 * Rows indexed per transaction in the background. Measured: about 6 µs a row in batches of 500
 * (a 3 ms pause), against 50-60 µs a row when each message was indexed in its own transaction.
 */
const CHUNK_ROWS = 500;

const statements = new WeakMap<Database, ReturnType<typeof prepare>>();

function prepare(db: Database) {
  return {
    backlog: db.prepare<[], { pending: number }>(
      'SELECT (SELECT coalesce(max(pk), 0) FROM messages) - fts_indexed_through AS pending FROM messages_marks',
    ),
    chunkEnd: db.prepare<[number, number], { upto: number | null }>(
      'SELECT max(pk) AS upto FROM (SELECT pk FROM messages WHERE pk > ? ORDER BY pk LIMIT ?)',
    ),
    mark: db.prepare<[], { through: number }>('SELECT fts_indexed_through AS through FROM messages_marks'),
    index: db.prepare<[number, number]>(
      'INSERT INTO messages_fts (rowid, content) SELECT pk, content FROM messages WHERE pk > ? AND pk <= ?',
    ),
    moveMark: db.prepare<[number]>('UPDATE messages_marks SET fts_indexed_through = ?'),
  };
}

function statementsOf(db: Database): ReturnType<typeof prepare> {
  let prepared = statements.get(db);
  if (!prepared) statements.set(db, (prepared = prepare(db)));
  return prepared;
}

/** Whether saved messages wait to be indexed (a read; no lock taken). */
export function ftsBacklog(db: Database): number {
  return Math.max(0, Number(statementsOf(db).backlog.get()?.pending ?? 0));
}

/** Indexes up to `limit` of the waiting messages, oldest first; call inside a write transaction. Returns whether any were. */
export function indexWaitingMessages(db: Database, limit: number): boolean {
  const s = statementsOf(db);
  const { through } = s.mark.get()!;
  const upto = s.chunkEnd.get(through, Number.isFinite(limit) ? limit : -1)?.upto ?? null;
  if (upto === null) return false;
  s.index.run(through, upto);
  s.moveMark.run(upto);
  return true;
}

/** Runs `work` in an IMMEDIATE transaction, with the store's error handling. */
type InWriteTransaction = (work: () => void) => void;

/** One store's catching up: everything before a search, a chunk at a time when the store is quiet or the backlog grows. */
export class FtsCatchUp {
  private timer: NodeJS.Timeout | undefined;
  private lastWriteMs = 0;
  private stopped = false;

  constructor(
    private readonly db: Database,
    private readonly inWriteTransaction: InWriteTransaction,
  ) {}

  /** Messages may have been saved: index them once the store has been quiet for a moment (or at once when many wait). */
  afterWrite(): void {
    this.lastWriteMs = performance.now();
    if (this.timer === undefined && !this.stopped) this.schedule(IDLE_MS);
  }

  /** Indexes every waiting message, whoever saved it; takes the write lock only when some wait. */
  catchUpAll(): void {
    if (ftsBacklog(this.db) === 0) return;
    this.inWriteTransaction(() => {
      while (indexWaitingMessages(this.db, Infinity));
    });
  }

  /** No more background work (the store is closing). */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs: number): void {
    // unref: a command that has finished does not wait for this; the next search indexes what is left.
    this.timer = setTimeout(() => this.tick(), delayMs).unref();
  }

  private tick(): void {
    this.timer = undefined;
    if (this.stopped || !this.db.open) return;
    try {
      const backlog = ftsBacklog(this.db);
      if (backlog === 0) return;
      const quietMs = performance.now() - this.lastWriteMs;
      // Busy and little waiting: later, when quiet. A backlog of a whole chunk is indexed even under load,
      // so it never grows without bound (and the search that comes later never pays for all of it).
      if (quietMs < IDLE_MS && backlog < CHUNK_ROWS) return this.schedule(IDLE_MS - quietMs);
      this.inWriteTransaction(() => void indexWaitingMessages(this.db, CHUNK_ROWS));
      if (backlog > CHUNK_ROWS) this.schedule(0);
    } catch {
      // The lock stayed taken or the disk is full: the writes themselves report that. Nothing is
      // lost by not indexing now; the next write or search catches up.
    }
  }
}
