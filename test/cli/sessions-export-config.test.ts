import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

async function seeded(): Promise<{ home: string; first: string; second: string }> {
  const home = tempDir();
  const a = JSON.parse(
    (await runCli(['ask', 'cfo', 'What', 'about', 'reconciliation', 'software?', '--json', '--seed', '1'], { home })).stdout,
  );
  const b = JSON.parse(
    (await runCli(['ask', 'genz-creator', 'Which', 'camera', 'do', 'you', 'use?', '--json', '--seed', '1'], { home })).stdout,
  );
  return { home, first: a.sessionId, second: b.sessionId };
}

describe('persona sessions', () => {
  it('lists sessions newest first, filters by persona, prints JSON', async () => {
    const { home, first, second } = await seeded();
    const all = JSON.parse((await runCli(['sessions', 'list', '--json'], { home })).stdout) as Array<{ id: string; messageCount: number }>;
    expect(all.map((s) => s.id)).toEqual([second, first]);
    expect(all[0]!.messageCount).toBe(2);
    const cfo = JSON.parse((await runCli(['sessions', 'list', '--persona', 'cfo', '--json'], { home })).stdout);
    expect(cfo.map((s: { id: string }) => s.id)).toEqual([first]);
    const text = await runCli(['sessions', 'list'], { home });
    expect(text.stdout).toContain(first);
    expect(text.stdout).toContain('What about reconciliation software?');
    // Columns line up whatever the persona id's length.
    await runCli(['ask', 'dubai-luxury-traveller', 'Hello', '--seed', '1'], { home });
    const heads = (await runCli(['sessions', 'list'], { home })).stdout.split('\n').filter((l) => /^\w{18} {2}/.test(l));
    expect(heads).toHaveLength(3);
    expect(new Set(heads.map((l) => l.indexOf(' msgs'))).size).toBe(1);
    expect(new Set(heads.map((l) => l.indexOf('offline/'))).size).toBe(1);
  });

  it('shows a transcript by id prefix and by "last"', async () => {
    const { home, first, second } = await seeded();
    const shown = await runCli(['sessions', 'show', first.slice(0, 14)], { home });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('Diane Kowalczyk (cfo)');
    expect(shown.stdout).toContain('What about reconciliation software?');
    const last = JSON.parse((await runCli(['sessions', 'show', 'last', '--json'], { home })).stdout);
    expect(last.session.id).toBe(second);
    // No id means the last session.
    expect((await runCli(['sessions', 'show'], { home })).stdout).toBe((await runCli(['sessions', 'show', 'last'], { home })).stdout);
    expect(last.messages).toHaveLength(2);
  });

  it('searches message text, ranked, with the match highlighted', async () => {
    const { home, first } = await seeded();
    const hits = JSON.parse((await runCli(['sessions', 'search', 'reconciliation', '--json'], { home })).stdout) as Array<{
      sessionId: string;
      snippet: string;
    }>;
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.sessionId).toBe(first);
    expect(hits[0]!.snippet).toMatch(/«reconciliation»/i);
    const none = await runCli(['sessions', 'search', 'zzzunfindable'], { home });
    expect(none.code).toBe(1);
    const hostile = await runCli(['sessions', 'search', '"AND(', 'NEAR*'], { home });
    expect(hostile.stderr).toBe('');
  });

  it('refuses an empty search with a usage error (exit 2)', async () => {
    const home = tempDir();
    const results = await Promise.all(['', '   ', '"" *'].map((query) => runCli(['sessions', 'search', query], { home })));
    for (const result of results) {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/nothing to search for/);
    }
  });

  it('deletes a session with --yes, and refuses without it when not on a terminal', async () => {
    const { home, first } = await seeded();
    const refused = await runCli(['sessions', 'delete', first], { home });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--yes');
    const deleted = await runCli(['sessions', 'delete', first, '--yes'], { home });
    expect(deleted.code).toBe(0);
    const db = new Database(join(home, 'persona.db'), { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM messages WHERE session_id = ?').get(first)).toEqual({ n: 0 });
    db.close();
  });

  it('an unknown session id is a usage error', async () => {
    const { home } = await seeded();
    const { code, stderr } = await runCli(['sessions', 'show', 'nosuchsession'], { home });
    expect(code).toBe(2);
    expect(stderr).toContain('no session "nosuchsession"');
  });
});

describe('persona export', () => {
  it('exports every format; JSON carries every stored field', async () => {
    const { home, first } = await seeded();
    const md = await runCli(['export', first, '--format', 'md'], { home });
    expect(md.stdout).toContain('Diane Kowalczyk');
    expect(md.stdout).toContain('What about reconciliation software?');
    const json = JSON.parse((await runCli(['export', first, '--format', 'json'], { home })).stdout);
    expect(json.format).toBe('persona-chat.transcript');
    expect(json.messages[1]).toMatchObject({ role: 'persona', provider: 'offline', status: 'complete' });
    expect(json.messages[1]).toHaveProperty('latencyTotalMs');
    const txt = await runCli(['export', '--last', '--format', 'txt'], { home });
    expect(txt.stdout).toContain('camera');
    const out = join(home, 'out.html');
    const html = await runCli(['export', first, '--format', 'html', '-o', out], { home });
    expect(html.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^<!doctype html>/i);
    const again = await runCli(['export', first, '--format', 'html', '-o', out], { home });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('already exists');
  });

  it('takes the format from the -o file extension, and refuses a --format that contradicts it', async () => {
    const home = tempDir();
    await runCli(['ask', 'cfo', 'What about reconciliation software?', '--seed', '1'], { home });
    const file = (name: string) => join(home, name);
    const written = await Promise.all(
      ['x.json', 'x.html', 'x.txt', 'x.md', 'x.HTM', 'notes'].map((name) => runCli(['export', '--last', '-o', file(name)], { home })),
    );
    for (const run of written) expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(file('x.json'), 'utf8')).format).toBe('persona-chat.transcript');
    expect(readFileSync(file('x.html'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(file('x.HTM'), 'utf8')).toMatch(/^<!doctype html>/i);
    expect(readFileSync(file('x.txt'), 'utf8')).not.toMatch(/^#|\*\*/m);
    expect(readFileSync(file('x.md'), 'utf8')).toMatch(/^# /m);
    // No known extension: Markdown, as with no -o.
    expect(readFileSync(file('notes'), 'utf8')).toMatch(/^# /m);
    expect(written[0]!.stderr).toContain('(json,');

    const agreeing = await runCli(['export', '--last', '--format', 'json', '-o', file('y.json')], { home });
    expect(agreeing.code, agreeing.stderr).toBe(0);
    const contradiction = await runCli(['export', '--last', '--format', 'md', '-o', file('z.json')], { home });
    expect(contradiction.code).toBe(2);
    expect(contradiction.stderr).toMatch(/--format md.*z\.json/);
    expect(existsSync(file('z.json'))).toBe(false);
  });

  it('needs a session id or --last', async () => {
    const { code, stderr } = await runCli(['export'], { home: tempDir() });
    expect(code).toBe(2);
    expect(stderr).toContain('--last');
  });
});

describe('persona config', () => {
  it('sets, gets, lists (keys masked) and unsets settings; the file is mode 0600', async () => {
    const home = tempDir();
    expect((await runCli(['config', 'set', 'provider', 'anthropic'], { home })).code).toBe(0);
    const set = await runCli(['config', 'set', 'anthropic.apiKey', 'sk-ant-SECRET-VALUE-9999'], { home });
    expect(set.stdout).not.toContain('SECRET');
    expect((statSync(join(home, 'config.json')).mode & 0o777).toString(8)).toBe('600');
    expect((await runCli(['config', 'get', 'provider'], { home })).stdout.trim()).toBe('anthropic');
    const list = await runCli(['config', 'list'], { home });
    expect(list.stdout).toContain('provider = anthropic');
    expect(list.stdout).toContain('anthropic.apiKey = sk-a…9999');
    expect(list.stdout).not.toContain('SECRET');
    expect((await runCli(['config', 'get', 'anthropic.apiKey'], { home })).stdout).not.toContain('SECRET');
    await runCli(['config', 'unset', 'provider'], { home });
    expect((await runCli(['config', 'get', 'provider'], { home })).code).toBe(1);
  });

  it('says when a setting is unset, and suggests the key meant by a typo', async () => {
    const home = tempDir();
    const unset = await runCli(['config', 'get', 'temperature'], { home });
    expect(unset.code).toBe(1);
    expect(unset.stdout).toBe('');
    expect(unset.stderr).toContain('temperature is not set');
    const typo = await runCli(['config', 'set', 'temprature', '0.5'], { home });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('did you mean "temperature"?');
  });

  it('lists every settable key, marking the secret ones', async () => {
    const { code, stdout } = await runCli(['config', 'keys'], { home: tempDir() });
    expect(code).toBe(0);
    const keys = stdout.trim().split('\n');
    expect(keys).toContain('provider');
    expect(keys).toContain('limits.dailyBudgetUsd');
    expect(keys).toContain('openai.apiKey (secret: never printed)');
  });

  it('never prints the HTTP API tokens of other users', async () => {
    const home = tempDir();
    writeFileSync(
      join(home, 'config.json'),
      JSON.stringify({ server: { token: 'owner-SECRET-token-0001', users: { ana: 'ana-SECRET-token-00002' } } }),
    );
    const { code, stdout } = await runCli(['config', 'list'], { home });
    expect(code).toBe(0);
    expect(stdout).toContain('server.users.ana = ana-…0002');
    expect(stdout).not.toContain('SECRET');
  });

  it('rejects unknown keys and bad values without touching the file', async () => {
    const home = tempDir();
    await runCli(['config', 'set', 'temperature', '0.5'], { home });
    const before = readFileSync(join(home, 'config.json'), 'utf8');
    const unknown = await runCli(['config', 'set', 'temprature', '0.5'], { home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown setting "temprature"');
    const bad = await runCli(['config', 'set', 'temperature', '9'], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid value for temperature');
    expect(readFileSync(join(home, 'config.json'), 'utf8')).toBe(before);
  });

  it('a hand-broken config file gets a message naming the file and field', async () => {
    const home = tempDir();
    await runCli(['config', 'set', 'temperature', '0.5'], { home });
    const file = join(home, 'config.json');
    writeFileSync(file, '{"temperature": "warm"}');
    const { code, stderr } = await runCli(['ask', 'cfo', 'hi'], { home });
    expect(code).toBe(3);
    expect(stderr).toContain(`${file}: temperature:`);
  });

  it('the config provider and a key in config are used by ask, and the key never lands in the database', async () => {
    const home = tempDir();
    await runCli(['config', 'set', 'provider', 'offline'], { home });
    await runCli(['config', 'set', 'openai.apiKey', 'sk-SECRET-in-config'], { home });
    const { stdout } = await runCli(['ask', 'cfo', 'hi', '--json'], { home });
    expect(JSON.parse(stdout).provider).toBe('offline');
    for (const file of readdirSync(home)) {
      if (file.startsWith('persona.db')) expect(readFileSync(join(home, file)).includes('SECRET')).toBe(false);
    }
  });
});
