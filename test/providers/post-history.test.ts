import { describe, expect, it } from 'vitest';
import { messageParams } from '../../src/providers/anthropic.js';
import { chatCompletionParams } from '../../src/providers/openai.js';
import type { ProviderRequest } from '../../src/providers/types.js';

// The persona's reminder goes after the history, at the end of the last user turn, for both SDKs.

const request: ProviderRequest = {
  system: 'You are Ana.',
  messages: [
    { role: 'user', content: 'Hi' },
    { role: 'persona', content: 'Hello.' },
    { role: 'user', content: 'Would you buy it?' },
  ],
  model: 'm',
  temperature: 0.7,
  maxOutputTokens: 100,
  postHistory: '(Reminder: you are Ana.)',
};

describe('post-history reminder', () => {
  it('ends the last user turn for OpenAI-compatible servers, leaving earlier turns and the system prompt alone', () => {
    const { messages } = chatCompletionParams(request, 'http://localhost:1/v1');
    expect(messages[0]).toEqual({ role: 'system', content: 'You are Ana.' });
    expect(messages[1]).toEqual({ role: 'user', content: 'Hi' });
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'Would you buy it?\n\n(Reminder: you are Ana.)' });
  });

  it('ends the last user turn for Anthropic, keeping the cached system prompt unchanged', () => {
    const params = messageParams(request);
    expect(params.system).toEqual([{ type: 'text', text: 'You are Ana.', cache_control: { type: 'ephemeral' } }]);
    expect(params.messages.at(-1)).toEqual({ role: 'user', content: 'Would you buy it?\n\n(Reminder: you are Ana.)' });
  });

  it('changes nothing without a reminder', () => {
    const { messages } = chatCompletionParams({ ...request, postHistory: undefined }, 'http://localhost:1/v1');
    expect(messages.at(-1)).toEqual({ role: 'user', content: 'Would you buy it?' });
  });
});
