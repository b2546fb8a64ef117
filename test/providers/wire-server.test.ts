import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REPLY_TEXT, splitReply, startWireServer, type WireServer } from '../support/wire-server.js';

// The wire server is shared by provider, CLI and bench tests; these check the parts of it the
// provider tests do not reach, with the real SDKs as the judge of its wire format.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer({ fallback: (request) => ({ text: `echo: ${request.body.messages.at(-1).content}` }) });
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

const openai = () => new OpenAI({ apiKey: 'k', baseURL: `${wire.url}/v1`, maxRetries: 0, logLevel: 'off' });
const anthropic = () => new Anthropic({ apiKey: 'k', baseURL: wire.url, maxRetries: 0, logLevel: 'off' });

describe('wire server', () => {
  it('answers a non-streaming chat completion the OpenAI SDK parses', async () => {
    wire.enqueue({ text: 'Plain reply.', usage: { input: 12, output: 2, cachedInput: 4 } });
    const completion = await openai().chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
    expect(completion.choices[0]?.message.content).toBe('Plain reply.');
    expect(completion.usage).toMatchObject({ prompt_tokens: 12, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 4 } });
  });

  it('answers a non-streaming message the Anthropic SDK parses', async () => {
    wire.enqueue({ text: 'Plain reply.', finish: 'length', usage: { input: 12, output: 2, cachedInput: 4 } });
    const message = await anthropic().messages.create({
      model: 'claude-haiku-4-5',
      max_tokens: 5,
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(message.content).toEqual([{ type: 'text', text: 'Plain reply.' }]);
    expect(message.stop_reason).toBe('max_tokens');
    expect(message.usage).toMatchObject({ input_tokens: 8, cache_read_input_tokens: 4, output_tokens: 2 });
  });

  it('uses the fallback script once the queue is empty, and counts what is still queued', async () => {
    wire.enqueue({ text: 'queued' }, { text: 'also queued' });
    await openai().chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'one' }] });
    expect(wire.pending).toBe(1);
    wire.reset();
    const reply = await openai().chat.completions.create({ model: 'm', messages: [{ role: 'user', content: 'two' }] });
    expect(reply.choices[0]?.message.content).toBe('echo: two');
    expect(wire.requests).toHaveLength(1);
  });

  it('rejects an Anthropic history that does not alternate, as the real API does', async () => {
    const error = await anthropic()
      .messages.create({
        model: 'claude-haiku-4-5',
        max_tokens: 5,
        messages: [
          { role: 'assistant', content: 'hello' },
          { role: 'user', content: 'hi' },
        ],
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.BadRequestError);
    expect((error as InstanceType<typeof Anthropic.BadRequestError>).apiMessage).toContain('first message must use the "user" role');
  });

  it('answers an unknown route with 404 and records it', async () => {
    const response = await fetch(`${wire.url}/v1/embeddings`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(404);
    expect(wire.requests[0]).toMatchObject({ format: 'unknown', path: '/v1/embeddings' });
  });

  it('splits a reply into the asked number of pieces without losing text', () => {
    expect(splitReply('one two three four', 2)).toEqual(['one two ', 'three four']);
    expect(splitReply('abc', 3)).toEqual(['a', 'b', 'c']);
    expect(splitReply(DEFAULT_REPLY_TEXT).join('')).toBe(DEFAULT_REPLY_TEXT);
  });
});
