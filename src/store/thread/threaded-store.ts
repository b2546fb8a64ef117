import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { StoreError } from '../../core/errors.js';
import { itemsOf, runsOf } from '../../core/thread-messages.js';
import type { HistoryStore, RunStore, StoreLocation } from '../history-store.js';
import {
  crossesAsJson,
  fromCrossing,
  RUN_METHODS,
  type HistoryMethod,
  type RunMethod,
  type StoreCall,
  type StoreOutcome,
  type StoreThreadReady,
} from './store-calls.js';

// `persona serve` keeps its SQLite history in a worker thread. SQLite answers synchronously, so on
// the event loop every statement and every commit was time all other requests waited: measured
// with 50 streaming clients, the store's inserts, commits and full-text catch-up were 30% of the
// loop's busy time, more than anything else. In a thread they run beside the loop, and the loop
// only copies calls out and answers back.
//
// Nothing of what made the store correct moves: it is the same SqliteStore on one connection, in
// one thread, running calls in the order they were made; its write batching (a commit per turn of
// its loop), its seq cache and its data_version check all stay inside it. Calls made in one turn
// of the event loop go in one message, and answers come back the same way: a message costs a
// wake-up of the other thread.
//
// A thread that dies fails the calls it had not answered (with a StoreError, as a database that
// went away would), and the next call starts a new one. Short commands keep the store in process:
// a thread costs start-up time they do not have.

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** The built thread (dist/store-thread.cjs beside the bundle), or undefined when running from source. */
export function storeThreadFile(): string | undefined {
  const file = fileURLToPath(new URL('./store-thread.cjs', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** Threads that die are replaced until this many have: after that the calls fail, as a broken database's would. */
const MAX_FAILED_THREADS = 4;

export class ThreadedStore implements HistoryStore {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  /** Calls posted to the running thread and not answered yet (a thread that dies fails these, not the ones still to be posted). */
  private readonly posted = new Set<number>();
  private outbox: StoreCall[] = [];
  private sending: NodeJS.Immediate | undefined;
  private nextId = 1;
  private failedThreads = 0;
  private closing: Promise<void> | undefined;
  /** Called once no call is waiting for its answer (closing waits for that). */
  private whenIdle: Array<() => void> = [];
  private readonly runStore: RunStore;

  private constructor(
    private readonly threadFile: string,
    private readonly file: string,
    readonly location: StoreLocation,
    private readonly now: (() => Date) | undefined,
    worker: Worker,
  ) {
    this.runStore = Object.fromEntries(
      RUN_METHODS.map((method) => [method, (...args: unknown[]) => this.call('runs', method, args)]),
    ) as unknown as RunStore;
    this.attach(worker);
  }

  /**
   * Opens `file` in a thread running `threadFile` (storeThreadFile()). Fails as opening in process
   * would (a newer database, a damaged file, a folder that cannot be written), with the same error.
   * `now`: a clock whose time stamps the rows of each call (tests pin it).
   */
  static async open(threadFile: string, file: string, options: { now?: () => Date } = {}): Promise<ThreadedStore> {
    const { worker, location } = await startThread(threadFile, file);
    return new ThreadedStore(threadFile, file, location, options.now, worker);
  }

  saveSnapshot = this.method('saveSnapshot');
  getSnapshot = this.method('getSnapshot');
  createSession = this.method('createSession');
  getSession = this.method('getSession');
  setSessionTitle = this.method('setSessionTitle');
  appendMessage = this.method('appendMessage');
  addParticipants = this.method('addParticipants');
  listParticipants = this.method('listParticipants');
  listMessages = this.method('listMessages');
  recentMessages = this.method('recentMessages');
  replyTotals = this.method('replyTotals');
  recordEvent = this.method('recordEvent');
  spentSince = this.method('spentSince');
  admitRequest = this.method('admitRequest');
  usageStats = this.method('usageStats');
  attachAudio = this.method('attachAudio');
  listSessions = this.method('listSessions');
  getSessionSummary = this.method('getSessionSummary');
  latestSession = this.method('latestSession');
  latestSessionRecord = this.method('latestSessionRecord');
  findSession = this.method('findSession');
  deleteSession = this.method('deleteSession');
  search = this.method('search');
  getTranscript = this.method('getTranscript');

  runs(): RunStore {
    return this.runStore;
  }

  /** The thread's store serves already (its WAL checkpoints run in a thread of their own). */
  forServing(): void {}

  /** Waits for every call made so far, then closes the file in the thread and stops it. */
  close(): Promise<void> {
    this.closing ??= this.closeThread();
    return this.closing;
  }

  private async closeThread(): Promise<void> {
    this.send();
    if (this.pending.size > 0) await new Promise<void>((resolve) => this.whenIdle.push(resolve));
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    worker.removeAllListeners('exit');
    worker.ref();
    await new Promise<void>((resolve) => {
      worker.once('message', () => resolve());
      worker.once('exit', () => resolve());
      worker.postMessage('close');
    });
    await worker.terminate();
  }

  private method<M extends HistoryMethod>(name: M): HistoryStore[M] {
    return ((...args: unknown[]) => this.call('history', name, args)) as unknown as HistoryStore[M];
  }

  private call(target: StoreCall['target'], method: HistoryMethod | RunMethod, args: unknown[]): Promise<never> {
    if (this.closing) return Promise.reject(new StoreError(`The history ${this.file} is closed.`));
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      // Undefined arguments at the end are left off: a thread sees what a direct call would.
      while (args.length > 0 && args[args.length - 1] === undefined) args = args.slice(0, -1);
      this.outbox.push({ id, target, method, args, ...(this.now ? { at: this.now().getTime() } : {}) });
      this.sending ??= setImmediate(() => this.send());
    });
  }

  private send(): void {
    clearImmediate(this.sending);
    this.sending = undefined;
    if (this.outbox.length === 0) return;
    const calls = this.outbox;
    this.outbox = [];
    let worker: Worker;
    try {
      worker = this.thread();
    } catch (error) {
      for (const call of calls) this.settle({ id: call.id, error: { name: 'StoreError', message: messageOf(error) } });
      return;
    }
    for (const run of runsOf(calls, crossesAsJson)) {
      try {
        worker.postMessage(run.json ? JSON.stringify(run.items) : run.items);
        for (const call of run.items) this.posted.add(call.id);
      } catch {
        // An argument that cannot be copied (a function) or written as JSON (a cycle): a bug in the
        // caller, failed call by call so the others still go.
        for (const call of run.items) {
          try {
            worker.postMessage([call]);
            this.posted.add(call.id);
          } catch (error) {
            this.settle({ id: call.id, error: { name: 'Error', message: `store.${call.method}: ${messageOf(error)}` } });
          }
        }
      }
    }
    // Calls waiting keep the process alive, as a socket waiting would (the thread alone does not);
    // calls that could not be posted failed already, and keep nothing alive.
    if (this.posted.size > 0) worker.ref();
  }

  /** The running thread; a new one (its start is synchronous: its calls queue until it has opened the file) after one died. */
  private thread(): Worker {
    if (this.worker) return this.worker;
    if (this.failedThreads >= MAX_FAILED_THREADS)
      throw new Error(
        `The history thread stopped ${MAX_FAILED_THREADS} times; restart persona serve (and look at the file: persona db status).`,
      );
    const worker = new Worker(this.threadFile, { workerData: { file: this.file } });
    // The first message is the thread's "ready" (or why it could not open the file, which fails what waits).
    worker.once('message', (ready: StoreThreadReady) => {
      if (!ready.ready) this.failPosted(fromCrossing(ready.error));
      else this.listen(worker);
    });
    this.watch(worker);
    this.worker = worker;
    return worker;
  }

  private attach(worker: Worker): void {
    this.worker = worker;
    this.listen(worker);
    this.watch(worker);
  }

  private listen(worker: Worker): void {
    worker.on('message', (message: string | StoreOutcome[]) => {
      if (message === 'closed') return;
      for (const outcome of itemsOf(message)) this.settle(outcome);
    });
  }

  private watch(worker: Worker): void {
    const died = (reason: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.failedThreads++;
      worker.removeAllListeners();
      void worker.terminate();
      // What it was asked and had not answered may or may not be in the file; what was not asked
      // yet goes to the next thread.
      this.failPosted(
        new StoreError(`The history thread stopped (${reason}); the requests it was running may not have been saved.`, 'Try again.'),
      );
    };
    worker.on('error', (error) => died(messageOf(error)));
    worker.on('exit', (code) => died(`exit code ${code}`));
    // The thread alone never keeps the process alive: calls waiting for it do (send refs it, checkIdle
    // unrefs it). After the listeners, since listening for messages refs the thread again.
    worker.unref();
  }

  private settle(outcome: StoreOutcome): void {
    const entry = this.pending.get(outcome.id);
    if (!entry) return;
    this.pending.delete(outcome.id);
    this.posted.delete(outcome.id);
    if ('error' in outcome) entry.reject(fromCrossing(outcome.error));
    else entry.resolve(outcome.value);
    this.checkIdle();
  }

  /** Fails the calls posted to the thread that just failed. */
  private failPosted(error: Error): void {
    const ids = [...this.posted];
    this.posted.clear();
    for (const id of ids) {
      const entry = this.pending.get(id);
      this.pending.delete(id);
      entry?.reject(error);
    }
    this.checkIdle();
  }

  private checkIdle(): void {
    if (this.pending.size > 0) return;
    this.worker?.unref();
    if (this.whenIdle.length === 0) return;
    const waiting = this.whenIdle;
    this.whenIdle = [];
    for (const resolve of waiting) resolve();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Starts a thread on `file` and waits for it to have opened the store. */
function startThread(threadFile: string, file: string): Promise<{ worker: Worker; location: StoreLocation }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(threadFile, { workerData: { file } });
    const exited = (code: number) => reject(new StoreError(`The history thread for ${file} stopped as it started (exit code ${code}).`));
    worker.once('exit', exited);
    worker.once('error', (error) => {
      worker.off('exit', exited);
      reject(new StoreError(`The history thread for ${file} could not start: ${messageOf(error)}`));
    });
    worker.once('message', (ready: StoreThreadReady) => {
      worker.off('exit', exited);
      worker.removeAllListeners('error');
      if (ready.ready) resolve({ worker, location: ready.location });
      else {
        void worker.terminate();
        reject(fromCrossing(ready.error));
      }
    });
  });
}
