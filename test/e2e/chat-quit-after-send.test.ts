import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { assertBuilt, readDatabase, startChat } from './chat-helpers.js';

// Enter and Ctrl-D in one keystroke burst (a fast typist, a paste ending in a line break): the
// message was accepted, so it is in the history when the chat has quit, with its reply or the
// part of it that arrived, and the chat still exits 0.

let terminal: TmuxTerminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});

describe('quitting right after sending', { timeout: 30_000 }, () => {
  it.each([
    ['persona chat', 'cfo', 'Message Diane'],
    ['a group chat', 'cfo,icu-nurse', 'Message the group'],
  ])('%s: Ctrl-D right after Enter keeps the message sent', async (_label, personas, prompt) => {
    const home = tempDir();
    terminal = startChat([personas, '--provider', 'offline'], { home });
    await terminal.waitFor(prompt);
    terminal.type('What would make you switch vendors?');
    terminal.press('Enter', 'C-d');
    expect(await terminal.waitForExit()).toBe(0);
    const users = readDatabase(home).messages.filter((m) => m.role === 'user');
    expect(users.map((m) => m.content)).toEqual(['What would make you switch vendors?']);
  });
});
