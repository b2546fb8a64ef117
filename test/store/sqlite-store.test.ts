import { describe, expect, it } from 'vitest';
import { StoreError, UsageError } from '../../src/core/errors.js';
import { freshStore, personaReply, rawConnection, snapshotInput, startSession, tickingClock, userMessage } from './helpers/fixtures.js';

describe('snapshots', () => {
  it('deduplicates by content hash: the same persona saved twice is one row', () => {
    const store = freshStore();
    const first = store.saveSnapshot(snapshotInput());
    const second = store.saveSnapshot({ ...snapshotInput(), systemPrompt: 'a later prompt' });
    expect(second.id).toBe(first.id);
    expect(second.systemPrompt).toBe('You are Maria Lopez.');
    expect(store.saveSnapshot(snapshotInput('tom', 'Tom')).id).not.toBe(first.id);
  });

  it('reads persona and chat profile JSON back as values', () => {
    const store = freshStore();
    const saved = store.saveSnapshot(snapshotInput());
    expect(store.getSnapshot(saved.id)).toEqual({
      ...snapshotInput(),
      id: saved.id,
      createdAt: saved.createdAt,
    });
    expect(store.getSnapshot('missing')).toBeUndefined();
  });

  it('reads a damaged JSON column back as null instead of failing the whole history', () => {
    const store = freshStore();
    const saved = store.saveSnapshot(snapshotInput());
    rawConnection(store).prepare("UPDATE persona_snapshots SET persona_json = '{not json' WHERE id = ?").run(saved.id);
    const read = store.getSnapshot(saved.id);
    expect(read?.persona).toBeNull();
    expect(read?.chatProfile).toEqual({ tone: 'warm', verbosity: 'short' });
  });
});

describe('sessions and messages', () => {
  it('numbers messages 1, 2, 3 in order and returns exactly what it stored', () => {
    const store = freshStore();
    const session = startSession(store);
    const a = store.appendMessage(userMessage(session.id, 'Hello'));
    const b = store.appendMessage(personaReply(session.id, 'Hi there', { fallback: true }));
    const c = store.appendMessage(userMessage(session.id, 'How are you?'));
    expect([a.seq, b.seq, c.seq]).toEqual([1, 2, 3]);
    expect(store.listMessages(session.id)).toEqual([a, b, c]);
    expect(store.listMessages(session.id)[1]?.fallback).toBe(true);
  });

  it('keeps each session numbered on its own', () => {
    const store = freshStore();
    const one = startSession(store);
    const two = startSession(store);
    store.appendMessage(userMessage(one.id, 'a'));
    store.appendMessage(userMessage(one.id, 'b'));
    expect(store.appendMessage(userMessage(two.id, 'c')).seq).toBe(1);
  });

  it('bumps the session last-active time when a message is appended', () => {
    const store = freshStore({ now: tickingClock() });
    const session = startSession(store);
    const message = store.appendMessage(userMessage(session.id, 'Hello'));
    expect(store.getSession(session.id)?.lastActiveAt).toBe(message.createdAt);
    expect(message.createdAt > session.startedAt).toBe(true);
  });

  it('refuses a message for a session that no longer exists with a StoreError', () => {
    const store = freshStore();
    const session = startSession(store);
    store.deleteSession(session.id);
    expect(() => store.appendMessage(userMessage(session.id, 'late'))).toThrow(StoreError);
  });

  it('refuses a session whose snapshot is not stored', () => {
    const store = freshStore();
    expect(() =>
      store.createSession({ personaId: 'x', snapshotId: 'nope', userId: 'u', provider: 'offline', model: 'm', title: null }),
    ).toThrow(StoreError);
  });

  it('deletes a session with its messages and events, leaving other sessions alone', () => {
    const store = freshStore();
    const doomed = startSession(store);
    const kept = startSession(store);
    store.appendMessage(userMessage(doomed.id, 'bye'));
    store.appendMessage(userMessage(kept.id, 'stay'));
    store.recordEvent({ kind: 'chat.started', sessionId: doomed.id, data: { provider: 'openai' } });

    expect(store.deleteSession(doomed.id)).toBe(true);
    expect(store.getSession(doomed.id)).toBeUndefined();
    expect(store.listMessages(doomed.id)).toEqual([]);
    expect(store.listMessages(kept.id)).toHaveLength(1);
    const db = rawConnection(store);
    expect(db.prepare('SELECT count(*) AS n FROM messages WHERE session_id = ?').get(doomed.id)).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM events WHERE session_id = ?').get(doomed.id)).toEqual({ n: 0 });
    expect(store.deleteSession(doomed.id)).toBe(false);
  });

  it('sets and clears a title', () => {
    const store = freshStore();
    const session = startSession(store);
    expect(store.setSessionTitle(session.id, 'Pricing interview')).toBe(true);
    expect(store.getSession(session.id)?.title).toBe('Pricing interview');
    store.setSessionTitle(session.id, null);
    expect(store.getSession(session.id)?.title).toBeNull();
    expect(store.setSessionTitle('missing', 'x')).toBe(false);
  });
});

describe('session summaries', () => {
  it('lists the most recently active first, filtered by persona and limited', () => {
    const store = freshStore({ now: tickingClock() });
    const older = startSession(store, 'maria', 'Maria');
    const other = startSession(store, 'tom', 'Tom');
    const newer = startSession(store, 'maria', 'Maria');
    store.appendMessage(userMessage(older.id, 'revived')); // now the most recent

    expect(store.listSessions().map((s) => s.id)).toEqual([older.id, newer.id, other.id]);
    expect(store.listSessions({ personaId: 'maria' }).map((s) => s.id)).toEqual([older.id, newer.id]);
    expect(store.listSessions({ limit: 1 }).map((s) => s.id)).toEqual([older.id]);
    expect(store.latestSession()?.id).toBe(older.id);
    expect(store.latestSession('tom')?.id).toBe(other.id);
    expect(store.latestSession('nobody')).toBeUndefined();
  });

  it('totals tokens and cost and names the persona', () => {
    const store = freshStore();
    const session = startSession(store);
    store.appendMessage(userMessage(session.id, 'q1'));
    store.appendMessage(personaReply(session.id, 'a1', { inputTokens: 100, outputTokens: 10, costUsd: 0.25 }));
    store.appendMessage(personaReply(session.id, 'a2', { inputTokens: 200, outputTokens: 20, costUsd: 0.5 }));
    const summary = store.getSessionSummary(session.id);
    expect(summary).toMatchObject({ personaName: 'Maria Lopez', messageCount: 3, inputTokens: 300, outputTokens: 30, costUsd: 0.75 });
  });

  it('reports the cost as unknown (null), not a smaller number, when one reply has no price', () => {
    const store = freshStore();
    const session = startSession(store);
    store.appendMessage(personaReply(session.id, 'priced', { costUsd: 0.5 }));
    store.appendMessage(personaReply(session.id, 'unpriced', { costUsd: null }));
    expect(store.getSessionSummary(session.id)?.costUsd).toBeNull();
    expect(store.listSessions()[0]?.costUsd).toBeNull();
  });

  it('does not let user turns or failed requests make the cost unknown', () => {
    const store = freshStore();
    const session = startSession(store);
    store.appendMessage(userMessage(session.id, 'q'));
    store.appendMessage(personaReply(session.id, 'ok', { costUsd: 0.5 }));
    store.appendMessage(
      personaReply(session.id, '', { status: 'error', error: 'HTTP 401', inputTokens: null, outputTokens: null, costUsd: null }),
    );
    expect(store.getSessionSummary(session.id)?.costUsd).toBe(0.5);
  });

  it('reports zero, not unknown, for a session with nothing spent yet', () => {
    const store = freshStore();
    const session = startSession(store);
    expect(store.getSessionSummary(session.id)).toMatchObject({ messageCount: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 });
  });
});

describe('findSession', () => {
  it('finds by full id, by unique prefix, and case-insensitively', () => {
    const store = freshStore();
    const session = startSession(store);
    expect(store.findSession(session.id)?.id).toBe(session.id);
    expect(store.findSession(session.id.slice(0, 14))?.id).toBe(session.id);
    expect(store.findSession(` ${session.id.slice(0, 14).toUpperCase()} `)?.id).toBe(session.id);
  });

  it('returns undefined when nothing matches, including for characters an id cannot have', () => {
    const store = freshStore();
    startSession(store);
    expect(store.findSession('zzzz')).toBeUndefined();
    expect(store.findSession('*')).toBeUndefined();
    expect(store.findSession("' OR 1 --")).toBeUndefined();
    expect(store.findSession('')).toBeUndefined();
  });

  it('throws a UsageError listing candidates when the prefix is ambiguous', () => {
    const store = freshStore({ now: () => new Date('2025-03-01T10:00:00.000Z') });
    const a = startSession(store);
    const b = startSession(store);
    // Same millisecond: the ids share their 10-character time part.
    const prefix = a.id.slice(0, 10);
    expect(b.id.startsWith(prefix)).toBe(true);
    let thrown: unknown;
    try {
      store.findSession(prefix);
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
  it('gathers the summary, the snapshot and the messages of one session', () => {
    const store = freshStore();
    const session = startSession(store);
    const message = store.appendMessage(userMessage(session.id, 'Hello'));
    const transcript = store.getTranscript(session.id);
    expect(transcript?.session.id).toBe(session.id);
    expect(transcript?.snapshot?.id).toBe(session.snapshotId);
    expect(transcript?.messages).toEqual([message]);
    expect(store.getTranscript('missing')).toBeUndefined();
  });
});
