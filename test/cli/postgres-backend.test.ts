import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { createPostgresDatabase, describePostgres } from '../support/postgres.js';
import { tempDir } from '../support/temp.js';

// Which backend every command uses, end to end through the built CLI, and what it costs the
// default: on the SQLite file, `ask` never loads the PostgreSQL client.

/** Runs the CLI with a preload that records, at exit, which files of the `pg` packages were loaded. */
async function runRecordingPg(args: string[], home: string, env: Record<string, string> = {}) {
  const dir = tempDir();
  const hook = join(dir, 'record-pg.cjs');
  const out = join(dir, 'loaded.json');
  writeFileSync(
    hook,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]pg[\\\\/]/.test(f)))));`,
  );
  const run = await runCli(args, { home, env: { ...env, NODE_OPTIONS: `--require ${hook}` } });
  return { ...run, pgFiles: JSON.parse(readFileSync(out, 'utf8')) as string[] };
}

describe('the default backend', () => {
  it('answers `ask` from the SQLite file without loading the PostgreSQL client', async () => {
    const home = tempDir();
    const run = await runRecordingPg(['ask', 'cfo', 'What matters to you in a tool?', '--provider', 'offline'], home);
    expect(run.code).toBe(0);
    expect(run.pgFiles).toEqual([]);
  });
});

describePostgres('DATABASE_URL puts every command on PostgreSQL', () => {
  it('saves `ask` to PostgreSQL, lists it from there, and leaves the SQLite file alone', async () => {
    const home = tempDir();
    const url = await createPostgresDatabase();
    const asked = await runRecordingPg(['ask', 'cfo', 'What matters to you in a tool?', '--provider', 'offline'], home, {
      DATABASE_URL: url,
    });
    expect(asked.code).toBe(0);
    expect(asked.pgFiles.length).toBeGreaterThan(0);
    const onPostgres = await runCli(['sessions', 'list', '--json'], { home, env: { DATABASE_URL: url } });
    expect(JSON.parse(onPostgres.stdout)).toHaveLength(1);
    const onSqlite = await runCli(['sessions', 'list', '--json'], { home });
    expect(JSON.parse(onSqlite.stdout)).toHaveLength(0);
    const found = await runCli(['sessions', 'search', 'tool', '--json'], { home, env: { DATABASE_URL: url } });
    expect(found.code).toBe(0);
  });

  it('has `doctor` check the PostgreSQL history, and say how to fix a refused login', async () => {
    const home = tempDir();
    const url = await createPostgresDatabase();
    const fine = await runCli(['doctor'], { home, env: { DATABASE_URL: url, NO_COLOR: '1' } });
    expect(fine.stdout + fine.stderr).toMatch(
      /✓ history: postgres:\/\/postgres@127\.0\.0\.1:\d+\/persona_test_\w+ \(PostgreSQL, 0 sessions/,
    );
    const wrong = new URL(url);
    wrong.password = 'Wrong-Password-42';
    const refused = await runCli(['doctor'], { home, env: { DATABASE_URL: wrong.toString(), NO_COLOR: '1' } });
    expect(refused.stdout + refused.stderr).toMatch(/✗ history: PostgreSQL at .* refused the login/);
    expect(refused.stdout + refused.stderr).not.toContain('Wrong-Password-42');
  });

  it('uses the setting database.url when DATABASE_URL is not set', async () => {
    const home = tempDir();
    const url = await createPostgresDatabase();
    expect((await runCli(['config', 'set', 'database.url', url], { home })).code).toBe(0);
    expect((await runCli(['ask', 'cfo', 'Hello there', '--provider', 'offline'], { home })).code).toBe(0);
    const status = JSON.parse((await runCli(['db', 'status', '--json'], { home })).stdout);
    expect(status).toMatchObject({ source: 'database.url', location: { backend: 'postgres' } });
    expect(status.rows.messages).toBeGreaterThanOrEqual(2);
  });
});
