import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { json, postJson, readSse, startTestServer, upstreamConfig } from './helpers.js';

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

const SLOW_REPLY = { text: 'one two three four five six seven eight', chunkDelayMs: 60 };

/** Starts a streaming chat and resolves once its first delta has arrived. */
async function streamingChat(url: string) {
  const response = await postJson(`${url}/api/personas/cfo/chat`, { message: 'Take your time' }, { accept: 'text/event-stream' });
  return { events: readSse(response) };
}

describe('graceful shutdown', () => {
  it('lets a reply in progress finish within the grace period, then stops accepting', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue(SLOW_REPLY);
    const chat = await streamingChat(t.url);
    await expect.poll(() => t.server.inFlight).toBe(1);
    await t.server.close({ graceMs: 10_000 });
    const events = await chat.events;
    const done = json(events.at(-1)!);
    expect(events.at(-1)!.event).toBe('done');
    expect(done.response).toMatchObject({ status: 'complete', content: SLOW_REPLY.text });
    await expect(fetch(`${t.url}/api/personas`)).rejects.toThrow();
  });

  it('cuts replies still running when the grace period ends, saving them as interrupted', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue(SLOW_REPLY);
    const chat = await streamingChat(t.url);
    await expect.poll(() => t.server.inFlight).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await t.server.close({ graceMs: 0 });
    const events = await chat.events;
    expect(events.at(-1)!.event).toBe('done');
    const done = json(events.at(-1)!);
    expect(done.finishReason).toBe('interrupted');
    const stored = await t.store.listMessages(done.sessionId);
    expect(stored.map((m) => m.status)).toEqual(['complete', 'interrupted']);
    expect(stored[1]!.content.length).toBeGreaterThan(0);
    expect(SLOW_REPLY.text.startsWith(stored[1]!.content)).toBe(true);
  });

  it('saves a reply as interrupted when the client hangs up', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue(SLOW_REPLY);
    const response = await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Hang up on me' }, { accept: 'text/event-stream' });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => t.server.inFlight).toBe(0);
    const session = (await t.store.listSessions())[0]!;
    expect((await t.store.listMessages(session.id)).map((m) => m.status)).toEqual(['complete', 'interrupted']);
  });
});
