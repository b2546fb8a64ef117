import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { alternatingTurns, CONVERSATION_OPENER, createAnthropicProvider } from '../../src/providers/anthropic.js';
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
  // The server checks the key like the real API, so a wrong header fails the request.
  wire = await startWireServer({ apiKey: TEST_KEY });
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

function provider(overrides: Partial<ProviderSettings> = {}) {
  return createAnthropicProvider({
    name: 'anthropic',
    model: 'claude-sonnet-5-5',
    apiKey: TEST_KEY,
    baseUrl: wire.url,
    maxRetries: 0,
    timeoutMs: 2000,
    ...overrides,
  });
}

const REPLY = 'Fresh bread sells itself; your app should get out of the way.';

describe('anthropic provider: streaming a reply', () => {
  it('yields text deltas, then usage counting cached prompt tokens, then done with the model', async () => {
    wire.enqueue({
      text: REPLY,
      chunks: 4,
      model: 'claude-sonnet-5-5-20261001',
      usage: { input: 2150, output: 17, cachedInput: 2000, cacheWrite: 100 },
    });

    const events = await collect(provider().stream(chatRequest()));

    expect(deltaCount(events)).toBe(4);
    expect(textOf(events)).toBe(REPLY);
    // On the wire: input_tokens 50, cache_read 2000, cache_creation 100; ours counts all prompt tokens.
    expect(events.find((e) => e.type === 'usage')).toEqual({
      type: 'usage',
      usage: { inputTokens: 2150, outputTokens: 17, cacheReadTokens: 2000, cacheWriteTokens: 100 },
    });
    expect(terminalOf(events)).toEqual({ type: 'done', finishReason: 'stop', model: 'claude-sonnet-5-5-20261001' });
  });

  it('maps stop_reason max_tokens to length and refusal to content_filter', async () => {
    wire.enqueue({ text: 'Well', finish: 'length' }, { text: 'No', finish: 'content_filter' });
    expect(terminalOf(await collect(provider().stream(chatRequest())))).toMatchObject({ finishReason: 'length' });
    expect(terminalOf(await collect(provider().stream(chatRequest())))).toMatchObject({ finishReason: 'content_filter' });
  });
});

describe('anthropic provider: what the server receives', () => {
  it('sends the system prompt as one cached block, the history with persona as assistant, and max_tokens', async () => {
    await collect(provider().stream(chatRequest({ model: 'claude-haiku-4-5', maxOutputTokens: 256 })));

    const [request] = wire.requests;
    expect(request?.path).toBe('/v1/messages');
    expect(request?.headers['anthropic-version']).toBeTruthy();
    expect(request?.body).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: 256,
      stream: true,
      system: [{ type: 'text', text: 'You are Maya, a 34-year-old bakery owner.', cache_control: { type: 'ephemeral' } }],
      messages: [
        { role: 'user', content: HISTORY[0]!.content },
        { role: 'assistant', content: HISTORY[1]!.content },
        { role: 'user', content: HISTORY[2]!.content },
      ],
    });
  });

  it('sends the key in the header this SDK version uses, and nothing else that carries it', async () => {
    await collect(provider().stream(chatRequest()));
    const { headers } = wire.requests[0]!;
    const carriers = Object.entries(headers).filter(([, value]) => value.includes(TEST_KEY));
    expect(carriers).toHaveLength(1);
    expect([`Bearer ${TEST_KEY}`, TEST_KEY]).toContain(carriers[0]![1]);
  });

  it('merges consecutive same-role turns and drops empty ones, so the API accepts the history', async () => {
    const messages = [
      { role: 'persona' as const, content: 'Morning! Fresh rye today.' },
      { role: 'user' as const, content: 'Hello.' },
      { role: 'persona' as const, content: '' },
      { role: 'user' as const, content: 'Are you there?' },
    ];
    const events = await collect(provider().stream(chatRequest({ messages })));

    expect(terminalOf(events).type).toBe('done');
    expect(wire.requests[0]?.body.messages).toEqual([
      { role: 'user', content: CONVERSATION_OPENER },
      { role: 'assistant', content: 'Morning! Fresh rye today.' },
      { role: 'user', content: 'Hello.\n\nAre you there?' },
    ]);
  });

  it('leaves a history that already alternates untouched', () => {
    expect(alternatingTurns(HISTORY)).toEqual([
      { role: 'user', content: HISTORY[0]!.content },
      { role: 'assistant', content: HISTORY[1]!.content },
      { role: 'user', content: HISTORY[2]!.content },
    ]);
  });
});

describe('anthropic provider: cancelling', () => {
  it('ends with done/interrupted, the text so far, and the prompt usage known from message_start', async () => {
    wire.enqueue({ text: REPLY, chunks: 6, chunkDelayMs: 80, usage: { input: 900, output: 20 } });

    const events = await abortAfterDeltas(provider(), chatRequest(), 3);

    expect(textOf(events)).toBe(splitReply(REPLY, 6).slice(0, 3).join(''));
    expect(events.find((e) => e.type === 'usage')).toMatchObject({ usage: { inputTokens: 900 } });
    expect(terminalOf(events)).toMatchObject({ type: 'done', finishReason: 'interrupted' });
  });
});

// Cancelling, timeouts and the failures both providers share: provider-behaviour.test.ts.
describe('anthropic provider: failures only its wire format has', () => {
  it('reports a 529 as overloaded', async () => {
    wire.enqueue({ status: 529 });
    const error = errorOf(await collect(provider().stream(chatRequest())));
    expect(error).toMatchObject({ kind: 'overloaded', status: 529, provider: 'anthropic' });
  });

  it('reports an overloaded_error event inside the stream as overloaded, after the deltas before it', async () => {
    wire.enqueue({ text: REPLY, chunks: 4, errorAfterChunks: { afterChunks: 2, type: 'overloaded_error', message: 'Overloaded' } });
    const events = await collect(provider().stream(chatRequest()));
    expect(deltaCount(events)).toBe(2);
    expect(errorOf(events).kind).toBe('overloaded');
  });

  it('reports a wrong key as auth with the Anthropic hint and without the key the server echoed', async () => {
    const wrongKey = 'sk-ant-wrong-0f3e9a7c1b';
    const error = errorOf(await collect(provider({ apiKey: wrongKey }).stream(chatRequest())));
    expect(error.kind).toBe('auth');
    expect(error.hint).toContain('ANTHROPIC_API_KEY');
    expectSafeMessage(error, wrongKey);
  });

  it('reports a closed port as unreachable naming the host', async () => {
    const url = await closedPortUrl();
    const error = errorOf(await collect(provider({ baseUrl: url }).stream(chatRequest())));
    expect(error.kind).toBe('unreachable');
    expect(error.message).toContain(new URL(url).host);
    expect(error.hint).toContain('ANTHROPIC_BASE_URL');
  });

  it('reports a stream that ends before message_delta instead of passing it off as complete', async () => {
    wire.enqueue({ text: REPLY, chunks: 3, endEarlyAfterChunks: 3 });
    const events = await collect(provider().stream(chatRequest()));
    expect(textOf(events)).toBe(REPLY);
    expect(errorOf(events).kind).toBe('server');
  });
});
