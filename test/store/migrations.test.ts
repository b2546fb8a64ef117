import { join } from 'node:path';
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

  it('never reuses a migration name', () => {
    expect(new Set(MIGRATIONS.map((m) => m.name)).size).toBe(MIGRATIONS.length);
  });
});
