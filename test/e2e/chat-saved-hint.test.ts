import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli.js';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { assertBuilt, startChat } from './chat-helpers.js';

// After the README's install the chat runs through npx, which puts node_modules/.bin on the PATH it
// runs us with. The line the chat prints when it ends must name a command that works in the
// user's own shell once npx has returned: `npx persona …`, not `persona …`.

let terminal: TmuxTerminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});

/** The environment npx gives the CLI: its marker, and a node_modules/.bin with `persona` first on PATH. */
function npxEnv(): Record<string, string> {
  const dotBin = join(tempDir(), 'node_modules', '.bin');
  mkdirSync(dotBin, { recursive: true });
  symlinkSync(BIN, join(dotBin, 'persona'));
  return { npm_command: 'exec', PATH: `${dotBin}:${process.env.PATH ?? ''}` };
}

describe('the line a chat ends with names the command the way it runs from here', { timeout: 30_000 }, () => {
  it.each([
    ['persona chat', 'cfo', 'Message Diane', /Reopen it with: npx persona chat --session [0-9a-z]+/],
    ['a group chat', 'cfo,icu-nurse', 'Message the group', /Read it with: npx persona sessions show [0-9a-z]+/],
  ])('%s run through npx says `npx persona …`', async (_label, personas, prompt, saved) => {
    terminal = startChat([personas, '--provider', 'offline'], { home: tempDir(), env: npxEnv() });
    await terminal.waitFor(prompt);
    terminal.type('What would make you switch vendors?');
    terminal.press('Enter', 'C-d');
    expect(await terminal.waitForExit()).toBe(0);
    expect(terminal.screen({ history: true }).replace(/\s*\n\s*/g, ' ')).toMatch(saved);
  });
});
