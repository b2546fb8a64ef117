import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { MIGRATIONS, appliedMigrationNames, migrate, type Migration } from '../../src/store/migrations.js';
import { tempDir } from './helpers/fixtures.js';

function tables(db: import('better-sqlite3').Database): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as Array<{ name: string }>).map(
    (r) => r.name,
  );
}

describe('migrations', () => {
  it('applies every migration on a fresh file and records each by name', () => {
    const db = openDatabase(join(tempDir(), 'persona.db'));
    expect(appliedMigrationNames(db)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(tables(db)).toEqual(
      expect.arrayContaining(['persona_snapshots', 'sessions', 'messages', 'messages_fts', 'events', 'migrations']),
    );
    const recorded = db.prepare('SELECT applied_at FROM migrations').get() as { applied_at: string };
    expect(Number.isNaN(Date.parse(recorded.applied_at))).toBe(false);
    db.close();
  });

  it('applies nothing again when the file is reopened, and keeps the data', () => {
    const file = join(tempDir(), 'persona.db');
    const first = openDatabase(file);
    first.prepare("INSERT INTO events (id, kind, created_at) VALUES ('e1', 'test', 'now')").run();
    first.close();

    const again = openDatabase(file);
    expect(migrate(again)).toEqual([]);
    expect(again.prepare('SELECT count(*) AS n FROM migrations').get()).toEqual({ n: MIGRATIONS.length });
    expect(again.prepare('SELECT id FROM events').all()).toEqual([{ id: 'e1' }]);
    again.close();
  });

  it('applies only the new migrations, in order, when a later version adds some', () => {
    const file = join(tempDir(), 'persona.db');
    openDatabase(file).close();
    const order: string[] = [];
    const later: Migration[] = [
      ...MIGRATIONS,
      { name: '900_add_notes', up: (db) => (order.push('900'), db.exec('CREATE TABLE notes (text TEXT)')) },
      { name: '901_add_tags', up: (db) => (order.push('901'), db.exec('CREATE TABLE tags (name TEXT)')) },
    ];
    const db = openDatabase(file, { migrations: later });
    expect(order).toEqual(['900', '901']);
    expect(appliedMigrationNames(db)).toEqual(later.map((m) => m.name));
    expect(migrate(db, later)).toEqual([]);
    db.close();
  });

  it('rolls back every migration of the batch when one fails', () => {
    const file = join(tempDir(), 'persona.db');
    openDatabase(file).close();
    const broken: Migration[] = [
      ...MIGRATIONS,
      { name: '900_fine', up: (db) => db.exec('CREATE TABLE fine (x TEXT)') },
      { name: '901_broken', up: (db) => db.exec('CREATE TABLE nonsense (') },
    ];
    expect(() => openDatabase(file, { migrations: broken })).toThrow();
    const db = openDatabase(file);
    expect(tables(db)).not.toContain('fine');
    expect(appliedMigrationNames(db)).toEqual(MIGRATIONS.map((m) => m.name));
    db.close();
  });

  it('moves the totals of the sessions saved before 009 into their rows, and drops the index they were summed from', () => {
    const db = new BetterSqlite3(join(tempDir(), 'persona.db'));
    const before009 = MIGRATIONS.slice(
      0,
      MIGRATIONS.findIndex((m) => m.name === '009_session_totals'),
    );
    migrate(db, before009);
    db.exec(`INSERT INTO persona_snapshots VALUES ('s1', 'p', 'P', 'h', '{}', '{}', 'sys', '2026-01-01T00:00:00.000Z');
      INSERT INTO sessions VALUES ('x1', 'p', 's1', 'u', 'openai', 'm', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');
      INSERT INTO sessions VALUES ('x2', 'p', 's1', 'u', 'openai', 'm', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
    const insert = db.prepare(
      `INSERT INTO messages (id, session_id, seq, role, content, created_at, provider, input_tokens, output_tokens, cost_usd, status)
       VALUES (?, 'x1', ?, ?, 'text', '2026-01-01T00:00:00.000Z', ?, ?, ?, ?, 'complete')`,
    );
    insert.run('m1', 1, 'user', null, null, null, null);
    insert.run('m2', 2, 'persona', 'openai', 100, 20, 0.5);
    insert.run('m3', 3, 'persona', 'openai', 50, 10, 0.25);
    migrate(db);
    expect(db.prepare("SELECT * FROM sessions WHERE id = 'x1'").get()).toMatchObject({
      message_count: 3,
      input_tokens_total: 150,
      output_tokens_total: 30,
      cost_total: 0.75,
      unknown_cost_count: 0,
      reply_count: 2,
      reply_input_tokens: 150,
      reply_output_tokens: 30,
      reply_cost: 0.75,
      reply_cost_incomplete: 0,
    });
    expect(db.prepare("SELECT message_count, reply_count FROM sessions WHERE id = 'x2'").get()).toEqual({
      message_count: 0,
      reply_count: 0,
    });
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'messages_totals'").get()).toBeUndefined();
    // From here on every row written adds to its session, whoever writes it.
    insert.run('m4', 4, 'user', null, 7, null, null);
    expect(db.prepare("SELECT message_count, input_tokens_total, reply_count FROM sessions WHERE id = 'x1'").get()).toEqual({
      message_count: 4,
      input_tokens_total: 157,
      reply_count: 2,
    });
    db.close();
  });

  it('never reuses a migration name', () => {
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });
});
