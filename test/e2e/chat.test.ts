import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { textWidth } from '../../src/ui/terminal-width/text-width.js';
import { runCli } from '../support/cli.js';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { assertBuilt, readDatabase, startChat } from './chat-helpers.js';

// The built CLI in a real pseudo-terminal (tmux), as a user drives it; then the SQLite file is
// checked to hold exactly what happened on screen.

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

const LONG_REPLY = Array.from({ length: 150 }, (_, i) => `word${i}`).join(' ');

describe('persona chat in a terminal', { timeout: 30_000 }, () => {
  it('offline: picks a persona from the picker, streams a reply, quits with Ctrl-D; the turn is saved', async () => {
    const home = tempDir();
    terminal = startChat([], { home });
    await terminal.waitFor('Who do you want to talk to?');
    terminal.type('nurse');
    await terminal.waitFor((s) => s.includes('Siobhan') && !s.includes('Diane'));
    terminal.press('Enter');
    await terminal.waitFor('Message Siobhan');
    expect(terminal.screen()).toContain('Offline engine: replies are composed locally');
    terminal.type('Tell me about your day in detail please');
    terminal.press('Enter');
    await terminal.waitFor('Esc stops the reply', 5000);
    await terminal.waitFor('/help · Ctrl-D quits', 15_000);
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
    const screen = terminal.transcript();
    expect(screen).toMatch(/Session \w+ is saved/);

    const db = readDatabase(home);
    expect(db.sessions).toEqual([expect.objectContaining({ persona_id: 'icu-nurse', provider: 'offline' })]);
    // The greeting on screen opens the saved session too, with no provider (no model wrote it).
    expect(db.messages.map((m) => [m.role, m.status, m.input_mode, m.provider])).toEqual([
      ['persona', 'complete', null, null],
      ['user', 'complete', 'typed', null],
      ['persona', 'complete', null, 'offline'],
    ]);
    expect(screen.replace(/\s+/g, ' ')).toContain(db.messages[0]!.content.replace(/\s+/g, ' '));
    expect(db.messages[1]!.content).toBe('Tell me about your day in detail please');
    // What was streamed is what was saved: the reply's opening words are on screen.
    const opening = db.messages[2]!.content.split(/\s+/).slice(0, 4).join(' ');
    expect(screen.replace(/\s+/g, ' ')).toContain(opening);
  });

  it('the picker keeps persona ids whole on a 40-column terminal (they are what you type)', async () => {
    const home = tempDir();
    terminal = startChat([], { home, columns: 40, rows: 30 });
    const screen = await terminal.waitFor('Who do you want to talk to?');
    for (const id of ['cfo', 'dubai-luxury-traveller', 'kenya-dairy-farmer']) expect(screen).toContain(id);
    for (const line of screen.split('\n')) expect(textWidth(line.trimEnd()), line).toBeLessThanOrEqual(40);
    terminal.press('Escape');
    expect(await terminal.waitForExit()).toBe(0);
  });

  it('renders live on a terminal even when CI=true is set (Ink would otherwise draw only its last frame)', async () => {
    const home = tempDir();
    terminal = startChat(['cfo'], { home, env: { CI: 'true', CONTINUOUS_INTEGRATION: '1' } });
    await terminal.waitFor('Message Diane');
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
  });

  it('with a key set but the offline engine chosen, the notice says how to switch instead of asking for a key', async () => {
    const home = tempDir();
    terminal = startChat(['cfo', '--provider', 'offline'], { home, env: { OPENAI_API_KEY: 'sk-test-not-used' } });
    const screen = await terminal.waitFor('Message Diane');
    expect(screen.replace(/\s+/g, ' ')).toContain('/provider openai answers with your OpenAI key.');
    expect(screen).not.toContain('Set OPENAI_API_KEY');
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
  });

  it('with NO_COLOR: no colour at all, but the cursor and emphasis still show', async () => {
    const home = tempDir();
    terminal = startChat(['cfo'], { home, env: { NO_COLOR: '1' } });
    await terminal.waitFor('Message Diane');
    terminal.type('hello world');
    await terminal.waitFor('hello world');
    terminal.press('Left', 'Left');
    // The cursor is drawn: inverse video moves onto the "l" (waiting for it: the keys take a frame to land).
    const screen = await terminal.waitFor(/hello wor\x1b\[7ml/, 10_000, { escapes: true });
    // The persona's name is in bold.
    expect(screen).toMatch(/\x1b\[1mDiane Kowalczyk/);
    // No SGR sets a foreground or background colour (39 and 49, "default colour", are resets).
    const colours = [...screen.matchAll(/\x1b\[([0-9;]*)m/g)]
      .flatMap((m) => m[1]!.split(';'))
      .filter((p) => /^(3[0-8]|4[0-8]|9[0-7]|10[0-7])$/.test(p));
    expect(colours).toEqual([]);
    terminal.press('C-e');
    terminal.press('C-u');
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
  });

  it("opens a new session with the persona's greeting; /reset greets again", async () => {
    const home = tempDir();
    terminal = startChat(['cfo'], { home });
    await terminal.waitFor('I have about twenty minutes. What are we looking at?');
    terminal.type('/reset');
    terminal.press('Enter');
    await terminal.waitFor((s) => s.split('I have about twenty minutes').length === 3);
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
  });

  it('draws the transcript again at the new width after a resize, with no pieces of old frames left', async () => {
    const home = tempDir();
    terminal = startChat(['cfo'], { home, columns: 100, rows: 40 });
    await terminal.waitFor('Message Diane');
    terminal.type('How do you track expenses today, and what would make you switch tools? Tell me in detail.');
    terminal.press('Enter');
    await terminal.waitFor('/help · Ctrl-D quits', 15_000);
    const boxes = (screen: string) => screen.split('\n').filter((l) => l.includes('› Message Diane')).length;
    const widest = (screen: string) => Math.max(...screen.split('\n').map((l) => l.trimEnd().length));

    terminal.resize(60);
    // Once it settles: one input box, and every line (the user's question included) fits 60 columns.
    const narrow = await terminal.waitFor((s) => boxes(s) === 1 && s.includes('┃ switch tools? Tell me in detail.'), 5000, {
      history: true,
    });
    expect(widest(narrow)).toBeLessThanOrEqual(60);
    terminal.resize(100);
    const wide = await terminal.waitFor(
      (s) => boxes(s) === 1 && s.includes('┃ How do you track expenses today, and what would make you switch tools? Tell me in detail.'),
      5000,
      {
        history: true,
      },
    );
    expect(wide.match(/I have about twenty minutes/g)).toHaveLength(1);
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);
  });

  it('streams, stops on Esc, /retry, /reset, /export, /quit; the database holds exactly that', async () => {
    const home = tempDir();
    const cwd = tempDir();
    wire.reset();
    wire.enqueue(
      { text: LONG_REPLY, chunkDelayMs: 25, usage: { input: 900, output: 150 } },
      { text: 'A second, **shorter** answer.', usage: { input: 910, output: 6 } },
      { text: 'The third answer, in a new session.', usage: { input: 800, output: 8 } },
    );
    terminal = startChat(['cfo', '--provider', 'openai'], {
      home,
      cwd,
      env: { OPENAI_BASE_URL: `${wire.url}/v1`, OPENAI_API_KEY: 'sk-test' },
    });
    await terminal.waitFor('Message Diane');
    expect(terminal.screen()).toContain('openai · gpt-4o-mini');

    terminal.type('First question');
    terminal.press('Enter');
    // Mid-stream: some words are on screen, the last is not yet.
    const midway = await terminal.waitFor((s) => s.includes('word10 ') && !s.includes('word149'), 8000);
    expect(midway).toContain('Esc stops the reply');
    terminal.press('Escape');
    await terminal.waitFor('interrupted: the partial reply is saved');

    terminal.type('/retry');
    terminal.press('Enter');
    await terminal.waitFor('A second, shorter answer.');

    terminal.type('/reset');
    terminal.press('Enter');
    await terminal.waitFor('── new session ──');
    terminal.type('Question two');
    terminal.press('Enter');
    await terminal.waitFor('The third answer, in a new session.');

    terminal.type('/export md notes.md');
    terminal.press('Enter');
    await terminal.waitFor(`Exported to ${join(cwd, 'notes.md')}`);

    terminal.type('/quit');
    terminal.press('Enter');
    expect(await terminal.waitForExit()).toBe(0);

    const db = readDatabase(home);
    expect(db.sessions.map((s) => [s.persona_id, s.provider])).toEqual([
      ['cfo', 'openai'],
      ['cfo', 'openai'],
    ]);
    const [first, second] = db.sessions.map((s) => db.messages.filter((m) => m.session_id === s.id));
    // Each session opens with Diane's greeting (what the chat showed), then what happened.
    const greeting = first![0]!.content;
    expect(greeting).toBe('I have about twenty minutes. What are we looking at?');
    expect(first!.map((m) => [m.role, m.status])).toEqual([
      ['persona', 'complete'],
      ['user', 'complete'],
      ['persona', 'interrupted'],
      ['persona', 'complete'],
    ]);
    expect(first![1]!.content).toBe('First question');
    const partial = first![2]!.content;
    expect(partial.length).toBeGreaterThan(0);
    expect(LONG_REPLY.startsWith(partial)).toBe(true);
    expect(partial).not.toContain('word149');
    expect(first![3]!.content).toBe('A second, **shorter** answer.');
    expect(second!.map((m) => [m.role, m.status, m.content])).toEqual([
      ['persona', 'complete', greeting],
      ['user', 'complete', 'Question two'],
      ['persona', 'complete', 'The third answer, in a new session.'],
    ]);
    // The retry asked the model the same question again. The greeting never reaches the model as
    // a turn (a request opens with the user); the system prompt says how the chat began.
    // (The persona's post-history reminder rides on the last user turn.)
    const retried = wire.requests[1]!.body.messages.at(-1) as { role: string; content: string };
    expect(retried.role).toBe('user');
    expect(retried.content).toMatch(/^First question\n\n\(Reminder: you are Diane\. /);
    for (const request of wire.requests) {
      const turns = request.body.messages.filter((m: { role: string }) => m.role !== 'system');
      expect(turns[0].role).toBe('user');
    }
    expect(wire.requests[0]!.body.messages[0].content).toContain(`You opened it with this message:\n${greeting}`);

    const exported = readFileSync(join(cwd, 'notes.md'), 'utf8');
    expect(exported.indexOf(greeting)).toBeGreaterThan(-1);
    expect(exported.indexOf(greeting)).toBeLessThan(exported.lastIndexOf('Question two'));
    expect(exported).toContain('Question two');
    expect(exported).toContain('The third answer, in a new session.');
    expect(exported).not.toContain('First question');
  });

  it('never lets escape sequences from a reply reach the terminal', async () => {
    const home = tempDir();
    wire.reset();
    const hostile = [
      'Safe text before.',
      '\x1b]52;c;cHduZWQ=\x07', // OSC 52: write the clipboard
      '\x1b]0;pwned-title\x07', // OSC 0: window title
      '\x1b]8;;https://evil.example/\x1b\\click here\x1b]8;;\x1b\\', // OSC 8: hidden link target
      '\x1b[2J\x1b[H', // clear the screen
      '\x9b31m', // C1 CSI
      '\u202eright-to-left\u202c',
      ' Safe text after.',
    ].join('');
    // Many small chunks, so sequences are split across stream events.
    wire.enqueue({ text: hostile, chunks: 40 });
    terminal = startChat(['cfo', '--provider', 'openai'], { home, env: { OPENAI_BASE_URL: `${wire.url}/v1`, OPENAI_API_KEY: 'sk-test' } });
    await terminal.waitFor('Message Diane');
    spawnTmux(terminal, ['set-option', '-g', 'set-clipboard', 'on']);
    terminal.type('Say something');
    terminal.press('Enter');
    const screen = await terminal.waitFor('Safe text after.');

    expect(screen.replace(/\s+/g, ' ')).toContain('Safe text before.click hereright-to-left Safe text after.');
    expect(screen).toContain('┃ Say something'); // the screen was not cleared
    expect(screen).not.toContain('evil.example');
    const styled = terminal.screen({ escapes: true });
    const sequences = styled.match(/\x1b[^a-zA-Z]*[a-zA-Z\\]/g) ?? [];
    // Only colour and style (SGR) sequences are on screen: no OSC, no cursor movement, no clearing.
    expect(sequences.filter((s) => !/^\x1b\[[0-9;:]*m$/.test(s))).toEqual([]);
    expect(styled).not.toContain('\u202e');
    expect(spawnTmux(terminal, ['display-message', '-p', '#{pane_title}'])).not.toContain('pwned');
    expect(spawnTmux(terminal, ['list-buffers', '-F', '#{buffer_sample}'])).not.toContain('pwned');
  });

  it('reopens the last session with --continue, transcript shown', async () => {
    const home = tempDir();
    const first = await runCli(['chat', 'cfo'], { home, input: 'Remember the blue invoice?\n' });
    expect(first.code).toBe(0);
    terminal = startChat(['cfo', '--continue'], { home });
    await terminal.waitFor('Message Diane');
    expect(terminal.transcript()).toContain('┃ Remember the blue invoice?');
    terminal.press('C-c');
    await terminal.waitFor('Press Ctrl-C again to quit');
    terminal.press('C-c');
    expect(await terminal.waitForExit()).toBe(0);
    expect(readDatabase(home).sessions).toHaveLength(1);
  });
});

describe('persona chat without a terminal', { timeout: 20_000 }, () => {
  // `persona chat <persona>` with no options skips commander (src/cli/plain-chat.ts): it must
  // fail exactly as the commander path does.
  it('answers the same with and without options: unknown persona, missing persona', async () => {
    const home = tempDir();
    const plain = await runCli(['chat', 'nosuch'], { home, input: 'hi\n' });
    const parsed = await runCli(['chat', 'nosuch', '--no-save'], { home, input: 'hi\n' });
    expect(plain.code).toBe(2);
    expect([parsed.code, parsed.stderr]).toEqual([plain.code, plain.stderr]);
    expect(plain.stderr).toMatch(/^error: .*nosuch/);
    const bare = await runCli(['chat'], { home, input: 'hi\n' });
    const bareParsed = await runCli(['chat', '--no-save'], { home, input: 'hi\n' });
    expect(bare.code).toBe(2);
    expect([bareParsed.code, bareParsed.stderr]).toEqual([bare.code, bare.stderr]);
    expect(bare.stderr).toContain('which persona?');
  });

  it('echoes each command before its output, and /help lists only what works without a screen', async () => {
    const home = tempDir();
    const result = await runCli(['chat', 'cfo'], { home, input: '/help\n/cost\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/You: \/help\n\/help +show the commands and keys\n/);
    expect(result.stdout).toContain('You: /cost\n');
    expect(result.stdout).toMatch(/^\/export \[md\|json\|html\|txt\] \[file\] +write this session/m);
    expect(result.stdout).not.toMatch(/^\/(voice|clear)\b/m);
  });

  it('reads one message per line and prints a transcript', async () => {
    const home = tempDir();
    const result = await runCli(['chat', 'cfo'], { home, input: 'What do you think of our pricing?\n\nWould you switch vendors?\n' });
    expect(result.code).toBe(0);
    // The transcript opens with the greeting, as the chat does, and the session keeps it.
    expect(
      result.stdout.startsWith(
        'Diane Kowalczyk: I have about twenty minutes. What are we looking at?\n\nYou: What do you think of our pricing?\nDiane Kowalczyk: ',
      ),
    ).toBe(true);
    expect(result.stdout).toContain('You: Would you switch vendors?\nDiane Kowalczyk: ');
    expect(result.stdout).not.toContain('\x1b');
    const db = readDatabase(home);
    expect(db.messages.map((m) => [m.role, m.status, m.input_mode])).toEqual([
      ['persona', 'complete', null],
      ['user', 'complete', 'script'],
      ['persona', 'complete', null],
      ['user', 'complete', 'script'],
      ['persona', 'complete', null],
    ]);
  });
});

function spawnTmux(t: TmuxTerminal, args: string[]): string {
  return (t as unknown as { tmux(args: string[]): string }).tmux(args);
}
