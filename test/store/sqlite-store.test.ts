import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPLY_TOTALS_SQL, sessionSummarySql } from '../../src/store/session-queries.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { manualClock } from './behaviour/fixtures.js';
import { freshStore, personaReply, rawConnection, snapshotInput, startSession, tempDir } from './helpers/fixtures.js';

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

  it('sums a session’s totals from the messages_totals index alone, without sorting its messages', async () => {
    const store = freshStore();
    const session = await startSession(store);
    await store.appendMessage(personaReply(session.id, 'pricing matters'));
    const db = rawConnection(store);
    db.exec('ANALYZE');
    const plan = (sql: string, ...params: unknown[]) =>
      (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail);
    for (const steps of [
      plan(REPLY_TOTALS_SQL, session.id),
      plan(sessionSummarySql('persona_id = @personaId'), { personaId: session.personaId, limit: 1 }),
    ]) {
      const onMessages = steps.filter((step) => /\b(messages|m)\b/.test(step));
      expect(onMessages, steps.join('\n')).toEqual([expect.stringContaining('USING COVERING INDEX messages_totals (session_id=?')]);
      expect(
        steps.some((step) => step.includes('TEMP B-TREE FOR GROUP BY')),
        steps.join('\n'),
      ).toBe(false);
    }
  });
});
