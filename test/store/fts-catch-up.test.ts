import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { ftsBacklog } from '../../src/store/fts-catch-up.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { openStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { freshStore, personaReply, rawConnection, startSession, tempDir, userMessage } from './helpers/fixtures.js';

// Saving a message does not index it for full-text search; the index catches up in batches, in
// idle time and before every search. What must hold: a search sees every saved message (from any
// process), and the index never holds a row that is gone or misses one below its mark.

/** FTS5's own check that the index matches the messages table row for row (throws when not). */
function assertIndexMatches(db: BetterSqlite3.Database): void {
  db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)");
}

function indexedThrough(db: BetterSqlite3.Database): number {
  return (db.prepare('SELECT fts_indexed_through AS n FROM messages_marks').get() as { n: number }).n;
}

async function chat(store: SqliteStore, text: string, turns = 1): Promise<string> {
  const session = await startSession(store);
  for (let i = 0; i < turns; i++) {
    await store.appendMessage(userMessage(session.id, `${text} question ${i}`));
    await store.appendMessage(personaReply(session.id, `${text} answer ${i}`));
  }
  return session.id;
}

describe('full-text indexing after the write', () => {
  it('leaves a saved message out of the index until a search, which then finds it', async () => {
    const store = freshStore();
    await chat(store, 'zeppelin');
    const db = rawConnection(store);
    expect(ftsBacklog(db)).toBe(2);
    expect(db.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'zeppelin'").get()).toEqual({ n: 0 });
    expect((await store.search('zeppelin')).map((h) => h.snippet)).toEqual(['«zeppelin» answer 0', '«zeppelin» question 0']);
    expect(ftsBacklog(db)).toBe(0);
    assertIndexMatches(db);
  });

  it('a search finds what another process saved a moment ago', async () => {
    const file = join(tempDir(), 'persona.db');
    const writer = openStore(file);
    const reader = openStore(file);
    try {
      expect(await reader.search('zeppelin')).toEqual([]);
      await chat(writer, 'zeppelin', 3);
      expect(await reader.search('zeppelin')).toHaveLength(6);
      // The writer's own search finds the index caught up and indexes nothing twice.
      expect(await writer.search('zeppelin')).toHaveLength(6);
      assertIndexMatches(rawConnection(writer));
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  it('indexes in the background once the store is quiet, without a search', async () => {
    const store = freshStore();
    await chat(store, 'quiet', 2);
    const db = rawConnection(store);
    expect(ftsBacklog(db)).toBe(4);
    await vi.waitFor(() => expect(ftsBacklog(db)).toBe(0), { timeout: 5000, interval: 50 });
    expect(db.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'quiet'").get()).toEqual({ n: 4 });
    assertIndexMatches(db);
  });

  it('deleting sessions, indexed or not, keeps the index exact; a reused row key is indexed like a new one', async () => {
    const store = freshStore();
    const kept = await chat(store, 'kept', 2);
    const indexed = await chat(store, 'indexed', 2);
    await store.search('anything'); // everything so far is indexed
    const waiting = await chat(store, 'waiting', 2);
    const db = rawConnection(store);
    const last = (db.prepare('SELECT max(pk) AS n FROM messages').get() as { n: number }).n;
    expect(indexedThrough(db)).toBe(last - 4);

    // The newest rows (not yet indexed) and then the indexed session above `kept` go: SQLite will hand
    // their keys out again, so the mark comes down to the last key left.
    expect(await store.deleteSession(waiting)).toBe(true);
    expect(await store.deleteSession(indexed)).toBe(true);
    assertIndexMatches(db);
    expect(indexedThrough(db)).toBe((db.prepare('SELECT max(pk) AS n FROM messages').get() as { n: number }).n);

    const again = await chat(store, 'reused', 1);
    const reusedKeys = db.prepare('SELECT pk FROM messages WHERE session_id = ?').all(again) as Array<{ pk: number }>;
    expect(reusedKeys.some((r) => r.pk <= last)).toBe(true);
    expect((await store.search('reused')).map((h) => h.sessionId)).toEqual([again, again]);
    expect(await store.search('indexed')).toEqual([]);
    expect(await store.search('waiting')).toEqual([]);
    expect((await store.search('kept')).map((h) => h.sessionId)).toEqual([kept, kept, kept, kept]);
    assertIndexMatches(db);
  });

  it('a message whose text changes is indexed with its new text, indexed yet or not', async () => {
    const store = freshStore();
    const session = await startSession(store);
    const early = await store.appendMessage(userMessage(session.id, 'original wording'));
    await store.search('anything');
    const late = await store.appendMessage(userMessage(session.id, 'unindexed wording'));
    const db = rawConnection(store);
    db.prepare('UPDATE messages SET content = ? WHERE id = ?').run('revised wording', early.id);
    db.prepare('UPDATE messages SET content = ? WHERE id = ?').run('rewritten wording', late.id);
    expect(await store.search('original')).toEqual([]);
    expect(await store.search('unindexed')).toEqual([]);
    expect((await store.search('revised')).map((h) => h.messageId)).toEqual([early.id]);
    expect((await store.search('rewritten')).map((h) => h.messageId)).toEqual([late.id]);
    assertIndexMatches(db);
  });

  it('a history from before the change upgrades with everything indexed and nothing indexed twice', async () => {
    const file = join(tempDir(), 'persona.db');
    const before = MIGRATIONS.filter((m) => m.name < '007');
    const old = openDatabase(file, { migrations: before });
    old.exec(`
      INSERT INTO persona_snapshots VALUES ('p1', 'maria', 'Maria', 'h1', '{}', '{}', 'You are Maria.', '2025-01-01T00:00:00.000Z');
      INSERT INTO sessions (id, persona_id, snapshot_id, user_id, provider, model, started_at, last_active_at)
        VALUES ('s1', 'maria', 'p1', 'local', 'offline', 'offline', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
      INSERT INTO messages (id, session_id, seq, role, content, created_at, status)
        VALUES ('m1', 's1', 1, 'user', 'older zeppelin talk', '2025-01-01T00:00:00.000Z', 'complete'),
               ('m2', 's1', 2, 'persona', 'older zeppelin reply', '2025-01-01T00:00:01.000Z', 'complete');
    `);
    old.close();
    const store = openStore(file);
    try {
      const db = rawConnection(store);
      expect(indexedThrough(db)).toBe(2);
      expect(ftsBacklog(db)).toBe(0);
      await store.appendMessage(userMessage('s1', 'newer zeppelin talk'));
      expect((await store.search('zeppelin')).map((h) => h.messageId).sort()).toEqual(
        ['m1', 'm2', (db.prepare('SELECT id FROM messages WHERE seq = 3').get() as { id: string }).id].sort(),
      );
      assertIndexMatches(db);
    } finally {
      await store.close();
    }
  });
});
