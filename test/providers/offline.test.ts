import { describe, expect, it } from 'vitest';
import type { ChatProfile } from '../../src/persona/schema.js';
import { createOfflineProvider, OFFLINE_MODEL, OFFLINE_NOTICE } from '../../src/providers/offline/index.js';
import { cfo, cfoProfile, creator, creatorProfile, minimal } from './offline-fixtures.js';
import { collect, requestFor, textOf } from './offline-helpers.js';

// The provider contract: how the offline engine streams, reports usage, stops when aborted and
// never throws, exactly like the SDK-backed providers.

const ask = (text: string) => [{ role: 'user' as const, content: text }];

describe('offline provider stream', () => {
  it('is named offline and exposes its model name and notice', () => {
    expect(createOfflineProvider().name).toBe('offline');
    expect(OFFLINE_MODEL).toBe('persona-offline-1');
    expect(OFFLINE_NOTICE).toMatch(/OPENAI_API_KEY/);
    expect(OFFLINE_NOTICE).not.toContain('\n');
  });

  it('paced, streams word-sized deltas that concatenate to the full reply, then usage, then done', async () => {
    const provider = createOfflineProvider({ paceMs: 1 });
    const request = requestFor(cfo, cfoProfile, ask('How much would you pay for a planning tool?'), 3);
    const events = await collect(provider.stream(request));
    const deltas = events.filter((e) => e.type === 'delta');
    expect(deltas.length).toBeGreaterThan(5);
    for (const d of deltas) expect(d.text).toMatch(/^\S+\s*$/);
    const again = textOf(await collect(provider.stream(request)));
    expect(textOf(events)).toBe(again);
    expect(events.map((e) => e.type).slice(-2)).toEqual(['usage', 'done']);
    expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'stop', model: OFFLINE_MODEL });
  });

  it('unpaced, sends the reply as one delta whose parts are the same words', async () => {
    const request = requestFor(cfo, cfoProfile, ask('How much would you pay for a planning tool?'), 3);
    const paced = await collect(createOfflineProvider({ paceMs: 1 }).stream(request));
    const events = await collect(createOfflineProvider().stream(request));
    expect(events.map((e) => e.type)).toEqual(['delta', 'usage', 'done']);
    const delta = events[0] as { type: 'delta'; text: string; parts?: readonly string[] };
    // The same pieces a paced stream sends one event each, so a wire framing per piece is unchanged.
    expect(delta.parts).toEqual(paced.filter((e) => e.type === 'delta').map((e) => (e as { text: string }).text));
    expect(delta.text).toBe(textOf(paced));
    expect(events.slice(1)).toEqual(paced.slice(-2));
  });

  it('reports usage at about four characters per token for input and output', async () => {
    const request = requestFor(creator, creatorProfile, ask('Tell me about yourself'), 9);
    const events = await collect(createOfflineProvider().stream(request));
    const usage = events.find((e) => e.type === 'usage');
    const inputChars = request.system.length + request.messages.reduce((n, m) => n + m.content.length, 0);
    expect(usage).toEqual({
      type: 'usage',
      usage: { inputTokens: Math.ceil(inputChars / 4), outputTokens: Math.ceil(textOf(events).length / 4) },
    });
  });

  it('stops on abort mid-stream with the partial text and finishReason interrupted', async () => {
    const controller = new AbortController();
    const request = {
      ...requestFor(cfo, { ...cfoProfile, verbosity: 'expansive' }, ask('Tell me about yourself'), 5),
      signal: controller.signal,
    };
    const full = textOf(await collect(createOfflineProvider().stream({ ...request, signal: undefined })));
    const events = [];
    // Paced: the words go out one event each, and an abort stops between them.
    for await (const event of createOfflineProvider({ paceMs: 1 }).stream(request)) {
      events.push(event);
      if (events.filter((e) => e.type === 'delta').length === 3) controller.abort();
    }
    const partial = textOf(events);
    expect(partial.length).toBeGreaterThan(0);
    expect(partial.length).toBeLessThan(full.length);
    expect(full.startsWith(partial)).toBe(true);
    expect(events.at(-1)).toEqual({ type: 'done', finishReason: 'interrupted', model: OFFLINE_MODEL });
  });

  it('ends at once, interrupted, when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const events = await collect(
      createOfflineProvider().stream({ ...requestFor(minimal, cfoProfile, ask('Hi')), signal: controller.signal }),
    );
    expect(events.filter((e) => e.type === 'delta')).toHaveLength(0);
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'interrupted' });
  });

  it('waits paceMs between words, and an abort cuts the wait short', async () => {
    const request = requestFor(cfo, cfoProfile, ask('Tell me about yourself'), 2);
    const started = Date.now();
    const events = await collect(createOfflineProvider({ paceMs: 5 }).stream(request));
    const words = events.filter((e) => e.type === 'delta').length;
    expect(Date.now() - started).toBeGreaterThanOrEqual((words - 1) * 5 - 5);

    const controller = new AbortController();
    const slow = createOfflineProvider({ paceMs: 10_000 }).stream({ ...request, signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const abortedAt = Date.now();
    const slowEvents = await collect(slow);
    expect(Date.now() - abortedAt).toBeLessThan(2_000);
    expect(slowEvents.at(-1)).toMatchObject({ type: 'done', finishReason: 'interrupted' });
  });

  it('yields an error event instead of throwing when no persona is given', async () => {
    const { persona: _omitted, ...request } = requestFor(minimal, cfoProfile, ask('Hi'));
    const events = await collect(createOfflineProvider().stream(request));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'error', error: { kind: 'config', provider: 'offline' } });
  });

  it('answers a name-only persona with an empty profile for every kind of question', async () => {
    const questions = [
      'Hi',
      'How are you?',
      'Tell me about yourself',
      'What do you do?',
      'How much would you pay?',
      'What annoys you?',
      'Why?',
      'What are your goals?',
      'How do you decide what to buy?',
      'Where do you get your news?',
      'What do you think of AI?',
      'Do you like jazz?',
      'We built an app that plans meals. Would you use it?',
      'What do you value?',
      'zxcv',
      'Thanks!',
      'Bye',
    ];
    for (const question of questions) {
      const events = await collect(createOfflineProvider().stream(requestFor(minimal, {} as ChatProfile, ask(question))));
      expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
      expect(textOf(events).trim().length, question).toBeGreaterThan(3);
    }
  });

  it('never passes terminal control sequences from persona fields into the reply', async () => {
    const hostile = {
      ...minimal,
      data: { name: 'Sam', generatedInsights: { painPoints: ['Invoices \u001b]52;c;cHduZWQ=\u0007arrive late\u001b[2J'] } },
    };
    const text = textOf(await collect(createOfflineProvider().stream(requestFor(hostile, cfoProfile, ask('What frustrates you?'), 1))));
    expect(text).toMatch(/invoices arrive late/i);
    expect(text).not.toMatch(/[\u001b\u0007]/);
  });
});
