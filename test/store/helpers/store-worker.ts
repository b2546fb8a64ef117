// Entry for a separate Node process in the store tests (bundled with esbuild, since plain node
// cannot import TypeScript). Prints one JSON line describing the outcome.
//   append <file> <count> [sessionId]  appends <count> messages (to a new session if none given)
//   open <file> [readonly]             opens the database and closes it again
//   hold <file> <ms>                   holds a write lock (rollback journal) for <ms>, then releases it
import BetterSqlite3 from 'better-sqlite3';
import { openDatabase } from '../../../src/store/database.js';
import { openStore } from '../../../src/store/sqlite-store.js';
import { isUserError } from '../../../src/core/errors.js';

async function append(file: string, count: number, sessionId: string | undefined): Promise<unknown> {
  const store = openStore(file);
  try {
    let id = sessionId;
    if (id === undefined) {
      const snapshot = await store.saveSnapshot({
        personaId: 'shared',
        name: 'Shared',
        contentHash: 'shared-hash',
        persona: {},
        chatProfile: {},
        systemPrompt: 'You are Shared.',
      });
      id = (
        await store.createSession({
          personaId: 'shared',
          snapshotId: snapshot.id,
          userId: `pid-${process.pid}`,
          provider: 'offline',
          model: 'offline',
          title: null,
        })
      ).id;
    }
    for (let i = 0; i < count; i++) {
      await store.appendMessage({
        sessionId: id,
        role: i % 2 === 0 ? 'user' : 'persona',
        content: `message ${i} from ${process.pid}`,
        provider: null,
        model: null,
        inputTokens: null,
        outputTokens: null,
        cacheReadTokens: null,
        cacheWriteTokens: null,
        costUsd: null,
        latencyFirstTokenMs: null,
        latencyTotalMs: null,
        status: 'complete',
        finishReason: null,
        inputMode: 'script',
        error: null,
        fallback: false,
      });
      if (i % 50 === 0) await store.recordEvent({ kind: 'worker.progress', sessionId: id, data: { i } });
    }
    return { ok: true, sessionId: id };
  } finally {
    await store.close();
  }
}

function open(file: string, readonly: boolean): unknown {
  openDatabase(file, { readonly }).close();
  return { ok: true };
}

/** Like a second persona process caught half-way through creating the same fresh file. */
function hold(file: string, ms: number): unknown {
  const db = new BetterSqlite3(file);
  db.exec('BEGIN IMMEDIATE');
  process.stdout.write('locked\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
  db.exec('COMMIT');
  db.close();
  return { ok: true };
}

const [command, file = '', ...rest] = process.argv.slice(2);
try {
  const result =
    command === 'append'
      ? await append(file, Number(rest[0]), rest[1])
      : command === 'hold'
        ? hold(file, Number(rest[0]))
        : open(file, rest[0] === 'readonly');
  process.stdout.write(`${JSON.stringify(result)}\n`);
} catch (error) {
  if (!isUserError(error)) throw error;
  process.stdout.write(`${JSON.stringify({ ok: false, error: error.name, message: error.message, hint: error.hint })}\n`);
}
