import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPocketsphinx } from '../../src/voice/pocketsphinx-install.js';
import { NEEDS_POCKETSPHINX, withoutPocketsphinx } from '../support/pocketsphinx.js';
import { decodeWav } from '../../src/voice/wav.js';
import { runCli, type CliResult } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { startWireServer, type TranscriptionBody, type WireServer } from '../support/wire-server.js';
import { installFakeRecorder, PRICING_WAV, type FakeMode } from './fake-recorder.js';

// The built CLI, end to end: the real node-record-lpcm16 spawns a fake `sox` found first on PATH,
// the transcript goes to the offline persona, and the session records the message as spoken.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

interface Run extends CliResult {
  home: string;
}

async function askByVoice(mode: FakeMode, extra: string[] = [], options: { path?: string; transcriber?: string } = {}): Promise<Run> {
  const home = tempDir();
  const bin = installFakeRecorder(join(home, 'bin'));
  const result = await runCli(
    ['ask', 'cfo', '--voice', '--provider', 'offline', '--transcriber', options.transcriber ?? 'openai', ...extra],
    {
      home,
      env: { PATH: options.path ?? bin, FAKE_REC_MODE: mode, FAKE_REC_FILE: PRICING_WAV, OPENAI_BASE_URL: `${wire.url}/v1` },
    },
  );
  return { ...result, home };
}

function lastSession(
  home: string,
): Promise<{ messages: Array<{ role: string; content: string; inputMode: string | null; audioPath?: string }> }> {
  return runCli(['sessions', 'show', 'last', '--json'], { home }).then((r) => JSON.parse(r.stdout));
}

function keptPath(stderr: string): string {
  const path = /kept at (\S+\.wav)/.exec(stderr)?.[1];
  expect(path, stderr).toBeDefined();
  return path!;
}

const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('persona ask --voice', () => {
  it('records, transcribes, asks, and saves the message as spoken', async () => {
    wire.reset();
    wire.enqueue({ text: 'What would make you switch banks?' });
    const run = await askByVoice('exit');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('you said: What would make you switch banks?');
    expect(run.stdout.trim().length).toBeGreaterThan(0);
    const uploaded = decodeWav((wire.requests[0]!.body as TranscriptionBody).file!.bytes);
    expect(uploaded.channels[0]!.length).toBe(decodeWav(readFileSync(PRICING_WAV)).channels[0]!.length);
    const [user] = (await lastSession(run.home)).messages;
    expect(user).toMatchObject({ role: 'user', content: 'What would make you switch banks?', inputMode: 'voice' });
    // Transcribed and not kept: no recording is left behind.
    expect(existsSync(join(run.home, 'audio')) ? readdirSync(join(run.home, 'audio')) : []).toEqual([]);
  });

  it('--keep-audio files the WAV beside its session and the exports link it', async () => {
    wire.reset();
    wire.enqueue({ text: 'Is the price fair?' });
    const run = await askByVoice('exit', ['--keep-audio']);
    expect(run.code, run.stderr).toBe(0);
    const [user] = (await lastSession(run.home)).messages;
    const audioPath = user!.audioPath!;
    expect(dirname(dirname(audioPath))).toBe(join(run.home, 'audio'));
    expect(decodeWav(readFileSync(audioPath)).sampleRate).toBe(16000);
    expect(run.stderr).toContain(`recording kept at ${audioPath}`);
    const markdown = await runCli(['export', '--last', '--format', 'md'], { home: run.home });
    expect(markdown.stdout).toContain(`_spoken_ · [audio](<file://${audioPath}>)`);
    const html = await runCli(['export', '--last', '--format', 'html'], { home: run.home });
    expect(html.stdout).toContain(`<a class="audio" href="file://${audioPath}">audio</a>`);
  });

  it.skipIf(withoutPocketsphinx)(
    `works offline with pocketsphinx ${NEEDS_POCKETSPHINX}`,
    async () => {
      const home = tempDir();
      const bin = installFakeRecorder(join(home, 'bin'));
      const run = await runCli(['ask', 'cfo', '--voice', '--provider', 'offline', '--transcriber', 'local'], {
        home,
        env: { PATH: `${bin}:${dirname(findPocketsphinx()!)}`, FAKE_REC_MODE: 'exit', FAKE_REC_FILE: PRICING_WAV },
        timeoutMs: 60_000,
      });
      expect(run.code, run.stderr).toBe(0);
      const [user] = (await lastSession(home)).messages;
      expect(user!.inputMode).toBe('voice');
      expect(user!.content.toLowerCase()).toContain('think');
    },
    60_000,
  );

  it('a missing recorder is a clear message with the install command', async () => {
    const run = await askByVoice('exit', [], { path: '/nonexistent' });
    expect(run.code).toBe(7);
    expect(run.stderr).toContain('no microphone recorder found: install sox (apt-get install sox) or set voice.recorder');
    noStackTrace(run.stderr);
  });

  it('a recorder failing mid-way keeps what it captured and says where', async () => {
    wire.reset();
    const run = await askByVoice('fail');
    expect(run.code).toBe(7);
    expect(run.stderr).toContain('the recorder (sox) failed: sox FAIL sox: cannot read from audio device');
    const kept = keptPath(run.stderr);
    expect(decodeWav(readFileSync(kept)).channels[0]!.length).toBeGreaterThan(10_000);
    expect(wire.requests).toHaveLength(0);
    noStackTrace(run.stderr);
  });

  it('a recorder that sends no audio is "no audio was captured"', async () => {
    const run = await askByVoice('empty');
    expect(run.code).toBe(7);
    expect(run.stderr).toContain('no audio was captured');
    noStackTrace(run.stderr);
  });

  it('a failed transcription keeps the recording, and --audio-file retries it', async () => {
    wire.reset();
    wire.enqueue({ status: 400, message: 'audio too short' });
    const run = await askByVoice('exit');
    expect(run.code).toBe(7);
    expect(run.stderr).toContain('transcription failed (OpenAI whisper-1 at 127.0.0.1');
    const kept = keptPath(run.stderr);
    expect(run.stderr).toContain(`retry with --audio-file ${kept}`);
    wire.enqueue({ text: 'Second try.' });
    const retry = await runCli(['ask', 'cfo', '--audio-file', kept, '--provider', 'offline', '--transcriber', 'openai'], {
      home: run.home,
      env: { OPENAI_BASE_URL: `${wire.url}/v1` },
    });
    expect(retry.code, retry.stderr).toBe(0);
    expect((await lastSession(run.home)).messages[0]).toMatchObject({ content: 'Second try.', inputMode: 'voice' });
  });
});

describe('persona ask --audio-file', () => {
  it('a non-WAV or empty file is an input-file error (exit 3)', async () => {
    const home = tempDir();
    const notWav = join(home, 'memo.m4a');
    const empty = join(home, 'empty.wav');
    writeFileSync(notWav, 'ftypM4A not a wav at all');
    writeFileSync(empty, '');
    const env = { OPENAI_BASE_URL: `${wire.url}/v1` };
    const a = await runCli(['ask', 'cfo', '--audio-file', notWav, '--transcriber', 'openai', '--provider', 'offline'], { home, env });
    expect(a.code).toBe(3);
    expect(a.stderr).toContain(`${notWav}: not a WAV file`);
    const b = await runCli(['ask', 'cfo', '--audio-file', empty, '--transcriber', 'openai', '--provider', 'offline'], { home, env });
    expect(b.code).toBe(3);
    expect(b.stderr).toContain(`${empty}: the audio is empty`);
  });

  it('refuses a message given both as words and as audio', async () => {
    const run = await runCli(['ask', 'cfo', 'hello', '--audio-file', PRICING_WAV], { home: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('give the message by voice or as text, not both');
  });
});

describe('persona doctor', () => {
  it('reports the recorder, transcribers and how to install what is missing (--json, and the voice check alias)', async () => {
    const home = tempDir();
    const bin = installFakeRecorder(join(home, 'bin'));
    const doctor = await runCli(['voice', 'check', '--json'], { home, env: { PATH: bin } });
    expect(doctor.code).toBe(1);
    const report = JSON.parse(doctor.stdout);
    expect(report.recorder).toEqual({ name: 'sox', program: 'sox', path: join(bin, 'sox'), install: null });
    expect(report.local).toMatchObject({ binary: null, usable: false, install: 'apt-get install pocketsphinx pocketsphinx-en-us' });
    expect(report.openai.usable).toBe(false);
    expect(report.transcriber).toMatchObject({ selected: null, problem: 'no speech transcriber is available' });
    expect(report.ok).toBe(false);
    // `persona doctor` shows the same voice report after the setup, and does not fail for voice.
    const full = await runCli(['doctor', '--json'], { home, env: { PATH: bin } });
    expect(full.code).toBe(0);
    expect(JSON.parse(full.stdout).voice).toEqual(report);
  });

  it('is ready with a recorder and a key, and names a missing recorder program', async () => {
    const home = tempDir();
    const bin = installFakeRecorder(join(home, 'bin'));
    // The model server is probed: the local wire server stands in for it (tests never reach the internet).
    const ready = await runCli(['doctor'], {
      home,
      env: { PATH: bin, OPENAI_API_KEY: 'sk-doctor-secret-1234', OPENAI_BASE_URL: `${wire.url}/v1` },
    });
    expect(ready.code).toBe(0);
    expect(ready.stdout).toContain('transcriber in use: openai');
    expect(ready.stdout).not.toContain('sk-doctor-secret-1234');
    await runCli(['config', 'set', 'voice.recorder', 'arecord'], { home });
    const missing = await runCli(['voice', 'check'], { home, env: { PATH: '/nonexistent', OPENAI_API_KEY: 'k' } });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('recorder: arecord not found on PATH');
    expect(missing.stdout).toContain('apt-get install alsa-utils');
  });

  it('checks the setup too: settings, the model that answers, personas, history; fails on a broken one', async () => {
    const home = tempDir();
    const fine = await runCli(['doctor'], { home });
    expect(fine.code).toBe(0);
    expect(fine.stdout).toContain('replies from: offline');
    expect(fine.stdout).toMatch(/personas: \d+ loaded/);
    expect(fine.stdout).toContain('history:');
    await runCli(['config', 'set', 'provider', 'anthropic'], { home });
    const noKey = await runCli(['doctor', '--json'], { home });
    expect(noKey.code).toBe(1);
    const finding = JSON.parse(noKey.stdout).setup.findings.find((f: { what: string }) => f.what.startsWith('replies from'));
    expect(finding).toMatchObject({ ok: false, what: 'replies from: no Anthropic API key is set' });
    expect(finding.fix).toContain('ANTHROPIC_API_KEY');
  });

  it('config refuses a recorder outside the allow-list', async () => {
    const run = await runCli(['config', 'set', 'voice.recorder', '../../evil'], { home: tempDir() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invalid value for voice.recorder');
  });
});
