import Database from 'better-sqlite3';
import { APIError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { json, openaiClient, postJson, readSse, startTestServer, upstreamConfig, UPSTREAM_KEY } from './helpers.js';

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

/** The provider_error events in the history, read through a second connection as `persona stats` would. */
function providerErrors(t: Awaited<ReturnType<typeof startTestServer>>) {
  const db = new Database(t.store.location.where, { readonly: true });
  try {
    const rows = db.prepare("SELECT data_json FROM events WHERE kind = 'provider_error'").all() as Array<{ data_json: string }>;
    return rows.map((row) => JSON.parse(row.data_json));
  } finally {
    db.close();
  }
}

describe('provider failures', () => {
  it('answers 502 for an upstream server error, with the user message kept and the failed reply recorded', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue({ status: 500 });
    const response = await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Will you buy?' });
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body).toMatchObject({
      kind: 'server',
      provider: 'openai',
      message: { role: 'user', content: 'Will you buy?' },
      response: { status: 'error' },
    });
    expect((await t.store.listMessages(body.sessionId)).map((m) => m.status)).toEqual(['complete', 'error']);
    expect(providerErrors(t)).toEqual([expect.objectContaining({ kind: 'server', status: 500 })]);
  });

  it('answers 503 when the upstream is rate limited or unreachable', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue({ status: 429 });
    expect((await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Hi' })).status).toBe(503);
    const down = await startTestServer({
      config: { openai: { apiKey: UPSTREAM_KEY, baseUrl: 'http://127.0.0.1:9/v1' } },
      flags: { provider: 'openai' },
    });
    const response = await postJson(`${down.url}/api/personas/cfo/chat`, { message: 'Hi' });
    expect(response.status).toBe(503);
    expect((await response.json()).kind).toBe('unreachable');
  });

  it('never sends the upstream API key back, even when the upstream echoes it', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue({ status: 401 });
    const response = await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Hi' });
    expect(response.status).toBe(502);
    const text = await response.text();
    expect(text).toContain('auth');
    expect(text).not.toContain(UPSTREAM_KEY);
    expect(t.logs.join('\n')).not.toContain(UPSTREAM_KEY);
  });

  it('ends an SSE stream with an error event when the upstream fails mid-reply, keeping the partial text', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue({
      text: 'one two three four five',
      errorAfterChunks: { afterChunks: 2, type: 'server_error', message: 'upstream fell over' },
    });
    const events = await readSse(await postJson(`${t.url}/api/personas/cfo/chat`, { message: 'Hi' }, { accept: 'text/event-stream' }));
    expect(
      events
        .filter((e) => e.event === 'delta')
        .map((e) => json(e).text)
        .join(''),
    ).toBe('one two ');
    const last = events.at(-1)!;
    expect(last.event).toBe('error');
    expect(json(last)).toMatchObject({ status: 502, response: { status: 'error', content: 'one two ' } });
  });

  it('gives the openai SDK an APIError with the status, streaming or not, and records unsaved failures', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    const client = openaiClient(t.url);
    wire.enqueue({ status: 500 });
    const failed = client.chat.completions.create({ model: 'cfo', messages: [{ role: 'user', content: 'Hi' }] });
    await expect(failed).rejects.toBeInstanceOf(APIError);
    await expect(failed).rejects.toMatchObject({ status: 502 });

    wire.enqueue({ text: 'alpha beta gamma', cutAfterChunks: 1 });
    const stream = await client.chat.completions.create({ model: 'cfo', stream: true, messages: [{ role: 'user', content: 'Hi' }] });
    let text = '';
    const reading = (async () => {
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    })();
    await expect(reading).rejects.toBeInstanceOf(APIError);
    expect(text).toBe('alpha ');
    expect(await t.store.listSessions()).toHaveLength(0);
    expect(providerErrors(t).filter((e) => e.via === 'openai-api')).toHaveLength(2);
  });
});
