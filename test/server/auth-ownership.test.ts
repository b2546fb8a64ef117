import { AuthenticationError } from 'openai';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/sqlite-store.js';
import { startServer } from '../../src/server/server.js';
import { tempDir } from '../support/temp.js';
import { openaiClient, postJson, startTestServer, TOKEN_A, TOKEN_B } from './helpers.js';

const USERS = { alice: TOKEN_A, bob: TOKEN_B };
const as = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authentication', () => {
  it('answers 401 {error:"Unauthorized"} to a missing or wrong token on every route', async () => {
    const t = await startTestServer({ users: USERS });
    const attempts: Array<[string, RequestInit]> = [
      ['/api/personas', {}],
      ['/api/sessions', { headers: { authorization: 'Bearer wrong-token-0000000000000' } }],
      [
        '/api/personas/cfo/chat',
        { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Basic ${TOKEN_A}` }, body: '{"message":"hi"}' },
      ],
      ['/v1/models', { headers: { authorization: `Bearer ${TOKEN_A}x` } }],
      ['/no/such/route', {}],
    ];
    for (const [path, init] of attempts) {
      const response = await fetch(`${t.url}${path}`, init);
      expect(response.status, path).toBe(401);
      expect(await response.json()).toEqual({ error: 'Unauthorized' });
    }
    expect(await t.store.listSessions()).toHaveLength(0);
    await expect(openaiClient(t.url, 'not-the-token').models.list()).rejects.toBeInstanceOf(AuthenticationError);
  });

  it('accepts each configured token, and the openai SDK with it as its API key', async () => {
    const t = await startTestServer({ users: USERS });
    expect((await fetch(`${t.url}/api/personas`, { headers: as(TOKEN_A) })).status).toBe(200);
    expect((await fetch(`${t.url}/api/personas`, { headers: as(TOKEN_B) })).status).toBe(200);
    const completion = await openaiClient(t.url, TOKEN_B).chat.completions.create({
      model: 'cfo',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(0);
  });

  it('refuses to bind beyond loopback without a token', async () => {
    const store = openStore(`${tempDir()}/persona.db`);
    try {
      const start = startServer({
        store,
        personas: { list: () => [], find: () => undefined },
        createEngine: () => Promise.reject(new Error('unused')),
        host: '0.0.0.0',
        port: 0,
      });
      await expect(start).rejects.toThrow(/needs a token/);
    } finally {
      await store.close();
    }
  });
});

describe('users are separated', () => {
  it("gives each user their own sessions; another user's session id is 404 everywhere", async () => {
    const t = await startTestServer({ users: USERS });
    const alice = await (await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Alice here' }, as(TOKEN_A))).json();
    const bob = await (await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Bob here' }, as(TOKEN_B))).json();
    expect((await t.store.getSession(alice.sessionId))!.userId).toBe('alice');
    expect((await t.store.getSession(bob.sessionId))!.userId).toBe('bob');

    const bobsList = await (await fetch(`${t.url}/api/sessions`, { headers: as(TOKEN_B) })).json();
    expect(bobsList.sessions.map((s: { id: string }) => s.id)).toEqual([bob.sessionId]);

    expect((await fetch(`${t.url}/api/sessions/${alice.sessionId}`, { headers: as(TOKEN_B) })).status).toBe(404);
    expect((await fetch(`${t.url}/api/sessions/${alice.sessionId}/export?format=json`, { headers: as(TOKEN_B) })).status).toBe(404);
    const hijack = await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Sneaking in', sessionId: alice.sessionId }, as(TOKEN_B));
    expect(hijack.status).toBe(404);
    expect((await t.store.listMessages(alice.sessionId)).map((m) => m.content)).not.toContain('Sneaking in');
    expect((await fetch(`${t.url}/api/sessions/${alice.sessionId}`, { headers: as(TOKEN_A) })).status).toBe(200);
  });
});
