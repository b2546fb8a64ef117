import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startChat } from '../e2e/chat-helpers.js';
import { BIN } from '../support/cli.js';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';

// kill -9 while a reply streams: no handler runs, so this proves what the write order promises.
// The user message is committed before the provider is called and the reply is one INSERT at
// the end, so afterwards the file passes integrity_check, holds the question, and holds no
// half-written reply (here: none at all, since the process died before the reply was saved).

let wire: WireServer;
let terminal: TmuxTerminal | undefined;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});

const SLOW_REPLY = { text: Array.from({ length: 300 }, (_, i) => `word${i}`).join(' '), chunkDelayMs: 20 };
const ENV = { OPENAI_API_KEY: 'sk-test-kill', NO_UPDATE_NOTIFIER: '1' };

function afterCrash(home: string): { integrity: string; messages: Array<{ role: string; content: string; status: string }> } {
  const db = new Database(join(home, 'persona.db'));
  try {
    return {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      messages: db.prepare('SELECT role, content, status FROM messages ORDER BY pk').all() as Array<{
        role: string;
        content: string;
        status: string;
      }>,
    };
  } finally {
    db.close();
  }
}

/** `greeting`: what the chat showed first, saved ahead of the question. */
function expectSurvived(home: string, question: string, greeting?: string): void {
  const { integrity, messages: all } = afterCrash(home);
  expect(integrity).toBe('ok');
  const messages = greeting ? all.slice(1) : all;
  if (greeting) expect(all[0]).toEqual({ role: 'persona', content: greeting, status: 'complete' });
  expect(messages[0]).toEqual({ role: 'user', content: question, status: 'complete' });
  // Absent, or (never a half row) marked interrupted.
  expect(messages.slice(1).every((m) => m.role === 'persona' && m.status === 'interrupted')).toBe(true);
}

describe('kill -9 mid-stream', { timeout: 30_000 }, () => {
  it('`persona ask`: the database opens, passes integrity_check, keeps the question, no half reply', async () => {
    const home = tempDir();
    wire.enqueue(SLOW_REPLY);
    const question = 'Tell me everything about your budget process';
    const child = spawn(process.execPath, [BIN, 'ask', 'cfo', question, '--provider', 'openai'], {
      env: { ...process.env, ...ENV, PERSONA_HOME: home, OPENAI_BASE_URL: `${wire.url}/v1` },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let streamed = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        streamed += d;
        if (/word10\b/.test(streamed)) resolve();
      });
      child.on('exit', () => reject(new Error(`ask exited before streaming: ${streamed}`)));
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    expectSurvived(home, question);
  });

  it('the interactive chat: the same after kill -9 of the chat process', async () => {
    const home = tempDir();
    wire.enqueue(SLOW_REPLY);
    terminal = startChat(['cfo', '--provider', 'openai'], { home, env: { ...ENV, OPENAI_BASE_URL: `${wire.url}/v1` } });
    await terminal.waitFor('Message Diane');
    const question = 'Walk me through your month end';
    terminal.type(question);
    terminal.press('Enter');
    await terminal.waitFor(/word1\d/, 10_000);
    const pid = terminal.pid();
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain(BIN);
    process.kill(pid, 'SIGKILL');
    await terminal.waitForExit(5000).catch(() => undefined);
    expectSurvived(home, question, 'I have about twenty minutes. What are we looking at?');
  });
});
