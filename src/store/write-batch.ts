import type { Database } from './database.js';

// Write-behind batching for SQLite. Under load a commit per write costs more than the writes:
// every transaction takes the write lock, appends its frames to the WAL and releases the lock.
// So the writes asked for during one event-loop turn are queued and committed together, in one
// IMMEDIATE transaction, when the turn ends (setImmediate). Each caller's promise settles only
// after that commit, so a caller that awaits its write (the engine awaits the user's message
// before the reply starts) knows the row is in the file: a kill -9 after that loses nothing.
//
// A write that fails (a constraint, a session deleted meanwhile) rolls back alone and rejects only
// its caller; the batch commits the rest. That takes a savepoint per write, which costs about as
// much as the write itself, and writes almost never fail: so the batch first runs without them,
// and only when one of its writes throws is it rolled back and run again with a savepoint around
// each write. When the commit itself fails (the lock not granted within the busy timeout, a full
// disk), nothing in the batch was saved and every caller in it gets the error.

interface Queued {
  work: () => unknown;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A write of the batch threw (as opposed to BEGIN or COMMIT failing): worth running again with savepoints. */
class WriteFailed {
  constructor(readonly error: unknown) {}
}

export class WriteBatch {
  private queue: Queued[] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private readonly commitAll: (batch: Queued[]) => Outcome[];
  private readonly commitEachAlone: (batch: Queued[]) => Outcome[];

  /** `wrapError` turns a driver error into what callers expect (StoreError with a hint). */
  constructor(
    db: Database,
    private readonly wrapError: (error: unknown) => unknown = (error) => error,
  ) {
    const all = db.transaction((batch: Queued[]) =>
      batch.map((item): Outcome => {
        try {
          return { ok: true, value: item.work() };
        } catch (error) {
          throw new WriteFailed(error);
        }
      }),
    );
    const inSavepoint = db.transaction((work: () => unknown) => work());
    const eachAlone = db.transaction((batch: Queued[]) =>
      batch.map((item): Outcome => {
        try {
          return { ok: true, value: inSavepoint(item.work) };
        } catch (error) {
          return { ok: false, error };
        }
      }),
    );
    this.commitAll = (batch) => all.immediate(batch);
    this.commitEachAlone = (batch) => eachAlone.immediate(batch);
  }

  /**
   * Queues `work` (synchronous statements) for this turn's commit; settles after the commit. When
   * another write of the batch fails, `work` runs a second time on the redo: it must do nothing
   * but its statements and compute its result.
   */
  run<T>(work: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      this.scheduled ??= setImmediate(() => this.flush());
    });
  }

  /** Writes queued and not yet committed. */
  get pending(): number {
    return this.queue.length;
  }

  /** Commits what is queued now (closing the store calls this, so nothing queued is dropped). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    let outcomes: Outcome[];
    try {
      try {
        outcomes = this.commitAll(batch);
      } catch (error) {
        // The whole batch rolled back; again, each write in its own savepoint, so only the failing one is lost.
        if (!(error instanceof WriteFailed)) throw error;
        outcomes = this.commitEachAlone(batch);
      }
    } catch (error) {
      const wrapped = this.wrapError(error);
      for (const item of batch) item.reject(wrapped);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i]!;
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(this.wrapError(outcome.error));
    });
  }
}
