import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { NEEDS_POCKETSPHINX, withoutPocketsphinx } from '../support/pocketsphinx.js';
import { decodeWav } from '../../src/voice/wav.js';
import { runCli } from '../support/cli.js';
import type { TmuxTerminal } from '../support/pty.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type TranscriptionBody, type WireServer } from '../support/wire-server.js';
import { installFakeRecorder, PRICING_WAV, type FakeMode } from '../voice/fake-recorder.js';
import { assertBuilt, readDatabase, startChat } from './chat-helpers.js';

// Voice input in the built chat, in a real terminal: Ctrl-R spawns the real node-record-lpcm16,
// which finds a fake `sox` first on PATH streaming a spoken fixture; the transcript lands in the
// input, is sent with Enter, and the database records the message as spoken.

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

/** Transcripts from the wire server; silence detection off, so only a key ends the recording. */
async function configureOpenAITranscriber(home: string): Promise<void> {
  for (const [key, value] of [
    ['voice.transcriber', 'openai'],
    ['voice.silenceSeconds', '0'],
  ]) {
    const set = await runCli(['config', 'set', key!, value!], { home });
    expect(set.code, set.stderr).toBe(0);
  }
}

function chatWithFakeSox(home: string, mode: FakeMode, args: string[], env: Record<string, string> = {}): TmuxTerminal {
  const bin = installFakeRecorder(join(home, 'bin'));
  return startChat(['cfo', '--provider', 'offline', ...args], {
    home,
    env: { PATH: `${bin}:${process.env.PATH ?? ''}`, FAKE_REC_MODE: mode, FAKE_REC_FILE: PRICING_WAV, ...env },
  });
}

function audioPaths(home: string): Array<string | null> {
  const db = new Database(join(home, 'persona.db'), { readonly: true });
  try {
    return (
      db.prepare("SELECT audio_path FROM messages WHERE role = 'user' ORDER BY pk").all() as Array<{ audio_path: string | null }>
    ).map((r) => r.audio_path);
  } finally {
    db.close();
  }
}

describe('voice input in persona chat', { timeout: 60_000 }, () => {
  it('Ctrl-R shows the meter, Enter stops, the transcript waits in the input, Enter sends it as voice; --keep-audio files the WAV', async () => {
    const home = tempDir();
    await configureOpenAITranscriber(home);
    wire.reset();
    wire.enqueue({ text: 'What would make you switch banks?' });
    // The fake sox sends the phrase, then quiet, then waits: only Enter ends this recording.
    terminal = chatWithFakeSox(home, 'hang-after-silence', ['--keep-audio'], { OPENAI_BASE_URL: `${wire.url}/v1` });
    await terminal.waitFor('Message Diane');

    terminal.press('C-r');
    // The level bar and a clock that has moved on: audio has flowed through the recorder.
    await terminal.waitFor(/● recording [1-9]\d*\.\ds [█░]{20}/, 15_000, { history: false });
    terminal.press('Enter');
    await terminal.waitFor('› What would make you switch banks?', 15_000, { history: false });
    const upload = wire.requests[0]!.body as TranscriptionBody;
    expect(decodeWav(upload.file!.bytes).sampleRate).toBe(16_000);
    // Not sent until the user says so.
    expect(existsSync(join(home, 'persona.db')) ? readDatabase(home).messages : []).toEqual([]);

    terminal.press('Enter');
    await terminal.waitFor('🎙 recording kept at', 10_000);
    await terminal.waitFor('/help · Ctrl-D quits', 20_000, { history: false });
    terminal.press('C-d');
    expect(await terminal.waitForExit()).toBe(0);

    const db = readDatabase(home);
    // Diane's greeting opens the session, then the spoken question and the reply.
    expect(db.messages.map((m) => [m.role, m.input_mode])).toEqual([
      ['persona', null],
      ['user', 'voice'],
      ['persona', null],
    ]);
    expect(db.messages[1]!.content).toBe('What would make you switch banks?');
    const [audio] = audioPaths(home);
    expect(dirname(dirname(audio!))).toBe(join(home, 'audio'));
    expect(decodeWav(readFileSync(audio!)).sampleRate).toBe(16_000);
    expect(terminal.transcript().replace(/\s+/g, '')).toContain(`recordingkeptat${audio}`.replace(/\s+/g, ''));
  });

  it.skipIf(withoutPocketsphinx)(
    `offline with pocketsphinx: the recording ends on silence by itself and the words reach the input ${NEEDS_POCKETSPHINX}`,
    async () => {
      const home = tempDir();
      terminal = chatWithFakeSox(home, 'hang-after-silence', []);
      await terminal.waitFor('Message Diane');
      terminal.press('C-r');
      await terminal.waitFor('● recording', 15_000, { history: false });
      // No key pressed: the fake recorder goes quiet and the silence ends the recording.
      const screen = await terminal.waitFor(/› .*think/i, 40_000, { history: false });
      expect(screen).not.toContain('● recording');
      terminal.press('Enter');
      await terminal.waitFor('/help · Ctrl-D quits', 20_000, { history: false });
      terminal.press('C-d');
      expect(await terminal.waitForExit()).toBe(0);
      const user = readDatabase(home).messages.find((m) => m.role === 'user');
      expect(user).toMatchObject({ role: 'user', input_mode: 'voice' });
      expect(user!.content.toLowerCase()).toContain('think');
    },
  );

  it('Esc cancels a recording: nothing is sent or kept, and the chat goes on', async () => {
    const home = tempDir();
    await configureOpenAITranscriber(home);
    wire.reset();
    terminal = chatWithFakeSox(home, 'hang-after-silence', [], { OPENAI_BASE_URL: `${wire.url}/v1` });
    await terminal.waitFor('Message Diane');
    terminal.press('C-r');
    await terminal.waitFor('● recording', 15_000, { history: false });
    terminal.press('Escape');
    await terminal.waitFor('recording cancelled', 10_000);
    await terminal.waitFor('› Message Diane', 5000, { history: false });
    expect(wire.requests).toEqual([]);
    expect(existsSync(join(home, 'audio')) ? readdirSync(join(home, 'audio')) : []).toEqual([]);
  });

  it('piped (line mode), /voice says it needs the interactive chat and the other lines still go through', async () => {
    const home = tempDir();
    const run = await runCli(['chat', 'cfo', '--provider', 'offline'], { home, input: '/voice\nHello there\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('error: voice input needs the interactive chat');
    expect(readDatabase(home).messages.map((m) => [m.role, m.content])).toEqual([
      ['persona', 'I have about twenty minutes. What are we looking at?'],
      ['user', 'Hello there'],
      ['persona', expect.any(String)],
    ]);
  });
});
