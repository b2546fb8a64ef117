import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import { checksumOf, copyHistory, type CopyProgress } from '../../../src/store/copy/copy-history.js';
import { COPY_TABLES, GENERATED_COLUMNS, NOT_COPIED } from '../../../src/store/copy/copy-tables.js';
import { openCopyEndpoint } from '../../../src/store/copy/open-endpoint.js';
import type { StoreSpec } from '../../../src/store/store-spec.js';
import { canonicalRow } from '../../../src/store/copy/row-checksum.js';
import { openDatabase } from '../../../src/store/database.js';
import { openStore } from '../../../src/store/sqlite-store.js';
import { createPostgresDatabase, describePostgres } from '../../support/postgres.js';
import { tempDir, userMessage } from '../helpers/fixtures.js';
import { openTestStore } from '../postgres/helpers.js';
import { AWKWARD_TEXTS, buildRichHistory } from './rich-history.js';

async function copy(from: StoreSpec, to: StoreSpec, onProgress?: (p: CopyProgress) => void) {
  const source = await openCopyEndpoint(from, 'source');
  const target = await openCopyEndpoint(to, 'target');
  try {
    return await copyHistory(source, target, { batchSize: 4, ...(onProgress ? { onProgress } : {}) });
  } finally {
    await source.close();
    await target.close();
  }
}

async function checksum(spec: StoreSpec) {
  const endpoint = await openCopyEndpoint(spec, 'source');
  try {
    const sum = await checksumOf(endpoint, 3);
    return { rows: sum.rows(), digest: sum.digest() };
  } finally {
    await endpoint.close();
  }
}

describe('copy checksum rows', () => {
  it('writes a row the same from either engine and tells one changed byte apart', () => {
    expect(canonicalRow([1, 'a\u0000b', null, 0.30000000000000004, 2n ** 40n])).toBe(
      '[1,"a\\u0000b",null,0.30000000000000004,1099511627776]',
    );
    expect(canonicalRow(['x'])).not.toBe(canonicalRow(['X']));
  });

  it('lists every column of every history table of a migrated SQLite file', () => {
    const db = openDatabase(join(tempDir(), 'schema.db'));
    try {
      const tables = (
        db
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'messages_fts%'")
          .all() as Array<{
          name: string;
        }>
      )
        .map((t) => t.name)
        .filter((name) => !NOT_COPIED.has(name));
      expect(tables.sort()).toEqual(COPY_TABLES.map((t) => t.name).sort());
      for (const table of COPY_TABLES) {
        const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').all(table.name) as Array<{ name: string }>)
          .map((c) => c.name)
          .filter((name) => !GENERATED_COLUMNS.has(name));
        expect(columns, table.name).toEqual([...table.columns]);
      }
    } finally {
      db.close();
    }
  });
});

describePostgres('persona db copy between SQLite and PostgreSQL', () => {
  it('lists every column of every history table of a migrated PostgreSQL database', async () => {
    const url = await createPostgresDatabase();
    await (await openTestStore(url)).close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ table_name: string; column_name: string }>(
        'SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position',
      );
      const byTable = new Map<string, string[]>();
      for (const row of rows) {
        if (NOT_COPIED.has(row.table_name) || GENERATED_COLUMNS.has(row.column_name)) continue;
        byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
      }
      expect([...byTable.keys()].sort()).toEqual(COPY_TABLES.map((t) => t.name).sort());
      for (const table of COPY_TABLES) expect(byTable.get(table.name), table.name).toEqual([...table.columns]);
    } finally {
      await client.end();
    }
  });

  it('copies a history from SQLite to PostgreSQL and back with identical counts and checksum', async () => {
    const originFile = join(tempDir(), 'origin.db');
    const originStore = openStore(originFile);
    try {
      await buildRichHistory(originStore);
    } finally {
      await originStore.close();
    }
    const origin: StoreSpec = { backend: 'sqlite', file: originFile };
    const before = await checksum(origin);

    const url = await createPostgresDatabase();
    const progress: CopyProgress[] = [];
    const toPostgres = await copy(origin, { backend: 'postgres', url }, (p) => progress.push(p));
    expect(toPostgres.checksum).toBe(before.digest);
    expect(Object.fromEntries(toPostgres.tables.map((t) => [t.name, t.rows]))).toEqual(before.rows);
    expect(toPostgres.tables.find((t) => t.name === 'messages')?.rows).toBe(2 * AWKWARD_TEXTS.length + 4);
    expect(toPostgres.tables.every((t) => t.rows > 0)).toBe(true);
    expect(progress.some((p) => p.phase === 'copy' && p.table === 'messages' && p.done === p.total && p.total > 0)).toBe(true);
    expect(progress.some((p) => p.phase === 'verify')).toBe(true);
    expect((await checksum({ backend: 'postgres', url })).digest).toBe(before.digest);

    const file = join(tempDir(), 'back.db');
    const back = await copy({ backend: 'postgres', url }, { backend: 'sqlite', file });
    expect(back.checksum).toBe(before.digest);
    expect(back.tables).toEqual(toPostgres.tables);
    // The sessions' totals, which a copy does not carry, are counted afresh in the SQLite copy.
    const originAgain = openStore(originFile);
    const copiedBack = openStore(file);
    try {
      const sessions = await originAgain.listSessions();
      expect(sessions.filter((s) => s.messageCount > 0 && (s.costUsd ?? 0) > 0).length).toBeGreaterThan(0);
      expect(await copiedBack.listSessions()).toEqual(sessions);
      for (const s of sessions) expect(await copiedBack.replyTotals(s.id)).toEqual(await originAgain.replyTotals(s.id));
    } finally {
      originAgain.closeNow();
      copiedBack.closeNow();
    }

    // What the app reads from the PostgreSQL copy is what it read from the SQLite origin.
    const sqlite = openStore(originFile);
    const copied = await openTestStore(url);
    try {
      const sessions = await sqlite.listSessions();
      expect(await copied.listSessions()).toEqual(sessions);
      for (const session of sessions) expect(await copied.getTranscript(session.id)).toEqual(await sqlite.getTranscript(session.id));
      const { avgSessionDurationMs, ...stats } = await copied.usageStats();
      const { avgSessionDurationMs: sqliteDuration, ...sqliteStats } = await sqlite.usageStats();
      expect(stats).toEqual(sqliteStats);
      // SQLite computes it from julianday(), a float of days: the two agree to within a fraction of a millisecond.
      expect(avgSessionDurationMs).toBeCloseTo(sqliteDuration ?? 0, 1);
      const runs = await sqlite.runs().listRuns();
      expect(await copied.runs().listRuns()).toEqual(runs);
      for (const run of runs) {
        expect(await copied.runs().listAnswers(run.id)).toEqual(await sqlite.runs().listAnswers(run.id));
        expect(await copied.runs().runSessions(run.id)).toEqual(await sqlite.runs().runSessions(run.id));
      }
      // The generated full-text index came with it, and new rows continue after the copied ones.
      expect((await copied.search('onboarding')).map((h) => h.messageId).sort()).toEqual(
        (await sqlite.search('onboarding')).map((h) => h.messageId).sort(),
      );
      const next = await copied.appendMessage(userMessage(sessions[0]!.id, 'after the copy'));
      expect(next.seq).toBe(sessions[0]!.messageCount + 1);
    } finally {
      await sqlite.close();
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const indexes = await client.query("SELECT indexname FROM pg_indexes WHERE tablename = 'messages' AND indexdef LIKE '%gin%'");
    await client.end();
    expect(indexes.rows).toEqual([{ indexname: 'messages_search' }]);

    // The SQLite copy's FTS index holds every copied message as the copy ends, and keeps up with new ones.
    const db = new BetterSqlite3(file);
    try {
      expect(db.prepare("SELECT count(*) AS n FROM messages_fts WHERE messages_fts MATCH 'onboarding'").get()).toEqual({ n: 2 });
      expect(() => db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
      db.prepare(
        "INSERT INTO messages (id, session_id, seq, role, content, created_at, status) VALUES ('later', (SELECT id FROM sessions LIMIT 1), 999, 'user', 'zeppelin later', '2030-01-01T00:00:00.000Z', 'complete')",
      ).run();
    } finally {
      db.close();
    }
    const reopened = openStore(file);
    try {
      expect((await reopened.search('zeppelin')).map((h) => h.messageId)).toEqual(['later']);
    } finally {
      await reopened.close();
    }
  });

  it('refuses a target that already holds a history and leaves it as it was', async () => {
    const origin = await createPostgresDatabase();
    await buildRichHistory(await openTestStore(origin));
    const target = await createPostgresDatabase();
    const targetStore = await openTestStore(target);
    await targetStore.saveSnapshot({ personaId: 'x', name: 'X', contentHash: 'h', persona: {}, chatProfile: {}, systemPrompt: 's' });
    const before = await checksum({ backend: 'postgres', url: target });
    const error = await copy({ backend: 'postgres', url: origin }, { backend: 'postgres', url: target }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/already holds a history \(1 persona_snapshots\)/);
    expect(await checksum({ backend: 'postgres', url: target })).toEqual(before);
  });

  it('names the row PostgreSQL cannot store (a NUL character) and leaves the target empty', async () => {
    const file = join(tempDir(), 'nul.db');
    const db = openDatabase(file);
    db.exec(`INSERT INTO persona_snapshots VALUES ('s1', 'p', 'P', 'h', '{}', '{}', 'sys', '2026-01-01T00:00:00.000Z');
      INSERT INTO sessions (id, persona_id, snapshot_id, user_id, provider, model, title, started_at, last_active_at)
        VALUES ('x1', 'p', 's1', 'u', 'offline', 'm', NULL, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`);
    db.prepare(
      "INSERT INTO messages (id, session_id, seq, role, content, created_at, status) VALUES ('m1', 'x1', 1, 'user', ?, '2026-01-01T00:00:00.000Z', 'complete')",
    ).run('before\u0000after');
    db.close();
    const target = await createPostgresDatabase();
    const error = await copy({ backend: 'sqlite', file }, { backend: 'postgres', url: target }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/Copying messages \(batch from pk=1\) failed: .*NUL character/);
    const after = await checksum({ backend: 'postgres', url: target });
    expect(Object.values(after.rows).every((n) => n === 0)).toBe(true);
  });
});
