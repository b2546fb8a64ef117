import { NotFoundError, BadRequestError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { openaiClient, postJson, startTestServer, upstreamConfig } from './helpers.js';

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

describe('/v1/chat/completions with the openai SDK as the client', () => {
  it('answers a non-streaming completion as the persona, with usage', async () => {
    const t = await startTestServer();
    const completion = await openaiClient(t.url).chat.completions.create({
      model: 'cfo',
      messages: [{ role: 'user', content: 'What do you think of our pricing?' }],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('cfo');
    expect(completion.choices[0]!.message.role).toBe('assistant');
    expect(completion.choices[0]!.message.content!.length).toBeGreaterThan(0);
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    expect(completion.usage!.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage!.total_tokens).toBe(completion.usage!.prompt_tokens + completion.usage!.completion_tokens);
  });

  it('streams chunks the SDK reassembles, then the usage chunk, then ends on [DONE]', async () => {
    const t = await startTestServer();
    const stream = await openaiClient(t.url).chat.completions.create({
      model: 'cfo@offline',
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: 'user', content: 'Tell me about your week.' }],
    });
    let text = '';
    const finishes: string[] = [];
    let usage;
    let chunks = 0;
    const contents: string[] = [];
    for await (const chunk of stream) {
      chunks++;
      const content = chunk.choices[0]?.delta?.content;
      if (content) contents.push(content);
      text += content ?? '';
      if (chunk.choices[0]?.finish_reason) finishes.push(chunk.choices[0].finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    expect(chunks).toBeGreaterThan(3);
    expect(text.length).toBeGreaterThan(0);
    // A chunk per word, as a streamed reply reads, though the offline engine has the whole reply at once.
    expect(contents).toEqual(text.match(/\S+\s*/g));
    expect(finishes).toEqual(['stop']);
    expect(usage!.completion_tokens).toBeGreaterThan(0);

    const raw = await (
      await postJson(`${t.url}/v1/chat/completions`, { model: 'cfo', stream: true, messages: [{ role: 'user', content: 'Hi' }] })
    ).text();
    expect(raw.trimEnd().endsWith('data: [DONE]')).toBe(true);
    expect(raw).not.toContain('"usage"');
  });

  it('lists the personas as models', async () => {
    const t = await startTestServer();
    const ids = [];
    for await (const model of openaiClient(t.url).models.list()) ids.push(model.id);
    expect(ids).toContain('cfo');
    expect(ids).toContain('icu-nurse');
  });

  it('raises NotFoundError for an unknown persona and BadRequestError for a bad conversation', async () => {
    const t = await startTestServer();
    const client = openaiClient(t.url);
    await expect(client.chat.completions.create({ model: 'nobody', messages: [{ role: 'user', content: 'Hi' }] })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    const lastIsAssistant = client.chat.completions.create({
      model: 'cfo',
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello' },
      ],
    });
    await expect(lastIsAssistant).rejects.toBeInstanceOf(BadRequestError);
    await expect(lastIsAssistant).rejects.toThrow(/last message must have role "user"/);
    await expect(
      client.chat.completions.create({ model: 'cfo@nowhere/model', messages: [{ role: 'user', content: 'Hi' }] }),
    ).rejects.toThrow(/unknown provider "nowhere"/);
  });

  it('sends the conversation to the model under the persona prompt, ignoring client system messages', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue({ text: 'Diane here, and the answer is no.' });
    const completion = await openaiClient(t.url).chat.completions.create({
      model: 'cfo',
      messages: [
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'First question' },
        { role: 'assistant', content: 'First answer' },
        { role: 'user', content: 'Second question' },
      ],
    });
    expect(completion.choices[0]!.message.content).toBe('Diane here, and the answer is no.');
    const sent = wire.requests[0]!.body.messages as Array<{ role: string; content: string }>;
    expect(sent[0]!.role).toBe('system');
    expect(sent[0]!.content).toContain('Diane');
    expect(JSON.stringify(sent)).not.toContain('helpful assistant');
    // The persona's reminder closes the last user turn (post-history instructions).
    expect(sent.slice(1).map((m) => [m.role, m.content.replace(/\n\n\(Reminder: you are Diane\.[^]*$/, '')])).toEqual([
      ['user', 'First question'],
      ['assistant', 'First answer'],
      ['user', 'Second question'],
    ]);
    expect(sent.at(-1)!.content).toMatch(/^Second question\n\n\(Reminder: you are Diane\./);
  });

  it('routes persona@provider/model to that provider and model', async () => {
    const t = await startTestServer({ config: upstreamConfig(wire.url).config });
    await openaiClient(t.url).chat.completions.create({ model: 'cfo@openai/gpt-4.1-nano', messages: [{ role: 'user', content: 'Hi' }] });
    expect(wire.requests[0]!.body.model).toBe('gpt-4.1-nano');
  });

  it("saves nothing unless asked; with X-Persona-Save the whole conversation becomes the caller's session", async () => {
    const t = await startTestServer();
    const client = openaiClient(t.url);
    await client.chat.completions.create({ model: 'cfo', messages: [{ role: 'user', content: 'Not saved' }] });
    expect(await t.store.listSessions()).toHaveLength(0);

    const { data, response } = await client.chat.completions
      .create(
        {
          model: 'cfo',
          messages: [
            { role: 'user', content: 'Earlier' },
            { role: 'assistant', content: 'Earlier reply' },
            { role: 'user', content: 'Now' },
          ],
        },
        { headers: { 'X-Persona-Save': 'true' } },
      )
      .withResponse();
    const sessionId = response.headers.get('x-persona-session')!;
    expect(sessionId).toMatch(/^[0-9a-z]+$/);
    const stored = await t.store.listMessages(sessionId);
    expect(stored.map((m) => [m.role, m.content])).toEqual([
      ['user', 'Earlier'],
      ['persona', 'Earlier reply'],
      ['user', 'Now'],
      ['persona', data.choices[0]!.message.content],
    ]);
    expect(await t.store.getSession(sessionId)).toMatchObject({ personaId: 'cfo', userId: 'local', title: 'Earlier' });
  });
});
