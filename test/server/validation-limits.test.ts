import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { postJson, startTestServer, upstreamConfig } from './helpers.js';

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

function rawRequest(url: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(bytes));
    let reply = '';
    socket.setEncoding('utf8').on('data', (d: string) => (reply += d));
    socket.on('close', () => resolve(reply));
    socket.on('error', reject);
  });
}

describe('input validation', () => {
  it('answers 400 with a message naming the problem', async () => {
    const t = await startTestServer();
    const chat = `${t.url}/api/personas/cfo/chat`;
    const cases: Array<[unknown, RegExp]> = [
      [{}, /message/],
      [{ message: '   ' }, /message is empty/],
      [{ message: 42 }, /message/],
      [{ message: 'hi', sessionId: '' }, /sessionId/],
      [[1, 2], /expected object/],
    ];
    for (const [body, pattern] of cases) {
      const response = await postJson(chat, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json()).error).toMatch(pattern);
    }
    const broken = await fetch(chat, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"message": "unterminated',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).error).toBe('request body is not valid JSON');
    const form = await fetch(chat, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"message":"hi"}' });
    expect(form.status).toBe(415);
    expect(await t.store.listSessions()).toHaveLength(0);
  });

  it('refuses a body over the size limit with 413, declared or streamed', async () => {
    const t = await startTestServer({ maxBodyBytes: 1000 });
    const big = JSON.stringify({ message: 'x'.repeat(5000) });
    const declared = await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'x'.repeat(5000) });
    expect(declared.status).toBe(413);
    const chunked = await fetch(`${t.url}/api/personas/cfo/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start: (c) => {
          c.enqueue(new TextEncoder().encode(big));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect((await chunked.json()).error).toMatch(/larger than 1000 bytes/);
  });

  it('answers unknown routes 404 and wrong methods 405, in the OpenAI shape under /v1', async () => {
    const t = await startTestServer();
    expect((await fetch(`${t.url}/api/nothing`)).status).toBe(404);
    const wrongMethod = await fetch(`${t.url}/api/personas`, { method: 'POST' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('GET');
    const v1 = await fetch(`${t.url}/v1/chat/completions`);
    expect(v1.status).toBe(405);
    expect((await v1.json()).error).toMatchObject({ type: 'invalid_request_error', message: expect.stringContaining('POST') });
  });

  it('survives malformed HTTP and keeps serving', async () => {
    const t = await startTestServer();
    const reply = await rawRequest(t.url, 'GARBAGE \x00\x01 nonsense\r\n\r\n');
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
    const badEncoding = await fetch(`${t.url}/api/personas/%E0%A4%A`);
    expect(badEncoding.status).toBe(404);
    expect((await fetch(`${t.url}/api/personas`)).status).toBe(200);
  });
});

describe('per-user rate limit', () => {
  it('answers 429 with Retry-After once a user has used the minute, saving nothing', async () => {
    const t = await startTestServer({ messagesPerMinute: 2, ...upstreamConfig(wire.url) });
    for (let i = 0; i < 2; i++) expect((await postJson(`${t.url}/api/personas/cfo/chat`, { message: `hi ${i}` })).status).toBe(200);
    const limited = await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'one too many' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ limit: 'rate', error: expect.stringContaining('2 chat requests a minute') });
    const v1 = await postJson(`${t.url}/v1/chat/completions`, { model: 'cfo', messages: [{ role: 'user', content: 'hi' }] });
    expect(v1.status).toBe(429);
    expect((await v1.json()).error.type).toBe('rate_limit_error');
    const contents: string[] = [];
    for (const s of await t.store.listSessions()) contents.push(...(await t.store.listMessages(s.id)).map((m) => m.content));
    expect(contents).not.toContain('one too many');
    expect((await fetch(`${t.url}/api/sessions`)).status).toBe(200);
  });

  it('counts each user separately', async () => {
    const t = await startTestServer({
      messagesPerMinute: 1,
      users: { alice: 'alice-token-0123456789', bob: 'bob-token-0123456789xx' },
      ...upstreamConfig(wire.url),
    });
    const send = (token: string) => postJson(`${t.url}/api/personas/cfo/chat`, { message: 'hi' }, { authorization: `Bearer ${token}` });
    expect((await send('alice-token-0123456789')).status).toBe(200);
    expect((await send('alice-token-0123456789')).status).toBe(429);
    expect((await send('bob-token-0123456789xx')).status).toBe(200);
  });

  it('never limits the offline engine, as in the CLI', async () => {
    const t = await startTestServer({ messagesPerMinute: 1 });
    for (let i = 0; i < 4; i++) expect((await postJson(`${t.url}/api/personas/cfo/chat`, { message: `hi ${i}` })).status).toBe(200);
    for (let i = 0; i < 3; i++) {
      const v1 = await postJson(`${t.url}/v1/chat/completions`, { model: 'cfo', messages: [{ role: 'user', content: `hi ${i}` }] });
      expect(v1.status).toBe(200);
    }
  });
});
