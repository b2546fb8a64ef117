import { describe, expect, it } from 'vitest';
import { StoreError, UsageError } from '../../../src/core/errors.js';
import { personaReply, snapshotInput, startSession, tickingClock, userMessage } from './fixtures.js';
import type { StoreFactory } from './store-factory.js';

/** Snapshots, sessions, messages, summaries, id prefixes, transcripts and deletion. */
export function sessionBehaviour(freshStore: StoreFactory): void {
  describe('snapshots', () => {
    it('deduplicates by content hash: the same persona saved twice is one row', async () => {
      const store = await freshStore();
      const first = await store.saveSnapshot(snapshotInput());
      const second = await store.saveSnapshot({ ...snapshotInput(), systemPrompt: 'a later prompt' });
      expect(second.id).toBe(first.id);
      expect(second.systemPrompt).toBe('You are Maria Lopez.');
      expect((await store.saveSnapshot(snapshotInput('tom', 'Tom'))).id).not.toBe(first.id);
    });

    it('reads persona and chat profile JSON back as values', async () => {
      const store = await freshStore();
      const saved = await store.saveSnapshot(snapshotInput());
      expect(await store.getSnapshot(saved.id)).toEqual({
        ...snapshotInput(),
        id: saved.id,
        createdAt: saved.createdAt,
      });
      expect(await store.getSnapshot('missing')).toBeUndefined();
    });
  });

  describe('sessions and messages', () => {
    it('numbers messages 1, 2, 3 in order and returns exactly what it stored', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      const a = await store.appendMessage(userMessage(session.id, 'Hello'));
      const b = await store.appendMessage(personaReply(session.id, 'Hi there', { fallback: true }));
      const c = await store.appendMessage(userMessage(session.id, 'How are you?'));
      expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
      expect(await store.listMessages(session.id)).toEqual([a, b, c]);
      expect((await store.listMessages(session.id))[1]?.fallback).toBe(true);
    });

    it('keeps each session numbered on its own', async () => {
      const store = await freshStore();
      const one = await startSession(store);
      const two = await startSession(store);
      await store.appendMessage(userMessage(one.id, 'a'));
      await store.appendMessage(userMessage(one.id, 'b'));
      expect((await store.appendMessage(userMessage(two.id, 'c'))).seq).toBe(1);
    });

    it('bumps the session last-active time when a message is appended', async () => {
      const store = await freshStore({ now: tickingClock() });
      const session = await startSession(store);
      const message = await store.appendMessage(userMessage(session.id, 'Hello'));
      expect((await store.getSession(session.id))?.lastActiveAt).toBe(message.createdAt);
      expect(message.createdAt > session.startedAt).toBe(true);
    });

    it('refuses a message for a session that no longer exists with a StoreError', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      await store.deleteSession(session.id);
      await expect(store.appendMessage(userMessage(session.id, 'late'))).rejects.toThrow(StoreError);
    });

    it('refuses a session whose snapshot is not stored', async () => {
      const store = await freshStore();
      await expect(
        store.createSession({ personaId: 'x', snapshotId: 'nope', userId: 'u', provider: 'offline', model: 'm', title: null }),
      ).rejects.toThrow(StoreError);
    });

    it('deletes a session with its messages and events, leaving other sessions alone', async () => {
      const store = await freshStore();
      const doomed = await startSession(store);
      const kept = await startSession(store);
      await store.appendMessage(userMessage(doomed.id, 'bye'));
      await store.appendMessage(userMessage(kept.id, 'stay'));
      await store.recordEvent({ kind: 'chat.started', sessionId: doomed.id, data: { provider: 'openai' } });

      expect(await store.deleteSession(doomed.id)).toBe(true);
      expect(await store.getSession(doomed.id)).toBeUndefined();
      expect(await store.listMessages(doomed.id)).toEqual([]);
      expect(await store.listMessages(kept.id)).toHaveLength(1);
      expect(await store.getTranscript(doomed.id)).toBeUndefined();
      expect((await store.listSessions()).map((s) => s.id)).toEqual([kept.id]);
      expect(await store.deleteSession(doomed.id)).toBe(false);
    });

    it('sets and clears a title', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      expect(await store.setSessionTitle(session.id, 'Pricing interview')).toBe(true);
      expect((await store.getSession(session.id))?.title).toBe('Pricing interview');
      await store.setSessionTitle(session.id, null);
      expect((await store.getSession(session.id))?.title).toBeNull();
      expect(await store.setSessionTitle('missing', 'x')).toBe(false);
    });
  });

  describe('session summaries', () => {
    it('lists the most recently active first, filtered by persona and limited', async () => {
      const store = await freshStore({ now: tickingClock() });
      const older = await startSession(store, 'maria', 'Maria');
      const other = await startSession(store, 'tom', 'Tom');
      const newer = await startSession(store, 'maria', 'Maria');
      await store.appendMessage(userMessage(older.id, 'revived')); // now the most recent

      expect((await store.listSessions()).map((s) => s.id)).toEqual([older.id, newer.id, other.id]);
      expect((await store.listSessions({ personaId: 'maria' })).map((s) => s.id)).toEqual([older.id, newer.id]);
      expect((await store.listSessions({ limit: 1 })).map((s) => s.id)).toEqual([older.id]);
      expect((await store.latestSession())?.id).toBe(older.id);
      expect((await store.latestSession('tom'))?.id).toBe(other.id);
      expect(await store.latestSession('nobody')).toBeUndefined();
      // The same sessions found without their totals (what `chat --continue` opens with).
      expect(await store.latestSessionRecord()).toEqual(await store.getSession(older.id));
      expect(await store.latestSessionRecord('tom')).toEqual(await store.getSession(other.id));
      expect(await store.latestSessionRecord('nobody')).toBeUndefined();
    });

    it('totals tokens and cost and names the persona', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      await store.appendMessage(userMessage(session.id, 'q1'));
      await store.appendMessage(personaReply(session.id, 'a1', { inputTokens: 100, outputTokens: 10, costUsd: 0.25 }));
      await store.appendMessage(personaReply(session.id, 'a2', { inputTokens: 200, outputTokens: 20, costUsd: 0.5 }));
      const summary = await store.getSessionSummary(session.id);
      expect(summary).toMatchObject({ personaName: 'Maria Lopez', messageCount: 3, inputTokens: 300, outputTokens: 30, costUsd: 0.75 });
    });

    it('reports the cost as unknown (null), not a smaller number, when one reply has no price', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      await store.appendMessage(personaReply(session.id, 'priced', { costUsd: 0.5 }));
      await store.appendMessage(personaReply(session.id, 'unpriced', { costUsd: null }));
      expect((await store.getSessionSummary(session.id))?.costUsd).toBeNull();
      expect((await store.listSessions())[0]?.costUsd).toBeNull();
    });

    it('does not let user turns or failed requests make the cost unknown', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      await store.appendMessage(userMessage(session.id, 'q'));
      await store.appendMessage(personaReply(session.id, 'ok', { costUsd: 0.5 }));
      await store.appendMessage(
        personaReply(session.id, '', { status: 'error', error: 'HTTP 401', inputTokens: null, outputTokens: null, costUsd: null }),
      );
      expect((await store.getSessionSummary(session.id))?.costUsd).toBe(0.5);
    });

    it('reports zero, not unknown, for a session with nothing spent yet', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      expect(await store.getSessionSummary(session.id)).toMatchObject({ messageCount: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 });
    });
  });

  describe('findSession', () => {
    it('finds by full id, by unique prefix, and case-insensitively', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      expect((await store.findSession(session.id))?.id).toBe(session.id);
      expect((await store.findSession(session.id.slice(0, 14)))?.id).toBe(session.id);
      expect((await store.findSession(` ${session.id.slice(0, 14).toUpperCase()} `))?.id).toBe(session.id);
    });

    it('returns undefined when nothing matches, including for characters an id cannot have', async () => {
      const store = await freshStore();
      await startSession(store);
      expect(await store.findSession('zzzz')).toBeUndefined();
      expect(await store.findSession('*')).toBeUndefined();
      expect(await store.findSession("' OR 1 --")).toBeUndefined();
      expect(await store.findSession('')).toBeUndefined();
    });

    it('throws a UsageError listing candidates when the prefix is ambiguous', async () => {
      const store = await freshStore({ now: () => new Date('2025-03-01T10:00:00.000Z') });
      const a = await startSession(store);
      const b = await startSession(store);
      // Same millisecond: the ids share their 10-character time part.
      const prefix = a.id.slice(0, 10);
      expect(b.id.startsWith(prefix)).toBe(true);
      let thrown: unknown;
      try {
        await store.findSession(prefix);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(UsageError);
      expect((thrown as UsageError).message).toContain('matches 2 sessions');
      expect((thrown as UsageError).hint).toContain(a.id);
      expect((thrown as UsageError).hint).toContain(b.id);
    });
  });

  describe('getTranscript', () => {
    it('gathers the summary, the snapshot and the messages of one session', async () => {
      const store = await freshStore();
      const session = await startSession(store);
      const message = await store.appendMessage(userMessage(session.id, 'Hello'));
      const transcript = await store.getTranscript(session.id);
      expect(transcript?.session.id).toBe(session.id);
      expect(transcript?.snapshot?.id).toBe(session.snapshotId);
      expect(transcript?.messages).toEqual([message]);
      expect(await store.getTranscript('missing')).toBeUndefined();
    });
  });
}
