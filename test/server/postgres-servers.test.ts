import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresDatabase, describePostgres } from '../support/postgres.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { postJson, startTestServer, upstreamConfig, type TestServer } from './helpers.js';

// Several `persona serve` processes behind a load balancer on one PostgreSQL database: one
// history, one rate limit. Each server here has its own store and connection pool, as a process
// of its own would; nothing is shared between them but the database.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

const TOKEN = 'alice-token-0123456789';
const BOB = 'bob-token-0123456789xx';

async function twoServers(messagesPerMinute = 0): Promise<[TestServer, TestServer]> {
  const databaseUrl = await createPostgresDatabase();
  const users = { alice: TOKEN, bob: BOB };
  const upstream = upstreamConfig(wire.url);
  // The engine's own per-session pace (10 a minute by default) is off: the load test sends 21 turns a session.
  const config = { ...upstream.config, limits: { messagesPerMinute: 0 } };
  const one = await startTestServer({ databaseUrl, users, messagesPerMinute, ...upstream, config });
  const two = await startTestServer({ databaseUrl, users, messagesPerMinute, ...upstream, config });
  return [one, two];
}

function chat(server: TestServer, message: string, sessionId?: string, token = TOKEN) {
  return postJson(
    `${server.url}/api/personas/cfo/chat`,
    { message, ...(sessionId ? { sessionId } : {}) },
    { authorization: `Bearer ${token}` },
  );
}

describePostgres('two servers on one PostgreSQL database', () => {
  it('continues on one server a session started on the other', async () => {
    const [one, two] = await twoServers();
    const first = await chat(one, 'Hello from the first server');
    expect(first.status).toBe(200);
    const { sessionId } = (await first.json()) as { sessionId: string };
    const second = await chat(two, 'And now the second one', sessionId);
    expect(second.status).toBe(200);
    expect(((await second.json()) as { sessionId: string }).sessionId).toBe(sessionId);
    const messages = await one.store.listMessages(sessionId);
    expect(messages.map((m) => [m.seq, m.role])).toEqual([
      [1, 'user'],
      [2, 'persona'],
      [3, 'user'],
      [4, 'persona'],
    ]);
    expect(messages[2]?.content).toBe('And now the second one');
  });

  it('loses nothing of 200 concurrent chat turns split between them', { timeout: 120_000 }, async () => {
    const [one, two] = await twoServers();
    const servers = [one, two];
    const sessions: string[] = [];
    for (let i = 0; i < 10; i++) {
      const response = await chat(servers[i % 2]!, `opening ${i}`);
      expect(response.status).toBe(200);
      sessions.push(((await response.json()) as { sessionId: string }).sessionId);
    }
    // 200 turns at once: 20 on each session, alternating servers.
    const turns = Array.from({ length: 200 }, (_, i) => chat(servers[i % 2]!, `turn ${i}`, sessions[i % sessions.length]));
    const statuses = await Promise.all(turns.map(async (t) => (await t).status));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);

    const sent = new Set(Array.from({ length: 200 }, (_, i) => `turn ${i}`));
    let total = 0;
    for (const id of sessions) {
      const messages = await two.store.listMessages(id);
      total += messages.length;
      expect(messages.map((m) => m.seq)).toEqual(messages.map((_, i) => i + 1));
      for (const m of messages) if (m.role === 'user') sent.delete(m.content);
      expect(messages.filter((m) => m.role === 'persona' && m.status === 'complete')).toHaveLength(21);
    }
    expect(sent.size).toBe(0);
    expect(total).toBe(2 * (10 + 200));
  });

  it('refuses the 11th chat request in a minute whichever server gets it, and keeps users apart', async () => {
    const [one, two] = await twoServers(10);
    for (let i = 0; i < 10; i++) expect((await chat(i % 2 === 0 ? one : two, `hi ${i}`)).status, `request ${i + 1}`).toBe(200);
    for (const server of [one, two]) {
      const refused = await chat(server, 'one too many');
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect((await chat(two, 'hello', undefined, BOB)).status).toBe(200);
  });
});
