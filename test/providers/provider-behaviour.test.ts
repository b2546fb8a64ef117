import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../src/providers/anthropic.js';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import type { Provider, ProviderSettings } from '../../src/providers/types.js';
import { splitReply, startWireServer, type WireServer } from '../support/wire-server.js';
import {
  abortAfterDeltas,
  chatRequest,
  closedPortUrl,
  collect,
  deltaCount,
  errorOf,
  terminalOf,
  TEST_KEY,
  textOf,
} from './stream-helpers.js';

// One behaviour table for every live provider: cancelling, timeouts, retries and failures must read
// the same whichever SDK is underneath. Each case runs against the real SDK and the local server
// speaking that provider's wire format. What only one wire format has (its usage fields, its own
// error types, request shape) stays in openai.test.ts and anthropic.test.ts.

interface LiveProvider {
  name: 'openai' | 'anthropic';
  /** The base URL for a server at `url`, as each SDK expects it. */
  baseUrl: (url: string) => string;
  create: (settings: ProviderSettings) => Provider;
  keyVariable: string;
}

const PROVIDERS: LiveProvider[] = [
  { name: 'openai', baseUrl: (url) => `${url}/v1`, create: createOpenAIProvider, keyVariable: 'OPENAI_API_KEY' },
  { name: 'anthropic', baseUrl: (url) => url, create: createAnthropicProvider, keyVariable: 'ANTHROPIC_API_KEY' },
];

const REPLY = 'Honestly, the checkout flow confuses me every single time.';

let wire: WireServer;
beforeAll(async () => {
  // The server checks the key like the real APIs do, so a key sent the wrong way fails the request.
  wire = await startWireServer({ apiKey: TEST_KEY });
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

describe.each(PROVIDERS)('$name provider behaviour', (live) => {
  const provider = (overrides: Partial<ProviderSettings> = {}) =>
    live.create({
      name: live.name,
      model: 'test-model',
      apiKey: TEST_KEY,
      baseUrl: live.baseUrl(wire.url),
      maxRetries: 0,
      timeoutMs: 2000,
      ...overrides,
    });

  describe('cancelling', () => {
    it('ends with done/interrupted and the text received so far when the signal aborts mid-stream', async () => {
      wire.enqueue({ text: REPLY, chunks: 6, chunkDelayMs: 80 });
      const events = await abortAfterDeltas(provider(), chatRequest(), 2);
      expect(terminalOf(events)).toMatchObject({ type: 'done', finishReason: 'interrupted' });
      expect(textOf(events)).toBe(splitReply(REPLY, 6).slice(0, 2).join(''));
    });

    it('stops at once when aborted while the SDK waits out a retry-after', async () => {
      wire.enqueue({ status: 429, retryAfterMs: 5000 }, { text: 'too late' });
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);
      const started = Date.now();
      const events = await collect(provider({ maxRetries: 1 }).stream(chatRequest({ signal: controller.signal })));
      expect(Date.now() - started).toBeLessThan(1000);
      expect(terminalOf(events)).toMatchObject({ type: 'done', finishReason: 'interrupted' });
      expect(textOf(events)).toBe('');
    });

    it('sends nothing and ends interrupted when the signal is already aborted', async () => {
      const events = await collect(provider().stream(chatRequest({ signal: AbortSignal.abort() })));
      expect(events).toEqual([{ type: 'done', finishReason: 'interrupted' }]);
      expect(wire.requests).toHaveLength(0);
    });
  });

  describe('timeouts', () => {
    it('reports timeout when the first byte takes longer than timeoutMs', async () => {
      wire.enqueue({ text: REPLY, firstByteDelayMs: 1500 });
      const error = errorOf(await collect(provider({ timeoutMs: 150 }).stream(chatRequest())));
      expect(error.kind).toBe('timeout');
      expect(error.hint).toContain('timeoutMs');
    });

    it('reports timeout when the stream goes quiet for longer than timeoutMs after it started', async () => {
      wire.enqueue({ text: REPLY, chunks: 2, chunkDelayMs: 1500 });
      const error = errorOf(await collect(provider({ timeoutMs: 150 }).stream(chatRequest())));
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('stalled');
    });

    it('lets a slow but steady stream finish even when it takes longer than timeoutMs in total', async () => {
      // Six chunks 150 ms apart take 900 ms in all, past the 600 ms timeout; each gap stays far
      // inside it, so a busy machine (the whole suite on two cores) does not turn a gap into a stall.
      wire.enqueue({ text: 'one two three four five six', chunkDelayMs: 150 });
      const events = await collect(provider({ timeoutMs: 600 }).stream(chatRequest()));
      expect(textOf(events)).toBe('one two three four five six');
      expect(terminalOf(events)).toMatchObject({ type: 'done', finishReason: 'stop' });
    });

    it('does not count a slow consumer against timeoutMs', async () => {
      wire.enqueue({ text: 'one two three' });
      const events = [];
      for await (const event of provider({ timeoutMs: 100 }).stream(chatRequest())) {
        events.push(event);
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      expect(textOf(events)).toBe('one two three');
      expect(terminalOf(events).type).toBe('done');
    });
  });

  describe('failures become one error event', () => {
    it('retries a 429 through the SDK (honouring retry-after) and then streams the reply', async () => {
      wire.enqueue({ status: 429, retryAfterMs: 10 }, { text: 'Second time lucky.' });
      const events = await collect(provider({ maxRetries: 1 }).stream(chatRequest()));
      expect(textOf(events)).toBe('Second time lucky.');
      expect(terminalOf(events).type).toBe('done');
      expect(wire.requests).toHaveLength(2);
    });

    it('reports a 500 with no retries left as a server error naming the host, after one request', async () => {
      wire.enqueue({ status: 500 });
      const error = errorOf(await collect(provider().stream(chatRequest())));
      expect(error).toMatchObject({ kind: 'server', status: 500, provider: live.name });
      expect(error.message).toContain(new URL(wire.url).host);
      expect(wire.requests).toHaveLength(1);
    });

    it('reports a 400 as bad_request carrying the server message on one line', async () => {
      wire.enqueue({ status: 400, message: 'max_tokens:\n999999 is above the maximum.' });
      const error = errorOf(await collect(provider().stream(chatRequest())));
      expect(error.kind).toBe('bad_request');
      expect(error.message).toContain('max_tokens: 999999 is above the maximum.');
      expect(error.message).not.toContain('\n');
    });

    it('reports an unknown model (404) as not_found and suggests --model', async () => {
      wire.enqueue({ status: 404, message: 'model: no-such-model' });
      const error = errorOf(await collect(provider().stream(chatRequest({ model: 'no-such-model' }))));
      expect(error.kind).toBe('not_found');
      expect(error.hint).toContain('--model');
    });

    it('reports a closed port as unreachable, naming the host but not the key', async () => {
      const url = await closedPortUrl();
      const error = errorOf(await collect(provider({ baseUrl: live.baseUrl(url) }).stream(chatRequest())));
      expect(error.kind).toBe('unreachable');
      expect(error.message).toContain(new URL(url).host);
      expect(`${error.message} ${error.hint ?? ''}`).not.toContain(TEST_KEY);
    });

    it('delivers the deltas that arrived, then an error, when the connection drops mid-reply', async () => {
      wire.enqueue({ text: REPLY, chunks: 5, cutAfterChunks: 2 });
      const events = await collect(provider().stream(chatRequest()));
      expect(textOf(events)).toBe(splitReply(REPLY, 5).slice(0, 2).join(''));
      expect(errorOf(events).kind).toBe('server');
    });

    it('reports an event that is not JSON as malformed, after the deltas before it', async () => {
      wire.enqueue({ text: REPLY, chunks: 3, malformedAfterChunks: 2 });
      const events = await collect(provider().stream(chatRequest()));
      expect(deltaCount(events)).toBe(2);
      expect(errorOf(events).kind).toBe('malformed');
    });

    it('reports a stream that ends before the model finished instead of passing it off as complete', async () => {
      wire.enqueue({ text: REPLY, chunks: 3, endEarlyAfterChunks: 2 });
      const events = await collect(provider().stream(chatRequest()));
      expect(deltaCount(events)).toBe(2);
      expect(errorOf(events).kind).toBe('server');
    });

    it('asks for a key before sending anything when none is set for the official API', async () => {
      const error = errorOf(await collect(provider({ apiKey: undefined, baseUrl: undefined }).stream(chatRequest())));
      expect(error.kind).toBe('config');
      expect(error.hint).toContain(live.keyVariable);
      expect(wire.requests).toHaveLength(0);
    });
  });
});
