import { parentPort, workerData } from 'node:worker_threads';
import { openStore } from '../sqlite-store.js';
import type { HistoryStore, RunStore } from '../history-store.js';
import { itemsOf } from '../../core/thread-messages.js';
import { toCrossing, type StoreCall, type StoreOutcome, type StoreThreadReady } from './store-calls.js';

// The SQLite store inside a worker thread (built as dist/store-thread.cjs; threaded-store.ts says
// why). It opens the file, serves calls in the order they arrive on its one connection, and
// answers each with its value or its error. Calls that arrive together run in one turn of this
// thread's loop, so their writes commit together (write-batch.ts), and their answers go back in
// one message.

if (!parentPort) throw new Error('store-thread runs as a worker thread of `persona serve`');
const port = parentPort;
const { file } = workerData as { file: string };

/** The caller's clock for the call being run, when the caller has one (tests pin it). */
let callTime: number | undefined;

let store: HistoryStore;
try {
  store = openStore(file, { now: () => (callTime === undefined ? new Date() : new Date(callTime)) });
  store.forServing();
  port.postMessage({ ready: true, location: store.location } satisfies StoreThreadReady);
} catch (error) {
  port.postMessage({ ready: false, error: toCrossing(error) } satisfies StoreThreadReady);
  process.exit(0);
}
const runs: RunStore = store.runs();

/** Answers to calls that came as JSON (they go back as JSON), and the others. */
let jsonOutbox: StoreOutcome[] = [];
let outbox: StoreOutcome[] = [];
let sending: NodeJS.Immediate | undefined;
function answer(outcome: StoreOutcome, json: boolean): void {
  (json ? jsonOutbox : outbox).push(outcome);
  sending ??= setImmediate(sendAnswers);
}

function sendAnswers(): void {
  clearImmediate(sending);
  sending = undefined;
  if (jsonOutbox.length > 0) {
    const outcomes = jsonOutbox;
    jsonOutbox = [];
    let text: string | undefined;
    try {
      text = JSON.stringify(outcomes);
    } catch {
      // A value JSON cannot write (a bug in what a method returns): copied as objects instead.
      outbox.push(...outcomes);
    }
    if (text !== undefined) port.postMessage(text);
  }
  if (outbox.length === 0) return;
  const outcomes = outbox;
  outbox = [];
  port.postMessage(outcomes);
}

function run(call: StoreCall): Promise<unknown> {
  const target = (call.target === 'runs' ? runs : store) as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const method = target[call.method];
  if (typeof method !== 'function') return Promise.reject(new Error(`the store has no method ${call.method}`));
  callTime = call.at;
  try {
    return method.apply(target, call.args);
  } catch (error) {
    return Promise.reject(error);
  }
}

port.on('message', (message: StoreCall[] | string) => {
  if (message === 'close') {
    // The caller sends this once its calls are answered; close() still commits anything queued.
    const closed = (): void => {
      sendAnswers();
      port.postMessage('closed');
    };
    void store.close().then(closed, closed);
    return;
  }
  const json = typeof message === 'string';
  for (const call of itemsOf(message)) {
    run(call).then(
      (value) => answer({ id: call.id, value }, json),
      (error: unknown) => answer({ id: call.id, error: toCrossing(error) }, json),
    );
  }
});
