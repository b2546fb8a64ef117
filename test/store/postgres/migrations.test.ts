import pg from 'pg';
import { expect, it } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import { MIGRATIONS } from '../../../src/store/migrations.js';
import { openPostgresPool } from '../../../src/store/postgres/postgres-pool.js';
import { migratePostgres, POSTGRES_MIGRATIONS } from '../../../src/store/postgres/postgres-migrations.js';
import { createPostgresDatabase, describePostgres } from '../../support/postgres.js';
import { openTestStore } from './helpers.js';

async function rows<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describePostgres('PostgreSQL migrations', () => {
  it('has the same named list as SQLite, in the same order', () => {
    expect(POSTGRES_MIGRATIONS.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('migrates a fresh database once when two servers start at the same moment', async () => {
    const url = await createPostgresDatabase();
    const [a, b] = await Promise.all([openPostgresPool(url), openPostgresPool(url)]);
    try {
      const [clientA, clientB] = await Promise.all([a.pool.connect(), b.pool.connect()]);
      const applied = await Promise.all([migratePostgres(clientA, a.server), migratePostgres(clientB, b.server)]);
      clientA.release();
      clientB.release();
      // One applied everything, the other waited on the lock and found nothing left to do.
      expect(applied.map((names) => names.length).sort()).toEqual([0, POSTGRES_MIGRATIONS.length]);
      const recorded = await rows<{ name: string }>(url, 'SELECT name FROM migrations ORDER BY name');
      expect(recorded.map((r) => r.name)).toEqual(POSTGRES_MIGRATIONS.map((m) => m.name));
    } finally {
      await Promise.all([a.pool.end(), b.pool.end()]);
    }
  });

  it('opens an up-to-date database without applying anything and without taking the lock', async () => {
    const url = await createPostgresDatabase();
    await (await openTestStore(url)).close();
    const connection = await openPostgresPool(url);
    const client = await connection.pool.connect();
    try {
      expect(await migratePostgres(client, connection.server)).toEqual([]);
    } finally {
      client.release();
      await connection.pool.end();
    }
  });

  it('applies only what is pending on a database an older version migrated', async () => {
    const url = await createPostgresDatabase();
    await (await openTestStore(url, { migrations: POSTGRES_MIGRATIONS.slice(0, 3) })).close();
    const connection = await openPostgresPool(url);
    const client = await connection.pool.connect();
    try {
      expect(await migratePostgres(client, connection.server)).toEqual(POSTGRES_MIGRATIONS.slice(3).map((m) => m.name));
    } finally {
      client.release();
      await connection.pool.end();
    }
  });

  it('refuses a database that records a migration this version does not know, changing nothing', async () => {
    const url = await createPostgresDatabase();
    await (await openTestStore(url)).close();
    await rows(url, "INSERT INTO migrations (name, applied_at) VALUES ('999_from_the_future', '2030-01-01T00:00:00.000Z')");
    const error = await openTestStore(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).exitCode).toBe(5);
    expect((error as StoreError).message).toMatch(/newer persona-chat.*999_from_the_future/);
    expect((error as StoreError).message).not.toContain(new URL(url).password);
    expect(await rows(url, 'SELECT name FROM migrations')).toHaveLength(POSTGRES_MIGRATIONS.length + 1);
  });

  it('refuses a database whose tables belong to another application', async () => {
    const url = await createPostgresDatabase();
    await rows(url, 'CREATE TABLE sessions (id int PRIMARY KEY)');
    await expect(openTestStore(url)).rejects.toThrow(/"sessions" table but no persona-chat migrations table/);
    expect(await rows(url, "SELECT to_regclass('migrations') AS t")).toEqual([{ t: null }]);
  });

  it('keeps timestamps as ISO text compared byte by byte, whatever the database locale', async () => {
    const url = await createPostgresDatabase();
    await (await openTestStore(url)).close();
    const columns = await rows<{ column_name: string; data_type: string; collation_name: string | null }>(
      url,
      "SELECT column_name, data_type, collation_name FROM information_schema.columns WHERE table_name = 'messages' ORDER BY ordinal_position",
    );
    const byName = new Map(columns.map((c) => [c.column_name, c]));
    expect(byName.get('created_at')).toMatchObject({ data_type: 'text', collation_name: 'C' });
    expect(byName.get('cost_usd')).toMatchObject({ data_type: 'double precision' });
    expect(byName.get('seq')).toMatchObject({ data_type: 'bigint' });
    expect(byName.get('content_search')).toMatchObject({ data_type: 'tsvector' });
  });
});
