import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { startTestServer, upstreamConfig } from './helpers.js';

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

// The chat over a WebSocket (/chat) with a real WebSocket client: send_message in, `message`
// events out with the SSE route's payloads; the same auth and ownership rules as HTTP.

interface Frame {
  type: string;
  event: string;
  requestId: unknown;
  // Parsed JSON read field by field, as the SSE tests read theirs.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: Record<string, any>;
  taken?: boolean;
}

function open(
  url: string,
  options: WebSocket.ClientOptions & { protocols?: string[] } = {},
  path = '/chat',
): Promise<{ ws: WebSocket; frames: Frame[]; next: (event: string) => Promise<Frame> }> {
  const { protocols = [], ...rest } = options;
  const ws = new WebSocket(url.replace(/^http/, 'ws') + path, protocols, rest);
  const frames: Frame[] = [];
  const waiters: Array<{ event: string; resolve: (f: Frame) => void }> = [];
  ws.on('message', (raw) => {
    const frame = JSON.parse(String(raw)) as Frame;
    frames.push(frame);
    const i = waiters.findIndex((w) => w.event === frame.event);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(frame);
  });
  const next = (event: string) =>
    new Promise<Frame>((resolve) => {
      const seen = frames.find((f) => f.event === event && !f.taken);
      if (seen) {
        seen.taken = true;
        return resolve(seen);
      }
      waiters.push({
        event,
        resolve: (f) => {
          f.taken = true;
          resolve(f);
        },
      });
    });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, frames, next }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`status ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const send = (ws: WebSocket, body: Record<string, unknown>) => ws.send(JSON.stringify({ type: 'send_message', ...body }));

describe('WebSocket chat', () => {
  it('streams a turn as message events, saves it, and continues the same session', async () => {
    const t = await startTestServer();
    const { ws, frames, next } = await open(t.url);
    expect((await next('ready')).data).toEqual({ sessionId: null });
    send(ws, { personaId: 'cfo', message: 'What keeps you up at night?', requestId: 'r1' });
    const start = await next('start');
    const done = await next('done');
    expect(start).toMatchObject({
      type: 'message',
      requestId: 'r1',
      data: { message: { role: 'user', content: 'What keeps you up at night?' } },
    });
    const words = frames.filter((f) => f.event === 'delta').map((f) => f.data.text as string);
    expect(words.join('')).toBe(done.data.response.content);
    // A message per word, as over SSE.
    expect(words).toEqual((done.data.response.content as string).match(/\S+\s*/g));
    expect(done.data.finishReason).toBe('stop');
    const sessionId = start.data.sessionId;

    // The next message, with no sessionId, continues the socket's session.
    send(ws, { message: 'And in the morning?', requestId: 'r2' });
    const second = await next('done');
    expect(second.data.sessionId).toBe(sessionId);
    expect((await t.store.listMessages(sessionId)).map((m) => m.role)).toEqual(['user', 'persona', 'user', 'persona']);

    send(ws, { personaId: 'cfo', message: '', requestId: 'bad' });
    expect((await next('error')).data).toMatchObject({ status: 400, error: expect.stringContaining('message') });
    ws.close();
  });

  it('applies the same auth and ownership as HTTP', async () => {
    const t = await startTestServer({ users: { alice: 'alice-token-0123456789', bob: 'bob-token-0123456789xx' } });
    await expect(open(t.url)).rejects.toThrow('status 401');
    const alice = await open(t.url, { headers: { authorization: 'Bearer alice-token-0123456789' } });
    send(alice.ws, { personaId: 'cfo', message: 'Alice here' });
    const sessionId = (await alice.next('done')).data.sessionId;
    alice.ws.close();
    // Bob can neither bind to Alice's session nor send into it.
    await expect(
      open(t.url, { headers: { authorization: 'Bearer bob-token-0123456789xx' } }, `/chat?sessionId=${sessionId}`),
    ).rejects.toThrow('status 404');
    const bob = await open(t.url, { protocols: ['persona.bearer.bob-token-0123456789xx'] });
    send(bob.ws, { personaId: 'cfo', sessionId, message: 'Bob sneaking in' });
    expect((await bob.next('error')).data).toMatchObject({ status: 404 });
    bob.ws.close();
    expect((await t.store.listMessages(sessionId)).map((m) => m.content)).not.toContain('Bob sneaking in');
  });

  it('refuses a forged Host and a web page from an origin not allowed', async () => {
    const t = await startTestServer({ corsOrigins: ['http://localhost:5173'] });
    await expect(open(t.url, { headers: { host: 'attacker.example' } })).rejects.toThrow('status 403');
    await expect(open(t.url, { origin: 'https://evil.example' })).rejects.toThrow('status 403');
    const page = await open(t.url, { origin: 'http://localhost:5173' });
    page.ws.close();
  });

  it('a socket closed mid-reply saves the reply as interrupted', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue({ text: 'one two three four five six seven eight nine ten', chunkDelayMs: 200 });
    const { ws, next } = await open(t.url);
    send(ws, { personaId: 'cfo', message: 'Tell me everything about your job.' });
    const start = await next('start');
    await next('delta');
    ws.terminate();
    const sessionId = start.data.sessionId;
    await expect
      .poll(async () => (await t.store.listMessages(sessionId)).map((m) => m.status), { timeout: 5000 })
      .toEqual(['complete', 'interrupted']);
  });

  it('terminates a peer that stops answering pings and keeps one that answers', async () => {
    const t = await startTestServer({ webSocketPingMs: 100 });
    // A closed laptop: the socket stays open at the TCP level but nothing answers any more.
    const dead = await open(t.url, { autoPong: false });
    const live = await open(t.url);
    let pings = 0;
    live.ws.on('ping', () => pings++);
    const closed = await new Promise<number>((resolve) => dead.ws.once('close', (code) => resolve(code)));
    // Terminated (no closing handshake), not closed politely: the server gave up on it.
    expect(closed).toBe(1006);
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
    expect(pings).toBeGreaterThanOrEqual(3);
    send(live.ws, { personaId: 'cfo', message: 'Still there?' });
    expect((await live.next('done')).data.response.status).toBe('complete');
    live.ws.close();
  });

  it('a peer that goes silent mid-reply has its turn saved as interrupted', async () => {
    const t = await startTestServer({ ...upstreamConfig(wire.url), webSocketPingMs: 150 });
    wire.enqueue({ text: 'one two three four five six seven eight nine ten', chunkDelayMs: 200 });
    const { ws, next } = await open(t.url, { autoPong: false });
    send(ws, { personaId: 'cfo', message: 'Tell me everything about your job.' });
    const start = await next('start');
    const closed = await new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    expect(closed).toBe(1006);
    await expect
      .poll(async () => (await t.store.listMessages(start.data.sessionId)).map((m) => m.status), { timeout: 5000 })
      .toEqual(['complete', 'interrupted']);
  });
});
