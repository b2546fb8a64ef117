import { describe, expect, it } from 'vitest';
import { personaReply, startSession, tickingClock, userMessage } from './fixtures.js';
import type { StoreFactory } from './store-factory.js';

/** What the engine and a reopened chat read: the tail of a session, its totals, the day's spend, events. */
export function historyReadBehaviour(freshStore: StoreFactory): void {
  describe('recentMessages, replyTotals and spentSince', () => {
    it('returns the last messages oldest first with the session total', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      const sent = [];
      for (let i = 1; i <= 5; i++) sent.push(await store.appendMessage(userMessage(session.id, `message ${i}`)));
      const recent = await store.recentMessages(session.id, 2);
      expect(recent).toEqual({ messages: sent.slice(3), total: 5 });
      expect(await store.recentMessages(session.id, 0)).toEqual({ messages: [], total: 5 });
      expect(await store.recentMessages(session.id, 50)).toEqual({ messages: sent, total: 5 });
    });

    it('sums the replies of a session, leaving out greetings and user messages', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      await store.appendMessage({ ...personaReply(session.id, 'Hello! (greeting)'), provider: null, costUsd: null });
      await store.appendMessage(userMessage(session.id, 'q'));
      await store.appendMessage(personaReply(session.id, 'a1', { inputTokens: 100, outputTokens: 10, costUsd: 0.25 }));
      await store.appendMessage(personaReply(session.id, 'a2', { inputTokens: 50, outputTokens: 5, costUsd: null }));
      expect(await store.replyTotals(session.id)).toEqual({
        inputTokens: 150,
        outputTokens: 15,
        costUsd: 0.25,
        costIncomplete: true,
        replies: 2,
      });
    });

    it('adds up what replies cost from a moment on, across sessions', async () => {
      const store = await freshStore({ now: tickingClock() });
      const one = await startSession(store);
      const two = await startSession(store, 'tom', 'Tom');
      const early = await store.appendMessage(personaReply(one.id, 'early', { costUsd: 1 }));
      await store.appendMessage(personaReply(one.id, 'later', { costUsd: 0.5 }));
      await store.appendMessage(personaReply(two.id, 'elsewhere', { costUsd: 0.25 }));
      expect(await store.spentSince('2000-01-01T00:00:00.000Z')).toBeCloseTo(1.75);
      expect(await store.spentSince(new Date(Date.parse(early.createdAt) + 1).toISOString())).toBeCloseTo(0.75);
      expect(await store.spentSince('2999-01-01T00:00:00.000Z')).toBe(0);
    });

    it('links a kept recording to its message, and says when there is no such message', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      const message = await store.appendMessage(userMessage(session.id, 'spoken'));
      expect(await store.attachAudio(message.id, '/tmp/audio.wav')).toBe(true);
      expect(await store.attachAudio('missing', '/tmp/audio.wav')).toBe(false);
    });
  });

  describe('usageStats', () => {
    it('counts sessions, messages, tokens and cost, per persona and model', async () => {
      const store = await freshStore({ now: tickingClock() });
      const maria = await startSession(store);
      const tom = await startSession(store, 'tom', 'Tom');
      await store.appendMessage(userMessage(maria.id, 'q1'));
      await store.appendMessage(personaReply(maria.id, 'a1', { inputTokens: 100, outputTokens: 10, costUsd: 0.5 }));
      await store.appendMessage(userMessage(tom.id, 'q2'));
      await store.appendMessage(personaReply(tom.id, 'a2', { inputTokens: 20, outputTokens: 2, costUsd: 0.25 }));
      await store.recordEvent({
        kind: 'provider_error',
        sessionId: tom.id,
        personaId: 'tom',
        data: { kind: 'rate_limit', status: 429, provider: 'openai' },
      });

      const all = await store.usageStats();
      expect(all).toMatchObject({ sessions: 2, messages: 4, userMessages: 2, inputTokens: 120, outputTokens: 12 });
      expect(all.costUsd).toBeCloseTo(0.75);
      expect(all.personas.map((p) => [p.personaId, p.sessions, p.messages]).sort()).toEqual([
        ['maria-lopez', 1, 2],
        ['tom', 1, 2],
      ]);
      expect(all.models).toMatchObject([{ provider: 'openai', model: 'gpt-4o-mini', replies: 2, failed: 0 }]);
      expect(all.errors.rateLimitHits.provider).toBe(1);

      const toms = await store.usageStats({ personaId: 'tom' });
      expect(toms).toMatchObject({ sessions: 1, messages: 2, inputTokens: 20 });
      expect((await store.usageStats({ since: '2999-01-01T00:00:00.000Z' })).messages).toBe(0);
    });
  });
}
