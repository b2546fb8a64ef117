import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAnthropicProvider } from '../../src/providers/anthropic.js';
import { createOpenAIProvider } from '../../src/providers/openai.js';
import type { ProviderSettings } from '../../src/providers/types.js';
import { startWireServer, type WireFailure, type WireServer } from '../support/wire-server.js';
import { chatRequest, collect, errorOf, TEST_KEY } from './stream-helpers.js';

// A conversation longer than the model's context window is refused with a 400 whose wording each
// server family picks; the error must say what happened and how to carry on, not blame settings.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

const settings = (name: 'openai' | 'anthropic'): ProviderSettings => ({
  name,
  model: name === 'openai' ? 'gpt-4o-mini' : 'claude-sonnet-4-5',
  apiKey: TEST_KEY,
  baseUrl: name === 'openai' ? `${wire.url}/v1` : wire.url,
  maxRetries: 0,
  timeoutMs: 2000,
});

const CASES: Array<{ label: string; provider: 'openai' | 'anthropic'; failure: WireFailure }> = [
  {
    label: 'OpenAI (code context_length_exceeded)',
    provider: 'openai',
    failure: {
      status: 400,
      code: 'context_length_exceeded',
      message: "This model's maximum context length is 128000 tokens. However, your messages resulted in 130512 tokens.",
    },
  },
  {
    label: 'vLLM (wording only)',
    provider: 'openai',
    failure: { status: 400, message: "This model's maximum context length is 4096 tokens. However, you requested 5120 tokens." },
  },
  {
    label: 'llama.cpp server',
    provider: 'openai',
    failure: {
      status: 400,
      type: 'exceed_context_size_error',
      message: 'the request exceeds the available context size, try increasing it',
    },
  },
  {
    label: 'Anthropic (prompt is too long)',
    provider: 'anthropic',
    failure: { status: 400, type: 'invalid_request_error', message: 'prompt is too long: 215846 tokens > 200000 maximum' },
  },
];

describe('a conversation too long for the model', () => {
  for (const { label, provider, failure } of CASES) {
    it(`says the conversation is too long and how to continue: ${label}`, async () => {
      wire.enqueue(failure);
      const create = provider === 'openai' ? createOpenAIProvider : createAnthropicProvider;
      const error = errorOf(await collect(create(settings(provider)).stream(chatRequest())));
      expect(error.kind).toBe('bad_request');
      expect(error.message).toMatch(/conversation is too long for/);
      expect(error.hint).toContain('/reset');
      expect(error.hint).toContain('--carry-over');
      expect(error.hint).toContain('historyMessages');
      expect(error.hint).not.toMatch(/temperature|max output tokens/);
    });
  }

  it('keeps the settings hint for a 400 that is not about length', async () => {
    wire.enqueue({ status: 400, message: "Invalid 'temperature': must be at most 2." });
    const error = errorOf(await collect(createOpenAIProvider(settings('openai')).stream(chatRequest())));
    expect(error.message).not.toMatch(/too long/);
    expect(error.hint).toMatch(/temperature/);
  });
});
