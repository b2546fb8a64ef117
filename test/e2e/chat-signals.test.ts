import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { assertBuilt, readDatabase, startChat } from './chat-helpers.js';

// Closing the terminal window (SIGHUP), `kill` (SIGTERM) or an outside SIGINT while a reply
// streams: the chat saves what arrived, marked interrupted, and exits at once with 128 + the
// signal's number, as Esc and `ask` do.

let terminal: TmuxTerminal | undefined;
let wire: WireServer;
beforeAll(async () => {
  assertBuilt();
  wire = await startWireServer();
});
afterAll(() => wire.close());
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
const SLOW_REPLY = Array.from({ length: 60 }, (_, i) => `slowword${i}`).join(' ');

describe('persona chat under a signal mid-reply', { timeout: 30_000 }, () => {
  for (const signal of Object.keys(SIGNAL_NUMBERS) as Array<keyof typeof SIGNAL_NUMBERS>) {
    it(`${signal}: saves the partial reply marked interrupted and exits promptly with 128 + the signal`, async () => {
      const home = tempDir();
      wire.enqueue({ text: SLOW_REPLY, chunkDelayMs: 150 });
      terminal = startChat(['cfo', '--provider', 'openai'], {
        home,
        env: { OPENAI_API_KEY: 'sk-test-signals', OPENAI_BASE_URL: `${wire.url}/v1` },
      });
      await terminal.waitFor('Message Diane');
      terminal.type('Tell me everything');
      terminal.press('Enter');
      await terminal.waitFor('slowword3', 10_000);
      const pid = terminal.pid();
      const sent = Date.now();
      process.kill(pid, signal);
      const status = await terminal.waitForExit(5000);
      // The save takes milliseconds; the bound leaves room for tmux polling on a loaded machine
      // (the Ink chat waits at most 1 s for the save before it exits regardless).
      expect(Date.now() - sent).toBeLessThan(3000);
      // (The status comes from the terminal's wrapper: tmux itself at times never reaps the
      // program and reported such an exit as 0; see test/support/pty.ts.)
      expect(status).toBe(128 + SIGNAL_NUMBERS[signal]);
      const replies = readDatabase(home).messages.filter((m) => m.role === 'persona' && m.provider === 'openai');
      expect(replies).toHaveLength(1);
      expect(replies[0]).toMatchObject({ status: 'interrupted' });
      expect(replies[0]!.content).toMatch(/^slowword0 slowword1 slowword2 slowword3/);
      expect(replies[0]!.content).not.toContain('slowword59');
    });
  }
});
