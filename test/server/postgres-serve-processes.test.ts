import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { createPostgresDatabase, describePostgres } from '../support/postgres.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { postJson } from './helpers.js';
import { startServeProcess } from './serve-process.js';

// Two real `persona serve` processes with DATABASE_URL on one PostgreSQL database: a session goes
// on from one to the other, and kill -9 of one in the middle of a streamed reply leaves the user's
// message stored and the history consistent.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

const SLOW_REPLY = { text: Array.from({ length: 300 }, (_, i) => `word${i}`).join(' '), chunkDelayMs: 20 };

describePostgres('persona serve processes on one PostgreSQL database', () => {
  it('continues a session on the other server after kill -9 of the first mid-stream', { timeout: 60_000 }, async () => {
    const databaseUrl = await createPostgresDatabase();
    const config = { provider: 'openai', openai: { apiKey: 'sk-test-serve', baseUrl: `${wire.url}/v1` } };
    const [one, two] = await Promise.all([
      startServeProcess([], config, { DATABASE_URL: databaseUrl }),
      startServeProcess([], config, { DATABASE_URL: databaseUrl }),
    ]);

    wire.enqueue(SLOW_REPLY);
    const question = 'Tell me everything about your budget process';
    const response = await fetch(`${one.url}/api/personas/cfo/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ message: question }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    while (!/word10\b/.test(text)) {
      const part = await reader.read();
      if (part.done) throw new Error(`the stream ended early: ${text}`);
      text += decoder.decode(part.value, { stream: true });
    }
    const sessionId = (JSON.parse(/event: start\ndata: (.*)\n/.exec(text)![1]!) as { sessionId: string }).sessionId;
    const killed = new Promise((resolve) => one.child.on('exit', (_code, signal) => resolve(signal)));
    one.child.kill('SIGKILL');
    expect(await killed).toBe('SIGKILL');
    await reader.cancel().catch(() => undefined);

    const store = await openPostgresStore(databaseUrl);
    try {
      // The question was committed before the provider was called; no half reply was written.
      const afterCrash = await store.listMessages(sessionId);
      expect(afterCrash.map((m) => [m.seq, m.role, m.content, m.status])).toEqual([[1, 'user', question, 'complete']]);

      const next = await postJson(`${two.url}/api/personas/cfo/chat`, { message: 'Shall we go on?', sessionId });
      expect(next.status).toBe(200);
      const after = await store.listMessages(sessionId);
      expect(after.map((m) => [m.seq, m.role])).toEqual([
        [1, 'user'],
        [2, 'user'],
        [3, 'persona'],
      ]);
      expect(after[2]?.status).toBe('complete');
    } finally {
      await store.close();
    }
  });
});
