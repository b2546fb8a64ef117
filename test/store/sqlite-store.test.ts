import { join } from 'node:path';
import { newOpeningMessage } from '../../src/core/new-message.js';
import { describe, expect, it } from 'vitest';
import { RECOUNT_SESSION_TOTALS_SQL, REPLY_TOTALS_SQL, sessionSummarySql } from '../../src/store/session-queries.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { manualClock } from './behaviour/fixtures.js';
import { freshStore, personaReply, rawConnection, snapshotInput, startSession, tempDir, userMessage } from './helpers/fixtures.js';

// What only the SQLite store has: rows looked at (or damaged) through a second connection to the
// file, and two stores on one file. Its public behaviour is the shared suite (sqlite-behaviour.test.ts).

describe('SqliteStore on its file', () => {
  it('says where it writes', () => {
    const store = freshStore();
    expect(store.location).toEqual({ backend: 'sqlite', where: store.file });
  });

  it('reads a damaged JSON column back as null instead of failing the whole history', async () => {
    const store = freshStore();
    const saved = await store.saveSnapshot(snapshotInput());
    rawConnection(store).prepare("UPDATE persona_snapshots SET persona_json = '{not json' WHERE id = ?").run(saved.id);
    const read = await store.getSnapshot(saved.id);
    expect(read?.persona).toBeNull();
    expect(read?.chatProfile).toEqual({ tone: 'warm', verbosity: 'short' });
  });

  it('deletes a session’s rows in every table: messages, events, participants, the search index', async () => {
    const store = freshStore();
    const doomed = await startSession(store);
    const tom = await store.saveSnapshot(snapshotInput('tom-okafor', 'Tom Okafor'));
    await store.addParticipants(doomed.id, [
      { personaId: 'maria-lopez', snapshotId: doomed.snapshotId },
      { personaId: 'tom-okafor', snapshotId: tom.id },
    ]);
    await store.appendMessage(personaReply(doomed.id, 'pricing matters'));
    await store.recordEvent({ kind: 'chat.started', sessionId: doomed.id, data: {} });
    expect(await store.deleteSession(doomed.id)).toBe(true);
    const db = rawConnection(store);
    for (const table of ['messages', 'events', 'session_participants']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE session_id = ?`).get(doomed.id)).toEqual({ n: 0 });
    }
    expect(() => db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  it('counts the per-user request limit in the file: two stores on it share one allowance', async () => {
    const file = join(tempDir(), 'persona.db');
    const clock = manualClock();
    const one = openStore(file, { now: clock.now });
    const two = openStore(file, { now: clock.now });
    try {
      const waits: number[] = [];
      for (let i = 0; i < 6; i++) {
        waits.push(await one.admitRequest('alice', 10));
        waits.push(await two.admitRequest('alice', 10));
      }
      expect(waits.filter((wait) => wait === 0)).toHaveLength(10);
      expect(waits.slice(10)).toEqual([60_000, 60_000]);
      expect(rawConnection(one).prepare('SELECT count(*) AS n FROM chat_requests').get()).toEqual({ n: 10 });
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('numbers a session’s messages 1, 2, 3… with no gap or repeat while two stores on the file append to it', async () => {
    const file = join(tempDir(), 'persona.db');
    const one = openStore(file);
    const two = openStore(file);
    try {
      const session = await startSession(one);
      const seqs: number[] = [];
      // Each store remembers the last seq it wrote; the other's messages in between must not be overwritten or skipped.
      for (let i = 0; i < 4; i++) {
        seqs.push((await one.appendMessage(userMessage(session.id, `one ${i}`))).seq);
        seqs.push((await one.appendMessage(personaReply(session.id, `one reply ${i}`))).seq);
        seqs.push((await two.appendMessage(userMessage(session.id, `two ${i}`))).seq);
      }
      expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      const stored = await two.listMessages(session.id);
      expect(stored.map((m) => [m.seq, m.content])).toEqual(seqs.map((seq, i) => [seq, stored[i]!.content]));
      expect(stored.map((m) => m.content).slice(0, 3)).toEqual(['one 0', 'one reply 0', 'two 0']);
      // Written together in one batch, two messages of one session still take the next seqs in order.
      const both = await Promise.all([one.appendMessage(userMessage(session.id, 'a')), one.appendMessage(userMessage(session.id, 'b'))]);
      expect(both.map((m) => m.seq)).toEqual([13, 14]);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('counts a session’s messages afresh from the next event-loop turn after another store on the file wrote to it or deleted it', async () => {
    const file = join(tempDir(), 'persona.db');
    // The store asks SQLite whether anyone else wrote at most once per event-loop turn.
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const one = openStore(file);
    const two = openStore(file);
    try {
      const session = await startSession(one);
      await one.appendMessage(userMessage(session.id, 'hello'));
      await one.appendMessage(personaReply(session.id, 'hi'));
      expect((await one.recentMessages(session.id, 0)).total).toBe(2);
      await two.appendMessage(userMessage(session.id, 'from elsewhere'));
      expect((await one.recentMessages(session.id, 0)).total).toBe(3);
      await one.appendMessage(personaReply(session.id, 'answered'));
      expect((await one.recentMessages(session.id, 0)).total).toBe(4);
      expect(await two.deleteSession(session.id)).toBe(true);
      await nextTurn();
      expect((await one.recentMessages(session.id, 0)).total).toBe(0);
      const other = await startSession(one);
      await one.appendMessage(userMessage(other.id, 'again'));
      expect(await one.deleteSession(other.id)).toBe(true);
      expect((await one.recentMessages(other.id, 0)).total).toBe(0);
    } finally {
      await one.close();
      await two.close();
    }
  });

  it('saves a message and the event that goes with it together, or neither', async () => {
    const store = freshStore();
    const session = await startSession(store);
    const event = (sessionId: string) => ({ kind: 'reply_complete', sessionId, data: { totalMs: 5 } });
    const saved = await store.appendMessage(personaReply(session.id, 'done'), event(session.id));
    const events = rawConnection(store).prepare('SELECT session_id, data_json FROM events WHERE kind = ?');
    expect(events.all('reply_complete')).toEqual([{ session_id: session.id, data_json: '{"totalMs":5}' }]);
    expect(saved.seq).toBe(1);
    await expect(store.appendMessage(personaReply('gone', 'lost'), event('gone'))).rejects.toThrow(/no longer exists/);
    expect(events.all('reply_complete')).toHaveLength(1);
  });

  it('keeps numbering a session after a batch it was in was rolled back and written again', async () => {
    const store = freshStore();
    const session = await startSession(store);
    await store.appendMessage(userMessage(session.id, 'first'));
    // A write of the same batch fails (its session is gone): the batch runs again, each write alone.
    const [kept, failed] = await Promise.allSettled([
      store.appendMessage(personaReply(session.id, 'second')),
      store.appendMessage(userMessage('no-such-session', 'lost')),
    ]);
    expect(kept.status === 'fulfilled' && kept.value.seq).toBe(2);
    expect(failed.status).toBe('rejected');
    expect((await store.appendMessage(userMessage(session.id, 'third'))).seq).toBe(3);
    expect((await store.listMessages(session.id)).map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('drops requests older than the window when it counts', async () => {
    const clock = manualClock();
    const store = freshStore({ now: clock.now });
    await store.admitRequest('alice', 5);
    await store.admitRequest('bob', 5);
    clock.advance(61_000);
    await store.admitRequest('alice', 5);
    const rows = rawConnection(store).prepare('SELECT user_id FROM chat_requests ORDER BY created_at').all();
    expect(rows).toEqual([{ user_id: 'bob' }, { user_id: 'alice' }]);
  });

  it('keeps a session’s totals in its row, equal to summing its messages, and reads no message for them', async () => {
    const store = freshStore();
    const session = await startSession(store);
    const other = await startSession(store, 'tom', 'Tom');
    // Every kind of message the sums treat differently: a user message, priced and unpriced
    // replies, a failed one, a greeting no model wrote, a reply with usage and no price.
    await store.appendMessage(userMessage(session.id, 'hello'));
    await store.appendMessage(personaReply(session.id, 'priced', { costUsd: 0.25, inputTokens: 100, outputTokens: 7 }));
    await store.appendMessage(personaReply(session.id, 'unpriced', { costUsd: null }));
    await store.appendMessage(personaReply(session.id, '', { status: 'error', costUsd: null, inputTokens: null, outputTokens: null }));
    await store.appendMessage(newOpeningMessage(session.id, 'Hi, I am Maria.'));
    await store.appendMessage(personaReply(other.id, 'elsewhere', { costUsd: 0.5 }));
    const db = rawConnection(store);
    const totals = () => db.prepare('SELECT * FROM sessions ORDER BY id').all();
    const kept = totals();
    db.exec(RECOUNT_SESSION_TOTALS_SQL);
    expect(totals()).toEqual(kept);
    expect(await store.replyTotals(session.id)).toEqual({
      inputTokens: 220,
      outputTokens: 47,
      costUsd: 0.25,
      costIncomplete: true,
      replies: 3,
    });
    const [summary] = await store.listSessions({ personaId: session.personaId });
    expect(summary).toMatchObject({ id: session.id, messageCount: 5, costUsd: null });

    // Priced replies and a greeting: every cost known, in the replies and in the summary.
    const priced = await startSession(store, 'ana', 'Ana');
    await store.appendMessage(newOpeningMessage(priced.id, 'Hi, I am Ana.'));
    await store.appendMessage(userMessage(priced.id, 'a question, which costs nothing'));
    await store.appendMessage(personaReply(priced.id, 'priced', { costUsd: 0.125 }));
    expect(await store.replyTotals(priced.id)).toMatchObject({ costIncomplete: false, replies: 1, costUsd: 0.125 });
    expect((await store.listSessions({ personaId: 'ana' }))[0]).toMatchObject({ messageCount: 3, costUsd: 0.125 });
    // A failed request that reported tokens and no price: the session's cost is unknown, and no
    // reply of it is counted as unpriced (a failed reply never is).
    const failed = await startSession(store, 'bo', 'Bo');
    await store.appendMessage(personaReply(failed.id, '', { status: 'error', costUsd: null, inputTokens: 30, outputTokens: null }));
    expect(await store.replyTotals(failed.id)).toMatchObject({ costIncomplete: false, replies: 1, inputTokens: 30 });
    expect((await store.listSessions({ personaId: 'bo' }))[0]).toMatchObject({ messageCount: 1, costUsd: null, inputTokens: 30 });
    const keptAll = totals();
    db.exec(RECOUNT_SESSION_TOTALS_SQL);
    expect(totals()).toEqual(keptAll);

    db.exec('ANALYZE');
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
    for (const steps of [
      plan(REPLY_TOTALS_SQL, session.id),
      plan(sessionSummarySql('persona_id = @personaId'), { personaId: session.personaId, limit: 1 }),
    ]) {
      expect(
        steps.filter((step) => /\b(messages|m)\b/.test(step)),
        steps.join('\n'),
      ).toEqual([]);
    }
  });
});
