import { describe, expect, it } from 'vitest';
import { ChatEngine } from '../../src/chat/engine.js';
import type { ChatEvent } from '../../src/chat/events.js';
import { LimitError, WaitCancelledError } from '../../src/chat/limits/limit-error.js';
import { SessionRateLimit } from '../../src/chat/limits/rate-limit.js';
import { DEFAULT_LIMITS, resolveLimits, type LimitSettings } from '../../src/chat/limits/settings.js';
import { extractiveSummary } from '../../src/chat/limits/summary.js';
import { MemoryStore } from '../../src/chat/memory-store.js';
import { ExitCode } from '../../src/core/errors.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { persona } from '../persona/fixtures.js';
import { ScriptedProvider } from './scripted-provider.js';

const ana = persona({ name: 'Ana' }, 'ana');
const OFF: LimitSettings = { messagesPerMinute: 0, maxTurns: 0, contextTokens: 0, sessionBudgetUsd: 0, dailyBudgetUsd: 0 };
/** gpt-4o-mini: $0.15 + $0.60 = $0.75 for a million tokens each way. */
const DEAR = { inputTokens: 1_000_000, outputTokens: 1_000_000 };

function engine(
  provider: ScriptedProvider,
  limits: Partial<LimitSettings>,
  store = new MemoryStore(),
  overBudget = false,
  session?: ChatEngine['session'],
) {
  return new ChatEngine({
    session,
    store,
    persona: ana,
    profile: buildChatProfile(ana.data),
    systemPrompt: 'You are Ana.',
    active: { provider, model: provider.name === 'offline' ? 'persona-offline-1' : 'gpt-4o-mini' },
    options: { temperature: 0.7, maxOutputTokens: 100, limits: { ...OFF, ...limits }, overBudget },
  });
}

async function drain(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const out: ChatEvent[] = [];
  for await (const event of events) out.push(event);
  return out;
}

async function refusal(events: AsyncIterable<ChatEvent>): Promise<LimitError> {
  const error = await drain(events).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LimitError);
  return error as LimitError;
}

const notices = (events: ChatEvent[]) => events.flatMap((e) => (e.type === 'notice' ? [e] : []));

describe('limit settings', () => {
  it('default to 10 messages a minute and fill in what the config leaves out', async () => {
    expect(DEFAULT_LIMITS.messagesPerMinute).toBe(10);
    expect(resolveLimits({ messagesPerMinute: 0, dailyBudgetUsd: 2 })).toEqual({
      ...DEFAULT_LIMITS,
      messagesPerMinute: 0,
      dailyBudgetUsd: 2,
    });
  });
});

describe('SessionRateLimit', () => {
  it('lets N messages through a minute and says when the next may go, from the stored log', async () => {
    const limit = new SessionRateLimit(3);
    const now = 1_000_000;
    expect(limit.waitMs([now - 50_000, now - 10_000], now)).toBe(0);
    // Three in the last minute: the next may go when the oldest of them is a minute old.
    expect(limit.waitMs([now - 50_000, now - 10_000, now - 5_000], now)).toBe(10_000);
    expect(limit.waitMs([now - 70_000, now - 10_000, now - 5_000], now)).toBe(0);
  });

  it("paces one process with the limiter's token bucket even before anything is stored", async () => {
    const limit = new SessionRateLimit(2);
    limit.take();
    limit.take();
    const wait = limit.waitMs([]);
    expect(wait).toBeGreaterThan(29_000);
    expect(wait).toBeLessThanOrEqual(30_000);
  });
});

describe('the engine enforces the rate limit', () => {
  it('with noWait refuses the message over the limit: nothing saved, the violation recorded', async () => {
    const provider = new ScriptedProvider().reply('one').reply('two');
    const store = new MemoryStore();
    const e = engine(provider, { messagesPerMinute: 2 }, store);
    await drain(e.send('first'));
    await drain(e.send('second'));
    const error = await refusal(e.send('third', { noWait: true }));
    expect(error.limit).toBe('rate');
    expect(error.exitCode).toBe(ExitCode.limit);
    expect(error.message).toMatch(/2 messages a minute.*next one may go in \d+\.\d s/);
    expect(store.messages.map((m) => m.content)).toEqual(['first', 'one', 'second', 'two']);
    expect(store.events.filter((ev) => ev.kind === 'rate_limited')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ perMinute: 2, waited: false }) }),
    ]);
    expect(provider.requests).toHaveLength(2);
  });

  it('otherwise announces the wait in a notice and waits; cancelling the wait sends nothing', async () => {
    const provider = new ScriptedProvider().reply('one');
    const store = new MemoryStore();
    const e = engine(provider, { messagesPerMinute: 1 }, store);
    await drain(e.send('first'));
    const controller = new AbortController();
    const seen: ChatEvent[] = [];
    const outcome = (async () => {
      for await (const event of e.send('second', { signal: controller.signal })) {
        seen.push(event);
        if (event.type === 'notice') controller.abort();
      }
    })();
    await expect(outcome).rejects.toBeInstanceOf(WaitCancelledError);
    expect(seen).toEqual([expect.objectContaining({ type: 'notice', kind: 'rate_limited', waitMs: expect.any(Number) })]);
    expect((seen[0] as { waitMs: number }).waitMs).toBeGreaterThan(59_000);
    expect(store.messages).toHaveLength(2);
  });

  it('counts messages another process stored in the same session (a fresh engine, a shared store)', async () => {
    const store = new MemoryStore();
    const first = engine(new ScriptedProvider().reply('a').reply('b'), { messagesPerMinute: 2 }, store);
    await drain(first.send('one'));
    await drain(first.send('two'));
    const other = engine(new ScriptedProvider(), { messagesPerMinute: 2 }, store, false, first.session);
    expect((await refusal(other.send('three', { noWait: true }))).limit).toBe('rate');
  });

  it('does not limit the offline engine (local and free)', async () => {
    const provider = new ScriptedProvider('offline').reply('a').reply('b').reply('c');
    const e = engine(provider, { messagesPerMinute: 1 });
    for (const text of ['one', 'two', 'three']) expect((await drain(e.send(text, { noWait: true }))).at(-1)?.type).toBe('done');
  });
});

describe('conversation limits', () => {
  it('refuses a turn past maxTurns and says how to go on', async () => {
    const store = new MemoryStore();
    const e = engine(new ScriptedProvider().reply('a').reply('b'), { maxTurns: 2 }, store);
    await drain(e.send('one'));
    await drain(e.send('two'));
    const error = await refusal(e.send('three'));
    expect(error).toMatchObject({ limit: 'turns', message: 'this conversation has reached its limit of 2 turns' });
    expect(error.hint).toMatch(/\/reset.*summary: persona ask --carry-over/);
    expect(store.messages).toHaveLength(4);
    expect(store.events.at(-1)).toMatchObject({ kind: 'limit_reached', data: { limit: 'turns' } });
  });

  it('refuses a message that would take the conversation past its context budget', async () => {
    const e = engine(new ScriptedProvider().reply('short'), { contextTokens: 50 });
    await drain(e.send('hello'));
    // 48 tokens: fits on its own, not after the conversation so far.
    const error = await refusal(e.send('x'.repeat(190)));
    expect(error.limit).toBe('context');
    expect(error.message).toMatch(/context budget of 50 tokens/);
  });

  it('a message too long on its own says so: starting afresh would not help', async () => {
    const e = engine(new ScriptedProvider(), { contextTokens: 50 });
    const error = await refusal(e.send('x'.repeat(400)));
    expect(error.limit).toBe('context');
    expect(error.message).toBe('the message is too long (about 100 tokens; the context budget is 50)');
    expect(error.hint).toMatch(/shorten it/);
  });
});

describe('spending budgets', () => {
  it('warns at 80%, stops at 100%, and --over-budget sends anyway', async () => {
    const provider = new ScriptedProvider().reply('a', DEAR).reply('b', DEAR).reply('c', DEAR);
    const store = new MemoryStore();
    const e = engine(provider, { sessionBudgetUsd: 0.9 }, store);
    expect(notices(await drain(e.send('one')))).toEqual([]);
    // $0.75 of $0.90 spent: 83%.
    expect(notices(await drain(e.send('two')))).toEqual([
      expect.objectContaining({ kind: 'budget_warning', text: '$0.75 of the session budget of $0.90 is spent (83%)' }),
    ]);
    const error = await refusal(e.send('three'));
    expect(error).toMatchObject({
      limit: 'session_budget',
      message: 'the session budget of $0.90 is spent ($1.50 so far); nothing was sent',
    });
    expect(error.hint).toContain('--over-budget');
    expect(store.messages.filter((m) => m.role === 'user')).toHaveLength(2);

    const override = engine(provider, { sessionBudgetUsd: 0.9 }, store, true, e.session);
    const events = await drain(override.send('three'));
    expect(notices(events)[0]).toMatchObject({ kind: 'budget_overridden' });
    expect(events.at(-1)?.type).toBe('done');
    expect(store.events.map((ev) => ev.kind)).toEqual(expect.arrayContaining(['budget_warning', 'limit_reached', 'budget_overridden']));
  });

  it('counts the daily budget across sessions', async () => {
    const store = new MemoryStore();
    await drain(engine(new ScriptedProvider().reply('a', DEAR), { dailyBudgetUsd: 0.7 }, store).send('one'));
    const fresh = engine(new ScriptedProvider().reply('b'), { dailyBudgetUsd: 0.7 }, store);
    expect((await refusal(fresh.send('two'))).limit).toBe('daily_budget');
  });

  it('does not hold back the offline engine, which spends nothing, once a paid model spent the budgets', async () => {
    const store = new MemoryStore();
    const paid = engine(new ScriptedProvider().reply('a', DEAR), { sessionBudgetUsd: 0.7, dailyBudgetUsd: 0.7 }, store);
    await drain(paid.send('one'));
    const offline = engine(
      new ScriptedProvider('offline').reply('b'),
      { sessionBudgetUsd: 0.7, dailyBudgetUsd: 0.7 },
      store,
      false,
      paid.session,
    );
    const events = await drain(offline.send('two'));
    expect(notices(events)).toEqual([]);
    expect(events.at(-1)?.type).toBe('done');
    // A paid model in the same session is still refused.
    const again = engine(new ScriptedProvider().reply('c'), { sessionBudgetUsd: 0.7 }, store, false, paid.session);
    expect((await refusal(again.send('three'))).limit).toBe('session_budget');
  });
});

describe('continuing from a summary', () => {
  it('offline: a new session opens with a deterministic extractive summary of the old one', async () => {
    const store = new MemoryStore();
    const e = engine(
      new ScriptedProvider('offline').reply('I run the numbers first. Then I decide.').reply('Forty dollars is fine.'),
      { maxTurns: 2 },
      store,
    );
    await drain(e.send('How do you choose software?'));
    await drain(e.send('Would you pay $40?'));
    const old = e.session!;
    const next = await e.continueWithSummary();
    expect(next.id).not.toBe(old.id);
    const opening = await store.listMessages(next.id);
    expect(opening).toHaveLength(1);
    expect(opening[0]!.content).toBe(
      `Summary of our earlier conversation (session ${old.id}), to continue from:\n` +
        '- You asked: How do you choose software?\n  Ana said: I run the numbers first. Then I decide.\n- You asked: Would you pay $40?\n  Ana said: Forty dollars is fine.',
    );
    expect(store.events.at(-1)).toMatchObject({ kind: 'session_continued', sessionId: next.id, data: { fromSessionId: old.id } });
  });

  it('live: the model writes the summary; if it fails, the extractive one is used', async () => {
    const provider = new ScriptedProvider().reply('Hello.').reply('She liked the price.').reply('Again.').fail();
    const store = new MemoryStore();
    const e = engine(provider, {}, store);
    await drain(e.send('Hi'));
    const next = await e.continueWithSummary();
    expect((await store.listMessages(next.id))[0]!.content).toMatch(/to continue from:\nShe liked the price\.$/);
    expect(provider.requests[1]!.messages.at(-1)!.content).toMatch(/^Summarize our conversation/);
    await drain(e.send('Again?'));
    const third = await e.continueWithSummary();
    expect((await store.listMessages(third.id))[0]!.content).toContain('- You asked: Again?');
  });

  it('keeps the newest turns when the summary must be cut', async () => {
    const turns = Array.from({ length: 200 }, (_, i) => ({
      role: i % 2 ? ('persona' as const) : ('user' as const),
      content: `Turn number ${i} here.`,
    }));
    const summary = extractiveSummary(turns, 'Ana', 100);
    expect(summary).toMatch(/^\(200 messages; the earliest \d+ are left out\)/);
    expect(summary).toContain('Turn number 199 here.');
    expect(summary).not.toContain('Turn number 0 here.');
  });
});
