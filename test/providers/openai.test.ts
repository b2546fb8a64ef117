import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chatCompletionParams, createOpenAIProvider } from '../../src/providers/openai.js';
import type { ProviderSettings } from '../../src/providers/types.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { chatRequest, collect, deltaCount, errorOf, expectSafeMessage, HISTORY, terminalOf, TEST_KEY, textOf } from './stream-helpers.js';

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

// Cancelling, timeouts and the failures both providers share: provider-behaviour.test.ts.
describe('openai provider: failures only its wire format has', () => {
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
});
