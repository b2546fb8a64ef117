import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { assertBuilt, startChat } from './chat-helpers.js';

// The status line under the prompt says what answers and what the session has cost; token counts
// only where a model counted tokens.

let terminal: TmuxTerminal | undefined;
beforeAll(() => assertBuilt());
afterEach(() => {
  terminal?.kill();
  terminal = undefined;
});

describe('the chat status line', { timeout: 30_000 }, () => {
  it('shows no token counts for the offline engine, before or after a reply', async () => {
    const home = tempDir();
    terminal = startChat(['cfo'], { home });
    await terminal.waitFor('Message Diane');
    expect(terminal.screen()).toMatch(/offline · \S+/);
    terminal.type('What do you think of our pricing?');
    terminal.press('Enter');
    await terminal.waitFor('Esc stops the reply', 5000);
    const after = await terminal.waitFor('/help · Ctrl-D quits', 15_000, { history: false });
    const status = after.split('\n').find((line) => line.includes('offline ·'));
    expect(status).toBeDefined();
    expect(status).not.toMatch(/tokens/);
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
  });
});
