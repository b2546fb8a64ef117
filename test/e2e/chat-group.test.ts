import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { assertBuilt, startChat } from './chat-helpers.js';

// `persona chat a,b`: the built CLI in tmux, the user as moderator of a group. Each message gets
// a labelled reply from every participant; `/to` asks one of them.

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

function savedMessages(home: string): Array<{ role: string; speaker_id: string | null; addressee_id: string | null; content: string }> {
  const db = new Database(join(home, 'persona.db'), { readonly: true });
  try {
    return db.prepare('SELECT role, speaker_id, addressee_id, content FROM messages ORDER BY seq').all() as never;
  } finally {
    db.close();
  }
}

function replies(home: string): number {
  try {
    return savedMessages(home).filter((m) => m.role === 'persona').length;
  } catch {
    return 0; // the database opens after the first frame
  }
}

describe('persona chat with several personas', { timeout: 40_000 }, () => {
  it('every participant answers under their name; /to asks one; all of it is one group session', async () => {
    const home = tempDir();
    wire.reset();
    wire.enqueue(
      { text: 'Diane says the ROI is unclear.' },
      { text: 'Siobhan says nights are hard.' },
      { text: 'Only Siobhan answers this.' },
    );
    terminal = startChat(['cfo,icu-nurse', '--provider', 'openai'], {
      home,
      env: { OPENAI_API_KEY: 'sk-test-group', OPENAI_BASE_URL: `${wire.url}/v1` },
    });
    await terminal.waitFor('Message the group');
    expect(terminal.screen()).toContain('Diane Kowalczyk');
    expect(terminal.screen()).toContain('Siobhan Gallagher');
    terminal.type('What do you think of meal kits?');
    terminal.press('Enter');
    await terminal.waitFor((s) => s.includes('Siobhan says nights are hard.'));
    const screen = terminal.screen();
    // Each reply sits under its speaker's name, in speaking order.
    const diane = screen.lastIndexOf('Diane Kowalczyk');
    const dianeReply = screen.indexOf('Diane says the ROI is unclear.');
    const siobhan = screen.lastIndexOf('Siobhan Gallagher');
    const siobhanReply = screen.indexOf('Siobhan says nights are hard.');
    expect(diane).toBeLessThan(dianeReply);
    expect(dianeReply).toBeLessThan(siobhan);
    expect(siobhan).toBeLessThan(siobhanReply);
    // The second speaker heard the first, by name.
    // (followed by Siobhan's own reminder to stay in character, on the last user turn).
    expect(wire.requests[1]!.body.messages.at(-1).content).toMatch(
      /^Moderator: What do you think of meal kits\?\n\nDiane Kowalczyk: Diane says the ROI is unclear\.\n\n\(Reminder: you are Siobhan\. /,
    );

    await terminal.waitFor('Ctrl-D quits', 10_000, { history: false });
    terminal.type('/to icu-nurse How are your night shifts?');
    terminal.press('Enter');
    await terminal.waitFor('Only Siobhan answers this.');
    expect(terminal.screen()).toContain('to Siobhan Gallagher: How are your night shifts?');
    expect(wire.requests).toHaveLength(3);
    expect(wire.requests[2]!.body.messages.at(-1).content).toMatch(/^Moderator \(to you\): How are your night shifts\?\n\n\(Reminder: /);

    await terminal.waitFor('Ctrl-D quits', 10_000, { history: false });
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
    expect(terminal.transcript()).toContain('Group session');
    expect(savedMessages(home)).toEqual([
      { role: 'user', speaker_id: null, addressee_id: null, content: 'What do you think of meal kits?' },
      { role: 'persona', speaker_id: 'cfo', addressee_id: null, content: 'Diane says the ROI is unclear.' },
      { role: 'persona', speaker_id: 'icu-nurse', addressee_id: null, content: 'Siobhan says nights are hard.' },
      { role: 'user', speaker_id: null, addressee_id: 'icu-nurse', content: 'How are your night shifts?' },
      { role: 'persona', speaker_id: 'icu-nurse', addressee_id: null, content: 'Only Siobhan answers this.' },
    ]);
  });

  it('offline engine: both participants answer; an unknown /to says who is there', async () => {
    const home = tempDir();
    terminal = startChat(['cfo,icu-nurse'], { home });
    await terminal.waitFor('Message the group');
    terminal.type('/to nobody hello');
    terminal.press('Enter');
    await terminal.waitFor('nobody is not in this group');
    expect(terminal.screen()).toContain('address one of: cfo, icu-nurse');
    terminal.type('What frustrates you about budgeting?');
    terminal.press('Enter');
    await terminal.waitFor(() => replies(home) === 2, 20_000);
    await terminal.waitFor('Ctrl-D quits', 10_000, { history: false });
    const speakers = savedMessages(home)
      .filter((m) => m.role === 'persona')
      .map((m) => m.speaker_id);
    expect(speakers).toEqual(['cfo', 'icu-nurse']);
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
  });
});
