import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { postJson, startTestServer, upstreamConfig } from './helpers.js';

// Several servers behind a load balancer on one database: the per-user limit is counted in the
// database (HistoryStore.admitRequest), so it holds across them, whichever server a request reaches.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

const ALICE = 'alice-token-0123456789';
const BOB = 'bob-token-0123456789xx';

describe('the per-user rate limit across two servers on one database', () => {
  it('refuses the 11th chat request in a minute whichever server gets it, and keeps users apart', async () => {
    const users = { alice: ALICE, bob: BOB };
    const one = await startTestServer({ messagesPerMinute: 10, users, ...upstreamConfig(wire.url) });
    const two = await startTestServer({ messagesPerMinute: 10, users, home: one.home, ...upstreamConfig(wire.url) });
    expect(two.store.location).toEqual(one.store.location);
    const chat = (url: string, token: string, message: string) =>
      postJson(`${url}/api/personas/cfo/chat`, { message }, { authorization: `Bearer ${token}` });

    // Ten requests, alternating between the servers, through the seed route and the OpenAI route.
    for (let i = 0; i < 10; i++) {
      const url = i % 2 === 0 ? one.url : two.url;
      const response =
        i % 3 === 0
          ? await postJson(
              `${url}/v1/chat/completions`,
              { model: 'cfo', messages: [{ role: 'user', content: `hi ${i}` }] },
              { authorization: `Bearer ${ALICE}` },
            )
          : await chat(url, ALICE, `hi ${i}`);
      expect(response.status, `request ${i + 1}`).toBe(200);
    }
    for (const t of [one, two]) {
      const refused = await chat(t.url, ALICE, 'one too many');
      expect(refused.status).toBe(429);
      const wait = Number(refused.headers.get('retry-after'));
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(60);
      expect(await refused.json()).toMatchObject({ limit: 'rate', error: expect.stringContaining('10 chat requests a minute') });
    }
    // Nothing of a refused request is saved, on either server.
    const saved: string[] = [];
    for (const s of await one.store.listSessions()) saved.push(...(await one.store.listMessages(s.id)).map((m) => m.content));
    expect(saved).not.toContain('one too many');
    // Another user has an allowance of their own.
    expect((await chat(two.url, BOB, 'hello')).status).toBe(200);
  });
});
