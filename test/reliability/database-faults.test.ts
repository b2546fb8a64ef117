import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli, type CliResult } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// A database file the app cannot use: every command that needs it says why and how to fix it
// (exit 5), does not crash, and leaves the file exactly as it was.

const NOBODY = 65534;
const runningAsRoot = process.getuid?.() === 0;

async function historyHome(): Promise<{ home: string; file: string }> {
  const home = tempDir();
  const first = await runCli(['ask', 'cfo', 'a first question'], { home });
  expect(first.code).toBe(0);
  return { home, file: join(home, 'persona.db') };
}

function expectRefused(result: CliResult, message: RegExp): void {
  expect(result, result.stderr).toMatchObject({ code: 5 });
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/^hint: /m);
  expect(result.stderr).not.toMatch(/unexpected failure|at .*\.js:\d+/);
}

/** The CLI as an unprivileged user (root ignores file modes, so a read-only file means nothing to it). */
function runAsNobody(args: string[], home: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, PERSONA_HOME: home, NO_UPDATE_NOTIFIER: '1' },
      uid: runningAsRoot ? NOBODY : undefined,
      gid: runningAsRoot ? NOBODY : undefined,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('unusable database files, through the CLI', { timeout: 20_000 }, () => {
  it('locked by another process past the busy timeout: a clear message, the file untouched', async () => {
    const { home, file } = await historyHome();
    const before = readFileSync(file);
    const holder = new Database(file);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      expectRefused(await runCli(['ask', 'cfo', '--continue', 'are you there?'], { home }), /locked|busy/i);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('read-only: a clear message naming the file, the file untouched', async () => {
    const { home, file } = await historyHome();
    if (runningAsRoot) {
      chownSync(home, NOBODY, NOBODY);
      chownSync(file, NOBODY, NOBODY);
    }
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    expectRefused(
      await runAsNobody(['ask', 'cfo', 'hello?'], home),
      new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is read-only`),
    );
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('corrupt (random bytes): a clear message, the file untouched', async () => {
    const home = tempDir();
    const file = join(home, 'persona.db');
    const junk = Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919 + 13) % 256));
    writeFileSync(file, junk);
    for (const args of [['ask', 'cfo', 'hello?'], ['sessions', 'list'], ['stats']]) {
      expectRefused(await runCli(args, { home }), /not a persona-chat database|damaged|not a database/i);
    }
    expect(readFileSync(file).equals(junk)).toBe(true);
  });

  it('written by a newer version: says so, the file untouched', async () => {
    const { home, file } = await historyHome();
    const db = new Database(file);
    db.prepare("INSERT INTO migrations (name, applied_at) VALUES ('999_from_the_future', '2099-01-01')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    const before = readFileSync(file);
    for (const args of [
      ['ask', 'cfo', 'hello?'],
      ['stats', '--json'],
    ]) {
      expectRefused(await runCli(args, { home }), /created by a newer persona-chat.*999_from_the_future/);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });
});
