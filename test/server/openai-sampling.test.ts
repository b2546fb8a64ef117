import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ReplyCutter } from '../../src/server/sampling.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { json, postJson, readSse, startTestServer, upstreamConfig } from './helpers.js';

// Sampling fields reach the provider, the offline engine honours max_tokens and stop, a cut reply
// says `length`, and what personas cannot do is refused in OpenAI's error shape.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
beforeEach(() => wire.reset());

const user = (content: unknown) => [{ role: 'user', content }];

describe('sampling fields', () => {
  it('pass temperature, top_p, max tokens and stop through to a live provider, and report length', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue({ text: 'Cut short here', finish: 'length' });
    const response = await postJson(`${t.url}/v1/chat/completions`, {
      model: 'cfo',
      messages: user('Hello'),
      temperature: 0.3,
      top_p: 0.5,
      max_completion_tokens: 42,
      stop: ['END'],
    });
    const body = await response.json();
    expect(body.choices[0].finish_reason).toBe('length');
    const sent = wire.requests.at(-1)!.body;
    expect(sent).toMatchObject({ temperature: 0.3, top_p: 0.5, stop: ['END'] });
    expect(sent.max_tokens ?? sent.max_completion_tokens).toBe(42);
  });

  it('applies stop sequences at the server for any provider, streamed or not', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue({ text: 'alpha beta STOP gamma delta', chunks: 5 });
    const whole = await (await postJson(`${t.url}/v1/chat/completions`, { model: 'cfo', messages: user('Hi'), stop: 'STOP' })).json();
    expect(whole.choices[0]).toMatchObject({ message: { content: 'alpha beta ' }, finish_reason: 'stop' });
    wire.enqueue({ text: 'alpha beta STOP gamma delta', chunks: 9 });
    const events = await readSse(
      await postJson(`${t.url}/v1/chat/completions`, { model: 'cfo', messages: user('Hi'), stop: ['ST' + 'OP'], stream: true }),
    );
    const text = events
      .filter((e) => e.data !== '[DONE]')
      .map((e) => json(e).choices?.[0]?.delta?.content ?? '')
      .join('');
    expect(text).toBe('alpha beta ');
  });

  it('cuts the offline engine at max_tokens with finish_reason length, and saves what was sent', async () => {
    const t = await startTestServer();
    const response = await postJson(
      `${t.url}/v1/chat/completions`,
      { model: 'cfo', messages: user('Describe your whole career in detail, please.'), max_tokens: 6 },
      { 'x-persona-save': 'true' },
    );
    const body = await response.json();
    expect(body.choices[0].finish_reason).toBe('length');
    expect(body.choices[0].message.content.length).toBeLessThanOrEqual(24);
    expect(body.usage.completion_tokens).toBeLessThanOrEqual(6);
    const saved = await t.store.listMessages(response.headers.get('x-persona-session')!);
    expect(saved.at(-1)).toMatchObject({ content: body.choices[0].message.content, finishReason: 'length' });

    const uncapped = await (
      await postJson(`${t.url}/v1/chat/completions`, { model: 'cfo', messages: user('Describe your whole career in detail, please.') })
    ).json();
    expect(uncapped.choices[0].finish_reason).toBe('stop');
    expect(uncapped.choices[0].message.content.length).toBeGreaterThan(24);
  });

  it('the offline engine stops at a stop sequence taken from its own reply', async () => {
    const t = await startTestServer();
    const question = 'What do you think about new software tools?';
    const full = (await (await postJson(`${t.url}/v1/chat/completions`, { model: 'cfo', messages: user(question), seed: 1 })).json())
      .choices[0].message.content as string;
    const words = full.split(/\s+/);
    const stop = words[Math.floor(words.length / 2)]!;
    const cut = await (await postJson(`${t.url}/v1/chat/completions`, { model: 'cfo', messages: user(question), stop })).json();
    expect(cut.choices[0].finish_reason).toBe('stop');
    expect(cut.choices[0].message.content).not.toContain(stop);
  });

  it('streams the offline engine a chunk a word when a stop sequence is given and not met', async () => {
    const t = await startTestServer();
    const events = await readSse(
      await postJson(`${t.url}/v1/chat/completions`, {
        model: 'cfo',
        messages: user('Tell me about your week.'),
        stop: ['<never said>'],
        stream: true,
      }),
    );
    const contents = events
      .filter((e) => e.data !== '[DONE]')
      .map((e) => json(e).choices?.[0]?.delta?.content as string | undefined)
      .filter((c): c is string => typeof c === 'string' && c !== '');
    const text = contents.join('');
    // A chunk per word, less what is held back at the end to recognise the stop sequence.
    expect(contents.length).toBeGreaterThanOrEqual(text.match(/\S+\s*/g)!.length - 1);
  });

  it('ReplyCutter finds a stop sequence split across deltas and holds back no more than it must', async () => {
    const cutter = new ReplyCutter(['<end>'], undefined);
    expect(cutter.push('hello <e')).toBe('hell');
    expect(cutter.push('n')).toBe('o');
    expect(cutter.push('d> more')).toBe(' ');
    expect(cutter.sent).toBe('hello ');
    expect(cutter.reason).toBe('stop');
    const capped = new ReplyCutter([], 2);
    expect(capped.push('one two three')).toBe('one two');
    expect(capped.reason).toBe('length');
  });
});

describe('refusals in OpenAI error shape', () => {
  it('refuses n > 1, images, tools and JSON schemas with a 400 naming the field', async () => {
    const t = await startTestServer();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ n: 2 }, 'n'],
      [
        {
          messages: user([
            { type: 'text', text: 'look' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
          ]),
        },
        'messages.0.content.1',
      ],
      [{ tools: [{ type: 'function', function: { name: 'f', parameters: {} } }] }, 'tools'],
      [{ response_format: { type: 'json_schema', json_schema: { name: 'x', schema: {} } } }, 'response_format'],
      [{ response_format: { type: 'json_object' } }, 'response_format'],
      [
        {
          messages: [
            { role: 'user', content: 'hi' },
            { role: 'tool', content: 'x', tool_call_id: 'a' },
          ],
        },
        'messages.1.role',
      ],
    ];
    for (const [extra, param] of cases) {
      const response = await postJson(`${t.url}/v1/chat/completions`, { model: 'cfo', messages: user('hi'), ...extra });
      expect(response.status, param).toBe(400);
      const { error } = await response.json();
      expect(error, param).toMatchObject({ type: 'invalid_request_error', param, message: expect.stringContaining('not supported') });
    }
    expect(await t.store.listSessions()).toEqual([]);
    const fine = await postJson(`${t.url}/v1/chat/completions`, {
      model: 'cfo',
      messages: user('hi'),
      n: 1,
      response_format: { type: 'text' },
      tool_choice: 'none',
    });
    expect(fine.status).toBe(200);
  });

  it('refuses the same on the Responses API', async () => {
    const t = await startTestServer();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ tools: [{ type: 'function', name: 'f', parameters: {} }] }, 'tools'],
      [{ text: { format: { type: 'json_schema', name: 'x', schema: {} } } }, 'text.format'],
      [{ input: [{ role: 'user', content: [{ type: 'input_image', image_url: 'data:image/png;base64,AAAA' }] }] }, 'input.0.content.0'],
      [{ input: [{ type: 'function_call_output', call_id: 'a', output: 'x' }] }, 'input.0.type'],
    ];
    for (const [extra, param] of cases) {
      const response = await postJson(`${t.url}/v1/responses`, { model: 'cfo', input: 'hi', ...extra });
      expect(response.status, param).toBe(400);
      expect((await response.json()).error, param).toMatchObject({ type: 'invalid_request_error', param });
    }
  });
});

describe('Responses API outcomes', () => {
  it('reports a cut reply as incomplete, and a provider failure as response.failed', async () => {
    const t = await startTestServer(upstreamConfig(wire.url));
    wire.enqueue({ text: 'Cut short', finish: 'length' });
    const cut = await (await postJson(`${t.url}/v1/responses`, { model: 'cfo', input: 'hi', max_output_tokens: 16 })).json();
    expect(cut).toMatchObject({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' }, output_text: 'Cut short' });
    expect(wire.requests.at(-1)!.body.max_tokens ?? wire.requests.at(-1)!.body.max_completion_tokens).toBe(16);

    wire.enqueue({ status: 500 });
    const failed = await postJson(`${t.url}/v1/responses`, { model: 'cfo', input: 'hi' });
    expect(failed.status).toBe(502);
    expect((await failed.json()).error.type).toBe('server_error');

    wire.enqueue({ status: 500 });
    const events = await readSse(await postJson(`${t.url}/v1/responses`, { model: 'cfo', input: 'hi', stream: true }));
    const types = events.map((e) => e.event);
    expect(types).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
      'response.failed',
    ]);
    expect(events.map((e) => json(e).sequence_number)).toEqual([0, 1, 2, 3, 4]);
    expect(json(events.at(-1)!).response).toMatchObject({ status: 'failed', error: { code: 'server' } });
  });

  it('continues only saved responses of the caller by previous_response_id', async () => {
    const t = await startTestServer({ users: { alice: 'alice-token-0123456789', bob: 'bob-token-0123456789xx' } });
    const as = (token: string) => ({ authorization: `Bearer ${token}` });
    const unsaved = await (await postJson(`${t.url}/v1/responses`, { model: 'cfo', input: 'hi' }, as('alice-token-0123456789'))).json();
    const refused = await postJson(
      `${t.url}/v1/responses`,
      { model: 'cfo', input: 'again', previous_response_id: unsaved.id },
      as('alice-token-0123456789'),
    );
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatchObject({ param: 'previous_response_id', message: expect.stringContaining('store') });

    const saved = await (
      await postJson(`${t.url}/v1/responses`, { model: 'cfo', input: 'hi', store: true }, as('alice-token-0123456789'))
    ).json();
    expect(saved.store).toBe(true);
    const stolen = await postJson(
      `${t.url}/v1/responses`,
      { model: 'cfo', input: 'mine now', previous_response_id: saved.id },
      as('bob-token-0123456789xx'),
    );
    expect(stolen.status).toBe(404);
    const own = await postJson(
      `${t.url}/v1/responses`,
      { model: 'cfo', input: 'again', previous_response_id: saved.id },
      as('alice-token-0123456789'),
    );
    expect(own.status).toBe(200);
    const sessionId = own.headers.get('x-persona-session')!;
    expect(
      (await t.store.listMessages(sessionId)).map((m) => m.content).filter((c) => c === 'hi' || c === 'again' || c === 'mine now'),
    ).toEqual(['hi', 'again']);
  });
});
