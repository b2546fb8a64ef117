import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { StoreError } from '../../src/core/errors.js';
import { storeThreadWanted } from '../../src/store/open-history-store.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { ThreadedStore } from '../../src/store/thread/threaded-store.js';
import { startSession, userMessage } from './behaviour/fixtures.js';
import { tempDir } from './helpers/fixtures.js';

// What only the threaded store has (threaded-store.ts): a thread that starts, dies and closes.
// The behaviour every store shows is threaded-behaviour.test.ts.

const threadFile = fileURLToPath(new URL('../../dist/store-thread.cjs', import.meta.url));
const opened: ThreadedStore[] = [];
afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

async function threaded(file = join(tempDir(), 'persona.db')): Promise<ThreadedStore> {
  const store = await ThreadedStore.open(threadFile, file);
  opened.push(store);
  return store;
}

function workerOf(store: ThreadedStore): Worker {
  return (store as unknown as { worker: Worker }).worker;
}

describe('the store in a thread', () => {
  it('fails to open a file that is no database with the error opening it in process gives', async () => {
    const file = join(tempDir(), 'persona.db');
    writeFileSync(file, 'these are not the bytes of a SQLite database, but there are enough of them '.repeat(20));
    let inProcess: unknown;
    try {
      openStore(file).closeNow();
    } catch (error) {
      inProcess = error;
    }
    expect(inProcess).toBeInstanceOf(StoreError);
    const failure = await ThreadedStore.open(threadFile, file).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).message).toBe((inProcess as StoreError).message);
    expect((failure as StoreError).hint).toBe((inProcess as StoreError).hint);
  });

  it('fails the calls a dying thread had not answered, and answers the next from a new one', async () => {
    const store = await threaded();
    const session = await startSession(store);
    const saved = await store.appendMessage(userMessage(session.id, 'before the thread died'));
    const dying = workerOf(store);
    const unanswered = store.listMessages(session.id);
    void dying.terminate();
    await expect(unanswered).rejects.toThrow(StoreError);
    await expect(unanswered).rejects.toThrow(/thread stopped.*may not have been saved/);
    expect(workerOf(store)).not.toBe(dying);
    // A new thread, on the same file: what was committed is there, and writes go on.
    await store.appendMessage(userMessage(session.id, 'after'));
    expect((await store.listMessages(session.id)).map((m) => [m.id === saved.id, m.content])).toEqual([
      [true, 'before the thread died'],
      [false, 'after'],
    ]);
    expect(workerOf(store)).not.toBe(dying);
  });

  it('gives a call not yet sent to a thread that died to the next thread: run once, not failed', async () => {
    const store = await threaded();
    const session = await startSession(store);
    const dying = workerOf(store);
    // Asked in this turn of the event loop (sent at its end); the thread is reported dead before that.
    const asked = store.appendMessage(userMessage(session.id, 'asked as the thread died'));
    dying.emit('exit', 1);
    expect((await asked).seq).toBe(1);
    expect((await store.listMessages(session.id)).map((m) => m.content)).toEqual(['asked as the thread died']);
    expect(workerOf(store)).not.toBe(dying);
  });

  it('closes only after the calls made before close() are saved, and refuses calls after it', async () => {
    const file = join(tempDir(), 'persona.db');
    const store = await ThreadedStore.open(threadFile, file);
    const session = await startSession(store);
    const writes = Array.from({ length: 30 }, (_, i) => store.appendMessage(userMessage(session.id, `message ${i + 1}`)));
    await store.close();
    expect((await Promise.all(writes)).map((m) => m.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    await expect(store.getSession(session.id)).rejects.toThrow(StoreError);
    const reopened = openStore(file);
    try {
      expect((await reopened.listMessages(session.id)).map((m) => m.content).at(-1)).toBe('message 30');
    } finally {
      reopened.closeNow();
    }
  });

  it('fails a call whose arguments cannot be copied to the thread, and only that call', async () => {
    const store = await threaded();
    const session = await startSession(store);
    // listSessions crosses as objects (postMessage copies them): a function cannot cross.
    const bad = store.listSessions({ personaId: (() => 'cfo') as unknown as string });
    const good = store.appendMessage(userMessage(session.id, 'sent in the same turn'));
    await expect(bad).rejects.toThrow(/store\.listSessions: .*could not be cloned/);
    expect((await good).content).toBe('sent in the same turn');
  });

  it('does not keep the process alive for a call that failed before it was posted', async () => {
    const store = await threaded();
    // Whether the thread keeps the process alive is the last of ref() and unref() it was given.
    const worker = workerOf(store);
    const said: string[] = [];
    for (const method of ['ref', 'unref'] as const) {
      const original = worker[method].bind(worker);
      worker[method] = () => {
        said.push(method);
        original();
      };
    }
    await expect(store.listSessions({ personaId: (() => 'cfo') as unknown as string })).rejects.toThrow(/could not be cloned/);
    expect(said.at(-1) ?? 'unref').toBe('unref');
    // A call that is posted refs it while it waits, and unrefs it once answered.
    await store.listSessions({});
    expect(said.slice(-2)).toEqual(['ref', 'unref']);
  });

  it('saves what crosses as JSON as the store in process does, in the order it was asked', async () => {
    const file = join(tempDir(), 'persona.db');
    const store = await threaded(file);
    const session = await startSession(store);
    // An event's data is saved as JSON in process too: a function in it is left out there as here.
    const data = { kept: 'yes', callback: () => 1, nested: { n: 2, gone: undefined } };
    const cyclic: Record<string, unknown> = { kind: 'cycle' };
    cyclic.self = cyclic;
    // Calls of one turn, some as JSON and some as objects, interleaved: each sees the ones before it.
    const calls = [
      store.appendMessage(userMessage(session.id, 'first')),
      store.listSessions({ limit: 5 }),
      store.appendMessage(userMessage(session.id, 'second')),
      store.recordEvent({ kind: 'limit_reached', sessionId: session.id, data }),
    ] as const;
    const [first, listed, second] = await Promise.all(calls);
    const recent = await store.recentMessages(session.id, 10);
    expect([first.seq, second.seq]).toEqual([1, 2]);
    expect(listed.map((s) => s.id)).toEqual([session.id]);
    expect(recent.messages.map((m) => m.content)).toEqual(['first', 'second']);
    // A cycle cannot be JSON: it goes as objects, and the store says what it says in process.
    await expect(store.recordEvent({ kind: 'limit_reached', sessionId: session.id, data: cyclic })).rejects.toThrow(/circular/i);
    await store.close();
    const direct = new Database(file, { readonly: true });
    try {
      const events = direct.prepare('SELECT data_json FROM events WHERE session_id = ?').all(session.id) as Array<{ data_json: string }>;
      expect(events.map((e) => JSON.parse(e.data_json))).toEqual([{ kept: 'yes', nested: { n: 2 } }]);
    } finally {
      direct.close();
    }
  });
});

describe('storeThreadWanted', () => {
  it('keeps the store in process on fewer than four cores, in a thread from four, unless PERSONA_STORE_THREAD says', () => {
    expect(storeThreadWanted(2, undefined)).toBe(false);
    expect(storeThreadWanted(4, undefined)).toBe(true);
    expect(storeThreadWanted(2, 'on')).toBe(true);
    expect(storeThreadWanted(16, 'off')).toBe(false);
    expect(storeThreadWanted(16, ' 0 ')).toBe(false);
    expect(storeThreadWanted(2, 'maybe')).toBe(false);
  });
});
