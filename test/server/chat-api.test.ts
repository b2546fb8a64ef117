import { describe, expect, it } from 'vitest';
import { json, postJson, readSse, startTestServer, TOKEN_A, TOKEN_B } from './helpers.js';

describe('POST /api/personas/:personaId/chat', () => {
  it('starts a session, saves the user message before the reply, and returns both records', async () => {
    const t = await startTestServer();
    const response = await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'What do you think of our pricing?' });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.message).toMatchObject({ role: 'user', seq: 1, content: 'What do you think of our pricing?', sessionId: body.sessionId });
    expect(body.response).toMatchObject({ role: 'persona', seq: 2, status: 'complete', provider: 'offline', sessionId: body.sessionId });
    expect(body.response.content.length).toBeGreaterThan(0);
    const stored = await t.store.listMessages(body.sessionId);
    expect(stored.map((m) => [m.role, m.content])).toEqual([
      ['user', 'What do you think of our pricing?'],
      ['persona', body.response.content],
    ]);
    expect(await t.store.getSession(body.sessionId)).toMatchObject({ personaId: 'cfo', userId: 'local' });
  });

  it('continues the session named by sessionId', async () => {
    const t = await startTestServer();
    const first = await (await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Hello' })).json();
    const second = await (
      await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'And your budget?', sessionId: first.sessionId })
    ).json();
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.message.seq).toBe(3);
    expect(await t.store.listMessages(first.sessionId)).toHaveLength(4);
  });

  it('still checks a session it has been serving for turns: another user gets 404, a deleted session 404', async () => {
    const t = await startTestServer({ users: { alice: TOKEN_A, bob: TOKEN_B } });
    const chat = (body: object, token: string) => postJson(`${t.url}/api/personas/cfo/chat`, body, { authorization: `Bearer ${token}` });
    const { sessionId } = await (await chat({ message: 'Hello' }, TOKEN_A)).json();
    // Enough turns for the server to answer the session from memory.
    for (const message of ['And your budget?', 'Who decides?']) expect((await chat({ message, sessionId }, TOKEN_A)).status).toBe(200);
    expect((await chat({ message: 'Mine now', sessionId }, TOKEN_B)).status).toBe(404);
    expect(await t.store.listMessages(sessionId)).toHaveLength(6);
    // Deleted behind the server's back (another process, the same file).
    await t.store.deleteSession(sessionId);
    const gone = await chat({ message: 'Still there?', sessionId }, TOKEN_A);
    expect(gone.status).toBe(404);
    expect((await gone.json()).error).toContain(sessionId);
  });

  it('refuses to continue a session of another persona (409) and sends nothing', async () => {
    const t = await startTestServer();
    const first = await (await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Hello' })).json();
    const response = await postJson(`${t.url}/api/personas/icu-nurse/chat`, { message: 'Hi', sessionId: first.sessionId });
    expect(response.status).toBe(409);
    expect((await response.json()).error).toContain('cfo');
    expect(await t.store.listMessages(first.sessionId)).toHaveLength(2);
  });

  it('streams token deltas then a done event with the saved message, usage and cost', async () => {
    const t = await startTestServer();
    const response = await postJson(
      `${t.url}/api/personas/cfo/chat`,
      { message: 'Tell me about your week.' },
      { accept: 'text/event-stream' },
    );
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = await readSse(response);
    expect(events[0]!.event).toBe('start');
    const deltas = events.filter((e) => e.event === 'delta').map((e) => json(e).text as string);
    expect(deltas.length).toBeGreaterThan(1);
    // An event per word.
    expect(deltas).toEqual(deltas.join('').match(/\S+\s*/g));
    const done = events.at(-1)!;
    expect(done.event).toBe('done');
    const final = json(done);
    expect(final.response.content).toBe(deltas.join(''));
    expect(final.usage.outputTokens).toBeGreaterThan(0);
    expect(final.costUsd).toBe(0);
    expect((await t.store.listMessages(final.sessionId)).map((m) => m.content)).toEqual(['Tell me about your week.', deltas.join('')]);
  });

  it('answers 404 for an unknown persona, and for an id that is a path', async () => {
    const t = await startTestServer();
    for (const id of ['no-such-persona', '..%2F..%2Fpackage.json', 'CFO']) {
      const response = await postJson(`${t.url}/api/personas/${id}/chat`, { message: 'Hello' });
      expect(response.status).toBe(404);
      expect((await response.json()).error).toMatch(/not found/);
    }
    expect(await t.store.listSessions()).toHaveLength(0);
  });
});

describe('personas and sessions', () => {
  it('lists the shipped personas and shows one without its file path', async () => {
    const t = await startTestServer();
    const { personas } = await (await fetch(`${t.url}/api/personas`)).json();
    expect(personas.map((p: { id: string }) => p.id)).toContain('cfo');
    const cfo = await (await fetch(`${t.url}/api/personas/cfo`)).json();
    expect(cfo).toMatchObject({ id: 'cfo', name: 'Diane Kowalczyk', persona: { id: 'cfo', name: 'Diane Kowalczyk' } });
    expect(JSON.stringify(cfo)).not.toContain(t.home);
    expect(JSON.stringify(cfo)).not.toContain('.json');
  });

  it('lists sessions (filtered by persona) and returns one with its messages', async () => {
    const t = await startTestServer();
    const cfo = await (await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Hello Diane' })).json();
    await postJson(`${t.url}/api/personas/icu-nurse/chat`, { message: 'Hello nurse' });
    const all = await (await fetch(`${t.url}/api/sessions`)).json();
    expect(all.sessions).toHaveLength(2);
    const onlyCfo = await (await fetch(`${t.url}/api/sessions?personaId=cfo`)).json();
    expect(onlyCfo.sessions.map((s: { id: string }) => s.id)).toEqual([cfo.sessionId]);
    const one = await (await fetch(`${t.url}/api/sessions/${cfo.sessionId}`)).json();
    expect(one.session).toMatchObject({ id: cfo.sessionId, personaId: 'cfo', messageCount: 2 });
    expect(one.messages.map((m: { role: string }) => m.role)).toEqual(['user', 'persona']);
  });

  it('exports a session in every format with the matching content type', async () => {
    const t = await startTestServer();
    const { sessionId } = await (await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Hello export' })).json();
    const expected = { md: 'text/markdown', json: 'application/json', html: 'text/html', txt: 'text/plain' };
    for (const [format, type] of Object.entries(expected)) {
      const response = await fetch(`${t.url}/api/sessions/${sessionId}/export?format=${format}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain(type);
      expect(await response.text()).toContain('Hello export');
    }
    const html = await fetch(`${t.url}/api/sessions/${sessionId}/export?format=html`);
    expect(html.headers.get('content-security-policy')).toContain("default-src 'none'");
    const bad = await fetch(`${t.url}/api/sessions/${sessionId}/export?format=pdf`);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain('md, json, html, txt');
  });

  it('answers 404 for a session that does not exist', async () => {
    const t = await startTestServer();
    expect((await fetch(`${t.url}/api/sessions/01m0000000nosuchid`)).status).toBe(404);
    expect((await fetch(`${t.url}/api/sessions/01m0000000nosuchid/export`)).status).toBe(404);
  });
});
