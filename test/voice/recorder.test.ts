import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError, UserError } from '../../src/core/errors.js';
import { RecordingCancelledError, RecordingFailedError } from '../../src/voice/errors.js';
import { SilenceDetector } from '../../src/voice/level.js';
import { startRecording, type Level, type RecordingOptions } from '../../src/voice/recorder.js';
import { checkRecorderName } from '../../src/voice/settings.js';
import { decodeWav } from '../../src/voice/wav.js';
import { tempDir } from '../support/temp.js';
import { fakeEnv, installFakeRecorder, PRICING_WAV, type FakeMode } from './fake-recorder.js';

// The real node-record-lpcm16 spawning a fake recorder program found on PATH. The library spawns
// with process.env, so the fake's PATH and mode go there.

function useFake(mode: FakeMode, options: { brokenInterpreter?: boolean; emptyPath?: boolean } = {}): { log: string } {
  const dir = tempDir('persona-rec-');
  const bin = options.emptyPath ? join(dir, 'nothing-here') : installFakeRecorder(join(dir, 'bin'), options);
  const log = join(dir, 'args.jsonl');
  for (const [key, value] of Object.entries(fakeEnv(bin, mode, PRICING_WAV, log))) {
    if (key.startsWith('FAKE_') || key === 'PATH') vi.stubEnv(key, value!);
  }
  return { log };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

const base: RecordingOptions = { recorder: 'sox', silenceSeconds: 0 };
const pricingSamples = decodeWav(readFileSync(PRICING_WAV)).channels[0]!.length;

describe('startRecording with node-record-lpcm16', () => {
  it('captures what the recorder sends, as a 16 kHz mono WAV, asking it for raw 16 kHz mono audio', async () => {
    const { log } = useFake('exit');
    const levels: Level[] = [];
    const handle = await startRecording({ ...base, device: 'hw:1', onLevel: (l) => levels.push(l) });
    const streamed: Level[] = [];
    for await (const level of handle.levels) streamed.push(level);
    const audio = await handle.done;
    expect(audio.endedBy).toBe('recorder-ended');
    const decoded = decodeWav(audio.wav);
    expect(decoded.sampleRate).toBe(16000);
    expect(decoded.channels[0]!.length).toBe(pricingSamples);
    expect(audio.durationMs).toBeGreaterThan(2000);
    // The meter saw speech, and time moving forward.
    expect(Math.max(...levels.map((l) => l.rms))).toBeGreaterThan(0.05);
    expect(levels.at(-1)!.elapsedMs).toBe(audio.durationMs);
    expect(streamed).toEqual(levels);
    const call = JSON.parse(readFileSync(log, 'utf8').trim()) as { args: string[]; audiodev: string | null };
    expect(call.args.join(' ')).toContain('--rate 16000 --channels 1 --encoding signed-integer --bits 16 --type raw -');
    expect(call.audiodev).toBe('hw:1');
  });

  it('ends on silence after speech, and kills the recorder', async () => {
    useFake('hang-after-silence');
    const handle = await startRecording({ ...base, silenceSeconds: 0.5 });
    const audio = await handle.done;
    expect(audio.endedBy).toBe('silence');
    // The speech plus about half a second of quiet, not the whole 3 s the fake would send.
    expect(audio.durationMs).toBeGreaterThan(2200);
    expect(audio.durationMs).toBeLessThan(2200 + 1500);
  });

  it('stop() ends a recording that would go on forever and keeps the audio', async () => {
    useFake('endless');
    const handle = await startRecording(base);
    for await (const level of handle.levels) if (level.elapsedMs > 500) break;
    const audio = await handle.stop();
    expect(audio.endedBy).toBe('stopped');
    expect(audio.durationMs).toBeGreaterThan(500);
  });

  it('cancel() and an aborted signal discard the recording', async () => {
    useFake('endless');
    const handle = await startRecording(base);
    handle.cancel();
    await expect(handle.done).rejects.toBeInstanceOf(RecordingCancelledError);
    const controller = new AbortController();
    const second = await startRecording({ ...base, signal: controller.signal });
    controller.abort();
    await expect(second.done).rejects.toBeInstanceOf(RecordingCancelledError);
  });

  it('a missing recorder program is a clear message, not a crash', async () => {
    useFake('exit', { emptyPath: true });
    const error = await startRecording(base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('no microphone recorder found: install sox (apt-get install sox) or set voice.recorder');
    const arecord = await startRecording({ ...base, recorder: 'arecord' }).catch((e: unknown) => e);
    expect((arecord as UserError).message).toContain('install alsa-utils (apt-get install alsa-utils)');
  });

  it('survives the spawn ENOENT the library would leave unhandled', async () => {
    // The program exists (so the PATH check passes) but cannot be executed: spawn emits 'error'.
    useFake('exit', { brokenInterpreter: true });
    const handle = await startRecording(base);
    const error = await handle.done.catch((e: unknown) => e);
    expect((error as UserError).message).toMatch(/^no microphone recorder found/);
  });

  it('a recorder failing mid-way gives its own words, and what it captured', async () => {
    useFake('fail');
    const handle = await startRecording(base);
    const error = (await handle.done.catch((e: unknown) => e)) as RecordingFailedError;
    expect(error).toBeInstanceOf(RecordingFailedError);
    expect(error.message).toBe('the recorder (sox) failed: sox FAIL sox: cannot read from audio device: Input/output error');
    expect(decodeWav(error.audio!).channels[0]!.length).toBeGreaterThan(pricingSamples / 5);
  });

  it('a recorder that sends nothing is "no audio was captured"', async () => {
    useFake('empty');
    const handle = await startRecording(base);
    await expect(handle.done).rejects.toThrow('no audio was captured');
  });

  it('only allow-listed recorder names reach the library (it requires them as module paths)', async () => {
    expect(() => checkRecorderName('../../../tmp/evil')).toThrow(UsageError);
    await expect(startRecording({ ...base, recorder: '../index' as never })).rejects.toThrow('unknown recorder "../index"');
  });
});

describe('SilenceDetector', () => {
  it('ignores silence before the first word, then stops after the configured quiet', () => {
    const detector = new SilenceDetector(300);
    expect(detector.push(0.001, 1000)).toBe(false); // leading silence never ends it
    expect(detector.push(0.2, 100)).toBe(false);
    expect(detector.push(0.001, 200)).toBe(false);
    expect(detector.push(0.3, 100)).toBe(false); // speech again resets the count
    expect(detector.push(0.001, 200)).toBe(false);
    expect(detector.push(0.001, 100)).toBe(true);
  });

  it('never stops when silence detection is off', () => {
    const detector = new SilenceDetector(0);
    detector.push(0.5, 100);
    expect(detector.push(0, 60_000)).toBe(false);
  });
});
