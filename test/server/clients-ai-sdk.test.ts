import { createOpenAI } from '@ai-sdk/openai';
import { generateText, streamText } from 'ai';
import { describe, expect, it } from 'vitest';
import { startServeProcess } from './serve-process.js';

// The Vercel AI SDK against a real `persona serve`. Its default provider, `openai('cfo')`, speaks
// the Responses API; `openai.chat('cfo')` speaks chat completions. Errors surface through
// `onError` only in streamText, so the test collects them and expects none.

describe('Vercel AI SDK', () => {
  it('lists models, chats, streams with the default (Responses) provider and with chat completions', async () => {
    const serve = await startServeProcess();
    const openai = createOpenAI({ apiKey: 'not-needed', baseURL: `${serve.url}/v1` });

    const models = await (await fetch(`${serve.url}/v1/models`)).json();
    expect(models.data.map((m: { id: string }) => m.id)).toContain('cfo');

    const answer = await generateText({ model: openai('cfo'), prompt: 'What worries you about the budget?', maxRetries: 0 });
    expect(answer.text.length).toBeGreaterThan(10);
    expect(answer.finishReason).toBe('stop');
    expect(answer.usage.outputTokens).toBeGreaterThan(0);

    const errors: unknown[] = [];
    const streamed = streamText({
      model: openai('cfo'),
      prompt: 'Tell me about your week.',
      maxRetries: 0,
      onError: ({ error }) => void errors.push(error),
    });
    let text = '';
    for await (const part of streamed.textStream) text += part;
    expect(errors).toEqual([]);
    expect(text.length).toBeGreaterThan(10);
    expect(await streamed.finishReason).toBe('stop');

    // A second turn built from the first's response messages (the SDK sends item references).
    const followUp = await generateText({
      model: openai('cfo'),
      messages: [
        { role: 'user', content: 'Tell me about your week.' },
        ...(await streamed.response).messages,
        { role: 'user', content: 'And next week?' },
      ],
      maxRetries: 0,
    });
    expect(followUp.text.length).toBeGreaterThan(10);

    // A token cap is honoured and reported as a cut reply.
    const capped = await generateText({
      model: openai('cfo'),
      prompt: 'Describe your whole career in detail.',
      maxOutputTokens: 5,
      maxRetries: 0,
    });
    expect(capped.finishReason).toBe('length');
    expect(capped.text.length).toBeLessThanOrEqual(20);

    const chat = await generateText({ model: openai.chat('cfo'), prompt: 'How do you judge a new vendor?', maxRetries: 0 });
    expect(chat.text.length).toBeGreaterThan(10);
    const chatErrors: unknown[] = [];
    const chatStream = streamText({
      model: openai.chat('cfo'),
      prompt: 'What do you do on Mondays?',
      maxRetries: 0,
      onError: ({ error }) => void chatErrors.push(error),
    });
    let chatText = '';
    for await (const part of chatStream.textStream) chatText += part;
    expect(chatErrors).toEqual([]);
    expect(chatText.length).toBeGreaterThan(10);
  }, 60_000);
});
