import { describe, expect, it } from 'vitest';
import { ChatEngine, sessionTitle } from '../../src/chat/engine.js';
import type { ChatEvent } from '../../src/chat/events.js';
import { MemoryStore } from '../../src/chat/memory-store.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { persona } from '../persona/fixtures.js';
import { ScriptedProvider } from './scripted-provider.js';

const ana = persona({ name: 'Ana' }, 'ana');

function engine(
  provider: ScriptedProvider,
  extra: Partial<ConstructorParameters<typeof ChatEngine>[0]['options']> = {},
  store = new MemoryStore(),
) {
  const e = new ChatEngine({
    store,
    persona: ana,
    profile: buildChatProfile(ana.data),
    systemPrompt: 'You are Ana.',
    active: { provider, model: 'gpt-4o-mini' },
    options: { temperature: 0.7, maxOutputTokens: 321, ...extra },
  });
  return { e, store };
}

async function drain(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

describe('ChatEngine', () => {
  it('streams deltas and saves the user message and the reply with usage and cost', async () => {
    const provider = new ScriptedProvider().reply('Hello there friend', { inputTokens: 1_000_000, outputTokens: 1_000_000 });
    const { e, store } = engine(provider);
    const events = await drain(e.send('Hi Ana'));
    expect(events.map((ev) => ev.type)).toEqual(['start', 'delta', 'delta', 'delta', 'usage', 'done']);
    const [user, reply] = store.messages;
    expect(user).toMatchObject({ role: 'user', content: 'Hi Ana', seq: 1, inputMode: 'typed', status: 'complete' });
    expect(reply).toMatchObject({
      role: 'persona',
      content: 'Hello there friend',
      seq: 2,
      status: 'complete',
      provider: 'openai',
      model: 'gpt-4o-mini',
      inputTokens: 1_000_000,
      outputTokens: 1_000_000,
    });
    // gpt-4o-mini: $0.15 in + $0.60 out per million.
    expect(reply!.costUsd).toBeCloseTo(0.75, 5);
    expect(reply!.latencyFirstTokenMs).not.toBeNull();
  });

  it('sends the system prompt, history, temperature and max tokens the options say', async () => {
    const provider = new ScriptedProvider().reply('one').reply('two');
    const { e } = engine(provider);
    await drain(e.send('first'));
    await drain(e.send('second'));
    const req = provider.requests[1]!;
    expect(req.system).toBe('You are Ana.');
    expect(req.temperature).toBe(0.7);
    expect(req.maxOutputTokens).toBe(321);
    expect(req.messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'persona', content: 'one' },
      { role: 'user', content: 'second' },
    ]);
  });

  it('saves the greeting the chat showed as the first message, at no cost, and never sends it as a turn', async () => {
    const provider = new ScriptedProvider().reply('one').reply('two');
    const { e, store } = engine(provider, {
      opening: '  Twenty minutes. Go.  ',
      contextFor: (turns) => (turns.some((t) => t.role === 'persona') ? undefined : 'opened with a greeting'),
    });
    expect(e.opening).toBe('Twenty minutes. Go.');
    await drain(e.send('first'));
    expect(e.opening).toBeUndefined();
    await drain(e.send('second'));
    expect(store.messages.map((m) => [m.seq, m.role, m.content])).toEqual([
      [1, 'persona', 'Twenty minutes. Go.'],
      [2, 'user', 'first'],
      [3, 'persona', 'one'],
      [4, 'user', 'second'],
      [5, 'persona', 'two'],
    ]);
    expect(store.messages[0]).toMatchObject({
      provider: null,
      model: null,
      inputMode: null,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      status: 'complete',
    });
    expect(provider.requests[0]!.messages).toEqual([{ role: 'user', content: 'first' }]);
    expect(provider.requests[0]!.system).toContain('opened with a greeting');
    expect(provider.requests[1]!.messages).toEqual([
      { role: 'user', content: 'first' },
      { role: 'persona', content: 'one' },
      { role: 'user', content: 'second' },
    ]);
    expect(provider.requests[1]!.system).not.toContain('opened with a greeting');
  });

  it('adds no greeting to a session it continues', async () => {
    const store = new MemoryStore();
    const first = engine(new ScriptedProvider().reply('one'), {}, store);
    await drain(first.e.send('first'));
    const reopened = new ChatEngine({
      store,
      persona: ana,
      profile: buildChatProfile(ana.data),
      systemPrompt: 'You are Ana.',
      active: { provider: new ScriptedProvider().reply('two'), model: 'gpt-4o-mini' },
      options: { temperature: 0.7, maxOutputTokens: 321, opening: 'Hello again.' },
      session: first.e.session,
    });
    expect(reopened.opening).toBeUndefined();
    await drain(reopened.send('second'));
    expect(store.messages.map((m) => m.content)).toEqual(['first', 'one', 'second', 'two']);
  });

  it('windows the history to the last N messages', async () => {
    const provider = new ScriptedProvider();
    for (let i = 0; i < 6; i++) provider.reply(`r${i}`);
    const { e } = engine(provider, { window: { maxMessages: 4, maxTokens: 10_000 } });
    for (let i = 0; i < 6; i++) await drain(e.send(`q${i}`));
    expect(provider.requests[5]!.messages.map((m) => m.content)).toEqual(['q3', 'r3', 'q4', 'r4', 'q5']);
  });

  it('keeps the user message and records the error when the provider fails', async () => {
    const provider = new ScriptedProvider().fail('overloaded', 'the provider is overloaded (529)');
    const { e, store } = engine(provider);
    const events = await drain(e.send('are you there?'));
    const last = events.at(-1)!;
    expect(last.type).toBe('error');
    expect(store.messages[0]).toMatchObject({ role: 'user', content: 'are you there?' });
    expect(store.messages[1]).toMatchObject({ role: 'persona', status: 'error', error: 'the provider is overloaded (529)' });
    expect(store.events.some((ev) => ev.kind === 'provider_error' && ev.data?.kind === 'overloaded')).toBe(true);
  });

  it('answers with the fallback provider when the chosen one fails, labelled as fallback', async () => {
    const failing = new ScriptedProvider('openai').fail('unreachable', 'cannot reach api.openai.com');
    const offline = new ScriptedProvider('offline').reply('offline answer');
    const { e, store } = engine(failing, { fallback: { provider: offline, model: 'persona-offline-1' } });
    const events = await drain(e.send('hello'));
    expect(events.map((ev) => ev.type)).toContain('fallback');
    expect(events.at(-1)!.type).toBe('done');
    expect(store.messages[1]).toMatchObject({ content: 'offline answer', provider: 'offline', fallback: true, status: 'complete' });
  });

  it('saves a partial reply marked interrupted when the signal aborts', async () => {
    const provider = new ScriptedProvider().hangAfter('I was saying ');
    const { e, store } = engine(provider);
    const controller = new AbortController();
    const events: ChatEvent[] = [];
    for await (const ev of e.send('tell me', { signal: controller.signal })) {
      events.push(ev);
      if (ev.type === 'delta') controller.abort();
    }
    expect(events.at(-1)).toMatchObject({ type: 'done', finishReason: 'interrupted' });
    expect(store.messages[1]).toMatchObject({ content: 'I was saying ', status: 'interrupted' });
  });

  it('ends a superseded reply stream with done, its partial reply saved as interrupted', async () => {
    const provider = new ScriptedProvider().hangAfter('I was saying ').reply('new answer');
    const { e, store } = engine(provider);
    const controller = new AbortController();
    const first = e.send('tell me', { signal: controller.signal });
    const firstEvents: ChatEvent[] = [];
    for (;;) {
      const next = await first.next();
      if (next.done) break;
      firstEvents.push(next.value);
      if (next.value.type === 'delta') break;
    }
    // A second turn starts (the user sent again) before the first stream has finished.
    controller.abort();
    const rest = (async () => {
      for await (const ev of first) firstEvents.push(ev);
    })();
    const second = await drain(e.send('never mind'));
    await rest;
    expect(second.at(-1)).toMatchObject({ type: 'done', finishReason: 'stop' });
    const ends = firstEvents.filter((ev) => ev.type === 'done' || ev.type === 'error');
    expect(ends).toHaveLength(1);
    expect(firstEvents.at(-1)).toMatchObject({ type: 'done', finishReason: 'interrupted' });
    expect(store.messages.find((m) => m.content === 'I was saying ')).toMatchObject({ status: 'interrupted' });
  });

  it('retry regenerates the last reply and later turns see only the newest reply', async () => {
    const provider = new ScriptedProvider().reply('first try').reply('second try').reply('ok');
    const { e, store } = engine(provider);
    await drain(e.send('question'));
    await drain(e.retry());
    expect(provider.requests[1]!.messages).toEqual([{ role: 'user', content: 'question' }]);
    expect(store.messages.map((m) => m.content)).toEqual(['question', 'first try', 'second try']);
    await drain(e.send('next'));
    expect(provider.requests[2]!.messages.map((m) => m.content)).toEqual(['question', 'second try', 'next']);
  });

  it('gives each retry of a message the next seed, so a seeded engine answers differently', async () => {
    const provider = new ScriptedProvider().reply('a').reply('b').reply('c');
    const { e } = engine(provider, { seed: 40 });
    await drain(e.send('question'));
    await drain(e.retry());
    await drain(e.retry());
    expect(provider.requests.map((r) => r.seed)).toEqual([40, 41, 42]);
  });

  it('titles a session with its first message, cut at a word with an ellipsis', () => {
    expect(sessionTitle('  How does your\nteam close the books?  ')).toBe('How does your team close the books?');
    const long = sessionTitle('How does your team close the books each month today and who signs off on the final numbers every time?')!;
    expect(long.endsWith('…')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long).toBe('How does your team close the books each month today and who signs off on the…');
    expect(sessionTitle('   ')).toBeNull();
  });

  it('records unknown cost as null, never zero', async () => {
    const provider = new ScriptedProvider().reply('hi');
    const { e, store } = engine(provider);
    e.setProvider({ provider, model: 'some-local-llama' });
    await drain(e.send('hey'));
    expect(store.messages[1]!.costUsd).toBeNull();
    expect(store.messages[1]!.inputTokens).toBe(100);
  });

  it('starts one session on the first message and reuses it', async () => {
    const provider = new ScriptedProvider().reply('a').reply('b');
    const { e, store } = engine(provider);
    await drain(e.send('one'));
    await drain(e.send('two'));
    expect(store.sessions.size).toBe(1);
    expect([...store.sessions.values()][0]).toMatchObject({ personaId: 'ana', title: 'one', provider: 'openai' });
    expect(store.snapshots.size).toBe(1);
  });
});
