import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { runCli } from '../support/cli.js';
import { createPostgresDatabase, describePostgres } from '../support/postgres.js';
import { tempDir } from '../support/temp.js';

// `persona db …` from the built CLI: status and migrate on either backend, copy there and back.

const names = MIGRATIONS.map((m) => m.name);

describe('persona db on the SQLite file', () => {
  it('reports a history not created yet, creates it on migrate, then reports it up to date', async () => {
    const home = tempDir();
    const before = await runCli(['db', 'status', '--json'], { home });
    expect(before.code).toBe(0);
    expect(JSON.parse(before.stdout)).toMatchObject({
      location: { backend: 'sqlite', where: join(home, 'persona.db') },
      exists: false,
      source: 'default',
    });
    const migrated = await runCli(['db', 'migrate', '--json'], { home });
    expect(JSON.parse(migrated.stdout)).toEqual({ location: { backend: 'sqlite', where: join(home, 'persona.db') }, applied: names });
    const again = await runCli(['db', 'migrate'], { home });
    expect(again.stdout).toContain('is up to date');
    const after = await runCli(['db', 'status'], { home, env: { NO_COLOR: '1' } });
    expect(after.stdout).toMatch(/backend\s+sqlite \(the default\)/);
    expect(after.stdout).toContain(`up to date (${names.length} migrations, latest ${names.at(-1)})`);
    expect(after.stdout).toMatch(/messages\s+0/);
  });

  it('ignores a DATABASE_URL that is not PostgreSQL, saying so', async () => {
    const home = tempDir();
    const run = await runCli(['db', 'status', '--json'], { home, env: { DATABASE_URL: 'mysql://root:pw@localhost/app' } });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).location.backend).toBe('sqlite');
    expect(run.stderr).toContain('DATABASE_URL is set but is not a postgres:// URL');
    expect(run.stderr).not.toContain('pw@');
  });

  it('keeps a database URL in the config as a secret', async () => {
    const home = tempDir();
    const set = await runCli(['config', 'set', 'database.url', 'postgres://ana:VerySecret123@db.example:5432/persona'], { home });
    expect(set.code).toBe(0);
    const list = await runCli(['config', 'list'], { home });
    expect(set.stdout + list.stdout).not.toContain('VerySecret123');
    const bad = await runCli(['config', 'set', 'database.url', 'mysql://x'], { home });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/PostgreSQL URL/);
  });

  it('db check: a whole history passes; totals that drifted fail with exit 1 until --fix recounts them', async () => {
    const home = tempDir();
    const env = { NO_COLOR: '1' };
    expect((await runCli(['db', 'check'], { home, env })).stdout).toContain('has no history yet');
    for (const question of ['What do you think about the pricing?', 'And the onboarding?']) {
      expect((await runCli(['ask', 'cfo', question, '--provider', 'offline'], { home })).code).toBe(0);
    }
    const whole = await runCli(['db', 'check'], { home, env });
    expect(whole.code).toBe(0);
    expect(whole.stdout).toContain('The history is whole.');

    const db = new BetterSqlite3(join(home, 'persona.db'));
    db.exec('UPDATE sessions SET message_count = message_count + 3, reply_output_tokens = 999');
    const expected = db.prepare('SELECT id, message_count - 3 AS messages FROM sessions').all() as Array<{ id: string; messages: number }>;
    db.close();
    const drifted = await runCli(['db', 'check'], { home, env });
    expect(drifted.code).toBe(1);
    expect(drifted.stdout).toMatch(/✗ session totals match their messages \(2 wrong\)/);
    expect(drifted.stdout).toContain(
      `session ${expected[0]!.id}: message_count ${expected[0]!.messages + 3}, recounted ${expected[0]!.messages}`,
    );
    expect(drifted.stdout).toContain('persona db check --fix');

    const fixed = await runCli(['db', 'check', '--fix', '--json'], { home });
    expect(fixed.code).toBe(0);
    expect(JSON.parse(fixed.stdout).checks.find((c: { name: string }) => c.name === 'session-totals')).toMatchObject({
      fixed: true,
      count: 2,
    });
    const after = new BetterSqlite3(join(home, 'persona.db'), { readonly: true });
    expect(after.prepare('SELECT id, message_count AS messages FROM sessions').all()).toEqual(expected);
    after.close();
    expect((await runCli(['db', 'check'], { home })).code).toBe(0);
  });

  it('db check: a message deleted from a session is reported, and --fix does not hide it', async () => {
    const home = tempDir();
    expect((await runCli(['ask', 'cfo', 'What do you think about the pricing?', '--provider', 'offline'], { home })).code).toBe(0);
    const db = new BetterSqlite3(join(home, 'persona.db'));
    db.exec('DELETE FROM messages WHERE seq = 1');
    const session = (db.prepare('SELECT id FROM sessions').get() as { id: string }).id;
    db.close();
    const run = await runCli(['db', 'check', '--fix'], { home, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`session ${session}: 1 messages, numbered up to 2`);
  });

  it('db check reads only: a history with a migration pending is reported, not migrated', async () => {
    const home = tempDir();
    expect((await runCli(['ask', 'cfo', 'What do you think about the pricing?', '--provider', 'offline'], { home })).code).toBe(0);
    const file = join(home, 'persona.db');
    const db = new BetterSqlite3(file);
    const last = names.at(-1)!;
    db.prepare('DELETE FROM migrations WHERE name = ?').run(last);
    db.close();
    const run = await runCli(['db', 'check'], { home, env: { NO_COLOR: '1' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`1 migrations pending: ${last}`);
    expect(run.stdout).toContain('persona db migrate');
    const after = new BetterSqlite3(file, { readonly: true });
    expect(after.prepare('SELECT count(*) AS n FROM migrations WHERE name = ?').get(last)).toEqual({ n: 0 });
    after.close();
  });

  it('refuses a copy from a backend to itself as a usage error', async () => {
    const run = await runCli(['db', 'copy', '--from', 'sqlite', '--to', 'sqlite'], { home: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--from and --to are both sqlite');
  });
});

describePostgres('persona db on PostgreSQL', () => {
  it('uses DATABASE_URL: status before and after migrate, the password never printed', async () => {
    const home = tempDir();
    const url = await createPostgresDatabase();
    const password = new URL(url).password;
    const env = { DATABASE_URL: url, NO_COLOR: '1' };
    const before = await runCli(['db', 'status', '--json'], { home, env });
    expect(before.code).toBe(0);
    const status = JSON.parse(before.stdout);
    expect(status).toMatchObject({
      location: { backend: 'postgres' },
      source: 'DATABASE_URL',
      migrations: { applied: [], pending: names },
    });
    const migrated = await runCli(['db', 'migrate', '--json'], { home, env });
    expect(JSON.parse(migrated.stdout).applied).toEqual(names);
    const after = await runCli(['db', 'status'], { home, env });
    expect(after.stdout).toMatch(/backend\s+postgres \(from DATABASE_URL\)/);
    expect(after.stdout).toContain('up to date');
    for (const run of [before, migrated, after]) expect(run.stdout + run.stderr).not.toContain(password);
  });

  it('fails with exit 5 and a hint when the server refuses the login', async () => {
    const url = new URL(await createPostgresDatabase());
    url.password = 'NotThePassword1';
    const run = await runCli(['db', 'status'], { home: tempDir(), env: { DATABASE_URL: url.toString() } });
    expect(run.code).toBe(5);
    expect(run.stderr).toContain('refused the login');
    expect(run.stderr).not.toContain('NotThePassword1');
  });

  it('copies a chat history from SQLite to PostgreSQL and back with the same counts and checksum', async () => {
    const home = tempDir();
    for (const question of ['What do you think about the pricing?', 'And the onboarding?']) {
      const asked = await runCli(['ask', 'cfo', question, '--provider', 'offline'], { home });
      expect(asked.code).toBe(0);
    }
    const url = await createPostgresDatabase();
    const there = await runCli(['db', 'copy', '--from', 'sqlite', '--to', 'postgres', '--url', url, '--json'], { home });
    expect(there.code).toBe(0);
    const report = JSON.parse(there.stdout);
    expect(report.tables.find((t: { name: string }) => t.name === 'messages').rows).toBe(4);
    expect(there.stderr).toMatch(/copying messages: 4\/4/);
    expect(there.stdout + there.stderr).not.toContain(new URL(url).password);

    const back = await runCli(['db', 'copy', '--from', 'postgres', '--to', 'sqlite', '--sqlite', join(home, 'back.db')], {
      home,
      env: { DATABASE_URL: url, NO_COLOR: '1' },
    });
    expect(back.code).toBe(0);
    expect(back.stdout).toContain(report.checksum);
    expect(back.stdout).toMatch(/messages\s+4/);

    const again = await runCli(['db', 'copy', '--from', 'sqlite', '--to', 'postgres', '--url', url], { home });
    expect(again.code).toBe(5);
    expect(again.stderr).toMatch(/already holds a history/);

    // db check there: numbered 1, 2 in each session; then one deleted from the middle.
    const env = { DATABASE_URL: url, NO_COLOR: '1' };
    const whole = await runCli(['db', 'check', '--json'], { home, env });
    expect(whole.code).toBe(0);
    expect(JSON.parse(whole.stdout)).toMatchObject({ location: { backend: 'postgres' }, ok: true, checks: [{ name: 'message-numbers' }] });
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('DELETE FROM messages WHERE seq = 1');
    await client.end();
    const gaps = await runCli(['db', 'check'], { home, env });
    expect(gaps.code).toBe(1);
    expect(gaps.stdout.match(/1 messages, numbered up to 2/g)).toHaveLength(2);
    expect(gaps.stdout + gaps.stderr).not.toContain(new URL(url).password);
  });
});
