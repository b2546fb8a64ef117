import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startServeProcess } from './serve-process.js';

// kill -9 under load: 40 clients stream turns on the seed route and the OpenAI route (saved) until
// the server is killed without warning. Every user message the server acknowledged (its `start`
// event, or the first chunk of a saved completion) and every reply it finished is in the database.

const CLIENTS = 40;

/** Reads a response body, calling `onText` with everything received so far after each part. */
async function readAll(response: Response, onText: (text: string) => void): Promise<string> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    text += decoder.decode(part.value, { stream: true });
    onText(text);
  }
  return text;
}

interface Acknowledged {
  users: Set<string>;
  replies: Set<string>;
}

async function seedClient(url: string, n: number, ack: Acknowledged, running: () => boolean): Promise<void> {
  let sessionId: string | undefined;
  for (let turn = 0; running(); turn++) {
    const message = `client ${n} turn ${turn}: what would you change?`;
    try {
      const response = await fetch(`${url}/api/personas/cfo/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify(sessionId ? { message, sessionId } : { message }),
      });
      const text = await readAll(response, (sofar) => sofar.includes('event: start') && ack.users.add(message));
      const done = /event: done\ndata: (.*)\n/.exec(text);
      if (done) {
        const body = JSON.parse(done[1]!);
        ack.replies.add(body.response.content);
        sessionId ??= body.sessionId;
      }
    } catch {
      return; // the server is gone
    }
  }
}

async function openaiClient(url: string, n: number, ack: Acknowledged, running: () => boolean): Promise<void> {
  for (let turn = 0; running(); turn++) {
    const message = `openai client ${n} turn ${turn}: and your budget?`;
    try {
      const response = await fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-persona-save': 'true' },
        body: JSON.stringify({ model: 'cfo', stream: true, messages: [{ role: 'user', content: message }] }),
      });
      await readAll(response, (sofar) => sofar.includes('data: ') && ack.users.add(message));
    } catch {
      return;
    }
  }
}

// The history in process (the default below four cores) and in its thread (from four).
describe.each([
  ['in process', 'off'],
  ['in a thread', 'on'],
])('kill -9 under load, the history %s', (_where, storeThread) => {
  it('loses no acknowledged user message and no finished reply', async () => {
    const serve = await startServeProcess([], { limits: { maxTurns: 0 } }, { PERSONA_STORE_THREAD: storeThread });
    const ack: Acknowledged = { users: new Set(), replies: new Set() };
    let alive = true;
    const running = () => alive;
    const clients = Array.from({ length: CLIENTS }, (_, n) => (n % 4 === 0 ? openaiClient : seedClient)(serve.url, n, ack, running));
    // Killed in full flow: once the clients are past their first turns.
    const deadline = Date.now() + 15_000;
    while (ack.users.size < CLIENTS * 3 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    serve.child.kill('SIGKILL');
    alive = false;
    await Promise.all(clients);
    expect(ack.users.size).toBeGreaterThan(CLIENTS);

    const db = new Database(join(serve.home, 'persona.db'));
    try {
      const users = new Set(
        (db.prepare("SELECT content FROM messages WHERE role = 'user'").all() as Array<{ content: string }>).map((r) => r.content),
      );
      const replies = new Set(
        (db.prepare("SELECT content FROM messages WHERE role = 'persona' AND status = 'complete'").all() as Array<{ content: string }>).map(
          (r) => r.content,
        ),
      );
      expect([...ack.users].filter((m) => !users.has(m))).toEqual([]);
      expect([...ack.replies].filter((m) => !replies.has(m))).toEqual([]);
    } finally {
      db.close();
    }
  }, 40_000);
});
