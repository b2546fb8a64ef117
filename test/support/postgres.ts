import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { PostgresSource } from '../setup/postgres-cluster.js';

// PostgreSQL for tests. The global setup (test/setup/postgres-cluster.ts) says where a server comes
// from; the first test file that needs one starts the throwaway cluster (the others wait for it),
// and every test file works in its own fresh database, dropped when the file ends.

const run = promisify(execFile);
const START_TIMEOUT_MS = 60_000;

const postgresSource: PostgresSource = inject('postgres');
const ci = process.env.CI === 'true';

/** Why PostgreSQL tests cannot run here, or undefined when they can. */
export const postgresUnavailable: string | undefined = postgresSource.kind === 'none' ? postgresSource.reason : undefined;

/**
 * `describe` for PostgreSQL tests: skipped with a printed reason when no server can be had, except
 * under CI=true, where a missing PostgreSQL is a failure (CI must test both backends).
 */
export function describePostgres(name: string, body: () => void): void {
  if (postgresUnavailable === undefined) {
    describe(name, body);
  } else if (ci) {
    describe(name, () => {
      beforeAll(() => {
        throw new Error(`CI=true requires PostgreSQL: ${postgresUnavailable}`);
      });
      body();
    });
  } else {
    console.warn(`PostgreSQL tests skipped (${name}): ${postgresUnavailable}`);
    describe.skip(name, body);
  }
}

let adminUrl: Promise<string> | undefined;

/** A URL to a database where the tests may CREATE DATABASE (the cluster is started on first use). */
export function postgresAdminUrl(): Promise<string> {
  return (adminUrl ??= resolveAdminUrl());
}

async function resolveAdminUrl(): Promise<string> {
  switch (postgresSource.kind) {
    case 'external':
      return postgresSource.url;
    case 'none':
      throw new Error(postgresUnavailable);
    case 'local':
      return localCluster(postgresSource.dir, postgresSource.bin);
  }
}

/** One test file starts the cluster (whoever creates the `starting` folder first); the rest wait for it. */
async function localCluster(dir: string, bin: string): Promise<string> {
  const ready = join(dir, 'ready.json');
  const failed = join(dir, 'failed.txt');
  let starter = false;
  try {
    mkdirSync(join(dir, 'starting'));
    starter = true;
  } catch {
    // Another test file is starting it.
  }
  if (starter) {
    try {
      writeFileSync(ready, JSON.stringify({ url: await startCluster(dir, bin) }));
    } catch (error) {
      writeFileSync(failed, String(error instanceof Error ? error.message : error));
      throw error;
    }
  }
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(ready)) return (JSON.parse(readFileSync(ready, 'utf8')) as { url: string }).url;
    if (existsSync(failed)) throw new Error(`the test PostgreSQL did not start: ${readFileSync(failed, 'utf8')}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the test PostgreSQL did not start within ${START_TIMEOUT_MS / 1000} s (folder ${dir})`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` user. Durability
 * is switched off (fsync, full-page writes): the cluster lives for one test run. Password
 * authentication over TCP is on, so the tests see real authentication failures and passwords.
 */
async function startCluster(dir: string, bin: string): Promise<string> {
  const asRoot = process.getuid?.() === 0;
  const exec = (program: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, program), ...args]) : run(join(bin, program), args);
  if (asRoot) {
    const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
    const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
    chownSync(dir, uid, gid);
  }
  const password = randomBytes(12).toString('hex');
  const passwordFile = join(dir, 'password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 });
  const data = join(dir, 'data');
  await exec('initdb', [
    '-D',
    data,
    '-U',
    'postgres',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
    '--auth-local=trust',
    '--auth-host=scram-sha-256',
    `--pwfile=${passwordFile}`,
    '--no-sync',
  ]);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=300',
    '-c shared_buffers=32MB',
  ].join(' ');
  await exec('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', '-o', settings, 'start']);
  return `postgres://postgres:${password}@127.0.0.1:${port}/postgres`;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/**
 * A fresh, empty database for this test file (created before its tests, dropped after them).
 * Returns a getter: the URL is known once `beforeAll` has run.
 */
export function useFreshPostgresDatabase(): () => string {
  let url: string | undefined;
  let name: string | undefined;
  beforeAll(async () => {
    const admin = await postgresAdminUrl();
    name = `persona_test_${randomBytes(6).toString('hex')}`;
    await adminQuery(admin, `CREATE DATABASE ${name}`);
    url = withDatabase(admin, name);
  }, START_TIMEOUT_MS);
  afterAll(async () => {
    if (name === undefined) return;
    await adminQuery(await postgresAdminUrl(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  return () => {
    if (url === undefined) throw new Error('the test database is made in beforeAll; read its URL inside a test');
    return url;
  };
}

/** Another fresh database on demand (a test that needs several, e.g. copy targets); dropped after the file. */
export async function createPostgresDatabase(): Promise<string> {
  const admin = await postgresAdminUrl();
  const name = `persona_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE ${name}`);
  extraDatabases.push(name);
  return withDatabase(admin, name);
}

const extraDatabases: string[] = [];
afterAll(async () => {
  if (extraDatabases.length === 0) return;
  const admin = await postgresAdminUrl();
  for (const name of extraDatabases.splice(0)) await adminQuery(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
});

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A new database copied from `templateUrl`'s (which nobody may be connected to), dropped after
 * the file: cloning a migrated database costs a fraction of migrating an empty one.
 */
export async function clonePostgresDatabase(templateUrl: string): Promise<string> {
  const admin = await postgresAdminUrl();
  const template = decodeURIComponent(new URL(templateUrl).pathname.slice(1));
  const name = `persona_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(admin, `CREATE DATABASE ${name} TEMPLATE "${template.replaceAll('"', '""')}" STRATEGY FILE_COPY`);
  extraDatabases.push(name);
  return withDatabase(admin, name);
}
