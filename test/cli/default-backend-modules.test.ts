import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDatabase, startChat } from '../e2e/chat-helpers.js';
import { startServeProcess } from '../server/serve-process.js';
import type { TmuxTerminal } from '../support/pty.js';
import { createPostgresDatabase, describePostgres } from '../support/postgres.js';
import { tempDir } from '../support/temp.js';

// What the PostgreSQL code costs the default: on the SQLite file, the interactive chat (up to its
// first frame and a saved turn) and `persona serve` (serving a saved turn) never load the `pg`
// client, so their start-up is what it was. The same probe with DATABASE_URL set finds it loaded,
// which shows the probe sees it when it is there.

/** A preload that writes, at exit, which files of the `pg` packages the process loaded (it is CommonJS). */
function pgProbe(): { nodeOptions: string; loaded: () => string[] } {
  const dir = tempDir();
  const hook = join(dir, 'record-pg.cjs');
  const out = join(dir, 'loaded.json');
  writeFileSync(
    hook,
    `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]pg[^\\\\/]*[\\\\/]/.test(f)))));`,
  );
  return {
    nodeOptions: `--require ${hook}`,
    loaded: () => {
      if (!existsSync(out)) throw new Error('the process ended without running its exit handlers');
      return JSON.parse(readFileSync(out, 'utf8')) as string[];
    },
  };
}

let terminal: TmuxTerminal | undefined;
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});

/** A chat turn with the offline engine through the built CLI in tmux, then Ctrl-D; the probe's findings. */
async function chatTurn(env: Record<string, string | undefined>): Promise<{ home: string; pg: string[] }> {
  const probe = pgProbe();
  const home = tempDir();
  terminal = startChat(['cfo'], { home, env: { ...env, NODE_OPTIONS: probe.nodeOptions } as Record<string, string> });
  await terminal.waitFor('Message Diane', 20_000);
  terminal.type('What would make you switch tools?');
  terminal.press('Enter');
  await terminal.waitFor('Esc stops the reply', 10_000);
  await terminal.waitFor('/help · Ctrl-D quits', 20_000);
  terminal.press('C-d');
  expect(await terminal.waitForExit(15_000)).toBe(0);
  expect(terminal.transcript()).toMatch(/Session \w+ is saved/);
  return { home, pg: probe.loaded() };
}

/** `persona serve` answering one saved turn, then SIGTERM; the probe's findings. */
async function serveTurn(env: Record<string, string>): Promise<string[]> {
  const probe = pgProbe();
  const serve = await startServeProcess([], undefined, { ...env, NODE_OPTIONS: probe.nodeOptions });
  const response = await fetch(`${serve.url}/api/personas/cfo/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: 'What would make you switch tools?' }),
  });
  expect(response.status).toBe(200);
  expect(((await response.json()) as { sessionId: string }).sessionId).toMatch(/^[0-9a-z]+$/);
  expect(await serve.stop()).toBe(0);
  return probe.loaded();
}

describe('on the SQLite file (no DATABASE_URL), the PostgreSQL client is never loaded', () => {
  it('by the interactive chat, through its first frame and a saved turn', { timeout: 60_000 }, async () => {
    const { home, pg } = await chatTurn({ DATABASE_URL: undefined });
    expect(pg).toEqual([]);
    expect(readDatabase(home).messages.map((m) => [m.role, m.content])).toContainEqual(['user', 'What would make you switch tools?']);
  });

  it('by persona serve, through a saved turn', { timeout: 60_000 }, async () => {
    expect(await serveTurn({})).toEqual([]);
  });
});

describePostgres('with DATABASE_URL, the same probe finds the PostgreSQL client loaded', () => {
  it('by the interactive chat', { timeout: 60_000 }, async () => {
    expect((await chatTurn({ DATABASE_URL: await createPostgresDatabase() })).pg.length).toBeGreaterThan(0);
  });

  it('by persona serve', { timeout: 60_000 }, async () => {
    expect((await serveTurn({ DATABASE_URL: await createPostgresDatabase() })).length).toBeGreaterThan(0);
  });
});
