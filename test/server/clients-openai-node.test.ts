import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { startServeProcess } from './serve-process.js';

// The npm `openai` SDK (v6) against a real `persona serve`: list and retrieve models, a chat
// completion, a streamed one, and the Responses API (create, stream, previous_response_id).

const client = (url: string) => new OpenAI({ apiKey: 'not-needed', baseURL: `${url}/v1`, maxRetries: 0, timeout: 15_000 });

describe('npm openai client', () => {
  it('lists models, chats, streams and uses the Responses API', async () => {
    const serve = await startServeProcess();
    const openai = client(serve.url);

    const models = await openai.models.list();
    const ids = models.data.map((m) => m.id);
    expect(ids).toContain('cfo');
    expect((await openai.models.retrieve('cfo')).id).toBe('cfo');
    expect((await openai.models.retrieve('cfo@offline/offline')).id).toBe('cfo@offline/offline');
    await expect(openai.models.retrieve('no-such-persona')).rejects.toMatchObject({ status: 404 });

    const completion = await openai.chat.completions.create({
      model: 'cfo',
      messages: [{ role: 'user', content: 'What worries you about the budget?' }],
    });
    expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(10);
    expect(completion.choices[0]!.finish_reason).toBe('stop');

    const stream = await openai.chat.completions.create({
      model: 'cfo',
      messages: [{ role: 'user', content: 'Tell me about your week.' }],
      stream: true,
    });
    let streamed = '';
    for await (const part of stream) streamed += part.choices[0]?.delta.content ?? '';
    expect(streamed.length).toBeGreaterThan(10);

    const response = await openai.responses.create({ model: 'cfo', input: 'How do you judge a new vendor?' });
    expect(response.status).toBe('completed');
    expect(response.output_text.length).toBeGreaterThan(10);

    const events: string[] = [];
    let text = '';
    const responseStream = await openai.responses.create({ model: 'cfo', input: 'What do you do on Mondays?', stream: true });
    for await (const event of responseStream) {
      events.push(event.type);
      if (event.type === 'response.output_text.delta') text += event.delta;
    }
    expect(events.slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    expect(events.slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(text.length).toBeGreaterThan(10);
    // A delta event per word.
    expect(events.filter((type) => type === 'response.output_text.delta')).toHaveLength(text.match(/\S+\s*/g)!.length);

    // Saved responses continue their session by id.
    const first = await openai.responses.create({ model: 'cfo', input: 'My name is Dana.', store: true });
    const second = await openai.responses.create({ model: 'cfo', input: 'And what is my plan?', previous_response_id: first.id });
    expect(second.previous_response_id).toBe(first.id);
    const sessionId = /^resp_([0-9a-z]+)_/.exec(second.id)![1];
    const saved = await (await fetch(`${serve.url}/api/sessions/${sessionId}`)).json();
    expect(saved.messages.map((m: { role: string; content: string }) => [m.role, m.role === 'user' ? m.content : 'reply'])).toEqual([
      ['user', 'My name is Dana.'],
      ['persona', 'reply'],
      ['user', 'And what is my plan?'],
      ['persona', 'reply'],
    ]);
    expect(await serve.stop()).toBe(0);
  }, 60_000);
});
