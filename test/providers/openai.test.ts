import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletionParams, createOpenAIProvider } from '../../src/providers/openai.js';
import type { ProviderSettings } from '../../src/providers/types.js';
import { splitReply, startWireServer, type WireServer } from '../support/wire-server.js';
import {
  abortAfterDeltas,
  chatRequest,
  closedPortUrl,
  collect,
  deltaCount,
  errorOf,
  expectSafeMessage,
  HISTORY,
  terminalOf,
  TEST_KEY,
  textOf,
} from './stream-helpers.js';

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

function provider(overrides: Partial<ProviderSettings> = {}) {
  return createOpenAIProvider({
    name: 'openai',
    model: 'gpt-4o-mini',
    apiKey: TEST_KEY,
    baseUrl: `${wire.url}/v1`,
    maxRetries: 0,
    timeoutMs: 2000,
    ...overrides,
  });
}

const REPLY = 'Honestly, the checkout flow confuses me every single time.';

describe('openai provider: streaming a reply', () => {
  it('yields each chunk as a delta, then usage with cached tokens, then done with the model', async () => {
    wire.enqueue({ text: REPLY, chunks: 4, model: 'gpt-4o-mini-2024-07-18', usage: { input: 1200, output: 14, cachedInput: 1024 } });

    const events = await collect(provider().stream(chatRequest()));

    expect(deltaCount(events)).toBe(4);
    expect(textOf(events)).toBe(REPLY);
    expect(events.find((e) => e.type === 'usage')).toEqual({
      type: 'usage',
      usage: { inputTokens: 1200, outputTokens: 14, cacheReadTokens: 1024 },
    });
    expect(terminalOf(events)).toEqual({ type: 'done', finishReason: 'stop', model: 'gpt-4o-mini-2024-07-18' });
  });

  it('reports a reply cut by the token limit as finishReason length', async () => {
    wire.enqueue({ text: 'I think that', finish: 'length' });
    const done = terminalOf(await collect(provider().stream(chatRequest())));
    expect(done).toMatchObject({ type: 'done', finishReason: 'length' });
  });

  it('reports a filtered reply as finishReason content_filter', async () => {
    wire.enqueue({ text: 'I', finish: 'content_filter' });
    const done = terminalOf(await collect(provider().stream(chatRequest())));
    expect(done).toMatchObject({ type: 'done', finishReason: 'content_filter' });
  });
});

describe('openai provider: what the server receives', () => {
  it('sends the system prompt, the history with persona as assistant, limits, and the key as a bearer token', async () => {
    await collect(provider().stream(chatRequest({ model: 'llama3.2', temperature: 0.4, maxOutputTokens: 256 })));

    const [request] = wire.requests;
    expect(request?.path).toBe('/v1/chat/completions');
    expect(request?.headers.authorization).toBe(`Bearer ${TEST_KEY}`);
    expect(request?.body).toMatchObject({
      model: 'llama3.2',
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 256,
      temperature: 0.4,
      messages: [
        { role: 'system', content: 'You are Maya, a 34-year-old bakery owner.' },
        { role: 'user', content: HISTORY[0]!.content },
        { role: 'assistant', content: HISTORY[1]!.content },
        { role: 'user', content: HISTORY[2]!.content },
      ],
    });
    expect(request?.body).not.toHaveProperty('max_completion_tokens');
  });

  it('sends a placeholder key to a custom server when none is configured, since local servers need none', async () => {
    const events = await collect(provider({ apiKey: undefined }).stream(chatRequest()));
    expect(terminalOf(events).type).toBe('done');
    expect(wire.requests[0]?.headers.authorization).toMatch(/^Bearer \S+/);
  });

  it('uses max_completion_tokens on api.openai.com, where reasoning models reject max_tokens', () => {
    const params = chatCompletionParams(chatRequest({ model: 'gpt-4.1', maxOutputTokens: 500 }), 'https://api.openai.com/v1');
    expect(params).toMatchObject({ max_completion_tokens: 500, temperature: 0.7 });
    expect(params).not.toHaveProperty('max_tokens');
  });

  it('leaves temperature out for reasoning models, which only accept their default', () => {
    for (const model of ['o3-mini', 'o4-mini', 'gpt-5', 'gpt-5.1-2025-11-13', 'openai/o3']) {
      expect(chatCompletionParams(chatRequest({ model }), 'https://api.openai.com/v1')).not.toHaveProperty('temperature');
    }
    expect(chatCompletionParams(chatRequest({ model: 'gpt-5-chat-latest' }), 'https://api.openai.com/v1')).toHaveProperty(
      'temperature',
      0.7,
    );
  });
});

describe('openai provider: cancelling', () => {
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

describe('openai provider: failures become one error event', () => {
  it('retries a 429 through the SDK (honouring retry-after-ms) and then streams the reply', async () => {
    wire.enqueue({ status: 429, retryAfterMs: 10 }, { text: 'Second time lucky.' });

    const events = await collect(provider({ maxRetries: 1 }).stream(chatRequest()));

    expect(textOf(events)).toBe('Second time lucky.');
    expect(terminalOf(events).type).toBe('done');
    expect(wire.requests).toHaveLength(2);
  });

  it('reports a 429 that outlasts the retries as rate_limit with the wait the server asked for', async () => {
    wire.enqueue({ status: 429, retryAfterMs: 2000 });
    const error = errorOf(await collect(provider().stream(chatRequest())));
    expect(error.kind).toBe('rate_limit');
    expect(error.message).toContain('retry after 2 s');
  });

  it('reports exhausted quota as such, not as a passing rate limit', async () => {
    wire.enqueue({ status: 429, code: 'insufficient_quota', message: 'You exceeded your current quota.' });
    const error = errorOf(await collect(provider().stream(chatRequest())));
    expect(error.kind).toBe('rate_limit');
    expect(error.message).toContain('out of credit');
  });

  it('reports a 500 with no retries left as a server error naming the host', async () => {
    wire.enqueue({ status: 500 });
    const error = errorOf(await collect(provider().stream(chatRequest())));
    expect(error).toMatchObject({ kind: 'server', status: 500, provider: 'openai' });
    expect(error.message).toContain(new URL(wire.url).host);
    expect(wire.requests).toHaveLength(1);
  });

  it('reports a 503 as overloaded', async () => {
    wire.enqueue({ status: 503 });
    expect(errorOf(await collect(provider().stream(chatRequest()))).kind).toBe('overloaded');
  });

  it('reports a 401 as auth with a hint naming the fix, and never the key the server echoed', async () => {
    wire.enqueue({ status: 401 });
    const error = errorOf(await collect(provider().stream(chatRequest())));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('the API key was rejected');
    expect(error.hint).toContain('OPENAI_API_KEY');
    expect(error.hint).toContain('--provider offline');
    expectSafeMessage(error, TEST_KEY);
  });

  it('redacts the key from a 403 message that quotes it', async () => {
    wire.enqueue({ status: 403 });
    const error = errorOf(await collect(provider().stream(chatRequest())));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('[redacted key]');
    expectSafeMessage(error, TEST_KEY);
  });

  it('reports an unknown model (404) as not_found and suggests --model', async () => {
    wire.enqueue({ status: 404 });
    const error = errorOf(await collect(provider().stream(chatRequest({ model: 'gpt-9' }))));
    expect(error.kind).toBe('not_found');
    expect(error.message).toContain('"gpt-9"');
    expect(error.hint).toContain('--model');
  });

  it('reports a 400 as bad_request carrying the server message on one line', async () => {
    wire.enqueue({ status: 400, message: "Invalid 'max_tokens':\ninteger below minimum value." });
    const error = errorOf(await collect(provider().stream(chatRequest())));
    expect(error.kind).toBe('bad_request');
    expect(error.message).toContain("Invalid 'max_tokens': integer below minimum value.");
    expect(error.message).not.toContain('\n');
  });

  it('reports a closed port as unreachable, naming the host but not the key', async () => {
    const url = await closedPortUrl();
    const error = errorOf(await collect(provider({ baseUrl: `${url}/v1` }).stream(chatRequest())));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(new URL(url).host);
    expect(error.message).toContain('connection refused');
    expectSafeMessage(error, TEST_KEY);
  });

  it('delivers the deltas that arrived, then an error, when the connection drops mid-reply', async () => {
    wire.enqueue({ text: REPLY, chunks: 5, cutAfterChunks: 2 });
    const events = await collect(provider().stream(chatRequest()));
    expect(textOf(events)).toBe(splitReply(REPLY, 5).slice(0, 2).join(''));
    expect(errorOf(events).kind).toBe('server');
  });

  it('reports a chunk that is not JSON as malformed', async () => {
    wire.enqueue({ text: REPLY, chunks: 3, malformedAfterChunks: 1 });
    const events = await collect(provider().stream(chatRequest()));
    expect(deltaCount(events)).toBe(1);
    expect(errorOf(events).kind).toBe('malformed');
  });

  it('reports an error object sent inside the stream by its type', async () => {
    wire.enqueue({ text: REPLY, chunks: 3, errorAfterChunks: { afterChunks: 1, type: 'server_error', message: 'The model crashed.' } });
    const error = errorOf(await collect(provider().stream(chatRequest())));
    expect(error.kind).toBe('server');
    expect(error.message).toContain('The model crashed.');
  });

  it('reports a stream that ends without a finish reason instead of passing it off as complete', async () => {
    wire.enqueue({ text: REPLY, chunks: 3, endEarlyAfterChunks: 2 });
    const events = await collect(provider().stream(chatRequest()));
    expect(deltaCount(events)).toBe(2);
    expect(errorOf(events).message).toContain('ended the reply before the model finished');
  });

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
    wire.enqueue({ text: 'one two three four five six', chunkDelayMs: 60 });
    const events = await collect(provider({ timeoutMs: 200 }).stream(chatRequest()));
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

  it('asks for a key before sending anything when none is set for api.openai.com', async () => {
    const events = await collect(provider({ apiKey: undefined, baseUrl: undefined }).stream(chatRequest()));
    const error = errorOf(events);
    expect(error.kind).toBe('config');
    expect(error.hint).toContain('OPENAI_API_KEY');
  });
});
