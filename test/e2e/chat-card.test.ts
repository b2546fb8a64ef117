import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { cardPng } from '../cards/card-builders.js';
import { assertBuilt, startChat } from './chat-helpers.js';

// A character card imported as a persona, in the interactive chat: its first message opens the
// chat, and its lorebook reaches the model when the conversation mentions a key.

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

describe('an imported card in persona chat', { timeout: 30_000 }, () => {
  it('opens with the card greeting and sends lorebook entries when a key comes up', async () => {
    const home = tempDir();
    const png = join(home, 'seraphina.png');
    writeFileSync(png, cardPng(3));
    const imported = await runCli(['personas', 'import', png, '--json'], { home });
    expect(imported.code).toBe(0);
    const personaId = (JSON.parse(imported.stdout) as { imported: Array<{ id: string }> }).imported[0]!.id;
    expect(personaId).toBe('seraphina');

    wire.enqueue({ text: 'It glows when danger is near.' });
    terminal = startChat([personaId, '--provider', 'openai'], {
      home,
      env: { OPENAI_API_KEY: 'sk-test', OPENAI_BASE_URL: `${wire.url}/v1` },
    });
    await terminal.waitFor('You are safe now');
    // The greeting is Markdown: *actions* show in italics, not between asterisks.
    expect(terminal.screen()).toContain('Seraphina kneels beside you. You are safe now');
    terminal.type('What is that amulet you wear?');
    terminal.press('Enter');
    await terminal.waitFor('It glows when danger is near.');
    const system = wire.requests.at(-1)!.body.messages[0].content as string;
    expect(system).toMatch(/The moonstone amulet of Sera(phina)? glows blue when danger is near\./);
    expect(system).toContain('You opened it with this message');
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
  });
});
