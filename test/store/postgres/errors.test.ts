import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../src/core/errors.js';
import { isPostgresUrl, redactPostgresUrl } from '../../../src/store/postgres/postgres-url.js';
import { describePostgres, postgresAdminUrl, withDatabase } from '../../support/postgres.js';
import { openTestStore } from './helpers.js';

/** Everything a person or a log could see of an error. */
function visible(error: unknown): string {
  const e = error as StoreError & { cause?: { message?: string; stack?: string } };
  return [e.message, e.hint, e.stack, e.cause?.message, e.cause?.stack].join('\n');
}

async function unusedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      server.close(() => resolve(address.port));
    });
  });
}

describe('PostgreSQL URLs', () => {
  it('removes the password from the user part and the query', () => {
    expect(redactPostgresUrl('postgres://ana:s3cr%40t@db.example:5432/persona')).toBe('postgres://ana@db.example:5432/persona');
    expect(redactPostgresUrl('postgresql://db/persona?user=ana&password=hunter2&sslmode=require')).toBe(
      'postgresql://db/persona?user=ana&password=redacted&sslmode=require',
    );
    expect(redactPostgresUrl('postgres://ana:pw@[::1')).not.toContain('pw');
  });

  it('tells a PostgreSQL URL from a file path', () => {
    expect(isPostgresUrl('postgres://h/db')).toBe(true);
    expect(isPostgresUrl('postgresql://h/db')).toBe(true);
    expect(isPostgresUrl('/home/ana/persona.db')).toBe(false);
  });
});

describePostgres('PostgreSQL connection failures', () => {
  it('says the connection was refused, names host and port, and never shows the password', async () => {
    const port = await unusedPort();
    const error = await openTestStore(`postgres://ana:TopSecret99@127.0.0.1:${port}/persona`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).exitCode).toBe(5);
    expect((error as StoreError).message).toBe(`Cannot connect to PostgreSQL at 127.0.0.1:${port}/persona: the connection was refused.`);
    expect((error as StoreError).hint).toMatch(/Start the server|DATABASE_URL/);
    expect(visible(error)).not.toContain('TopSecret99');
  });

  it('says the login was refused on a wrong password, without the password', async () => {
    const admin = new URL(await postgresAdminUrl());
    admin.password = 'WrongPassword77';
    const error = await openTestStore(admin.toString()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/refused the login \(password authentication failed for user "postgres"\)/);
    expect((error as StoreError).hint).toMatch(/user name and password/);
    expect(visible(error)).not.toContain('WrongPassword77');
    expect(visible(error)).not.toContain(new URL(await postgresAdminUrl()).password);
  });

  it('says which database does not exist and how to create it', async () => {
    const url = withDatabase(await postgresAdminUrl(), 'no_such_database_here');
    const error = await openTestStore(url).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).message).toMatch(/The database 127\.0\.0\.1:\d+\/no_such_database_here does not exist/);
    expect((error as StoreError).hint).toMatch(/createdb/);
    expect(visible(error)).not.toContain(new URL(url).password);
  });

  it('refuses a URL that is not a PostgreSQL one before connecting', async () => {
    await expect(openTestStore('mysql://root:pw@localhost/db')).rejects.toThrow(/must start with postgres:\/\//);
    const error = await openTestStore('postgres://ana:pa ss@host:notaport/db').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect(visible(error)).not.toContain('pa ss');
  });

  it('shows the server without its password as the store location', async () => {
    const url = await postgresAdminUrl();
    const store = await openTestStore(url);
    const password = new URL(url).password;
    expect(password.length).toBeGreaterThan(0);
    expect(store.location).toEqual({ backend: 'postgres', where: url.replace(`:${password}@`, '@') });
    expect(JSON.stringify(store.location)).not.toContain(password);
  });
});
