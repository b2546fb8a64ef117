import { spawn } from 'node:child_process';
import type { VoiceRecorder } from './settings.js';

// A recorder program on PATH is not a working microphone (no device, no permission, a busy
// device): `persona doctor` records 0.2 s and says what happened, so a recording error in the
// chat is not sent back to an all-green doctor.

export type RecordingProbe = { ok: true; bytes: number } | { ok: false; problem: string };

const SAMPLE_RATE = 16_000;
const SECONDS = 0.2;

/** Arguments for a 0.2 s, 16 kHz mono, 16-bit raw capture from the default (or AUDIODEV) device. */
function argsFor(recorder: VoiceRecorder): string[] {
  const raw = ['-q', '-r', String(SAMPLE_RATE), '-c', '1', '-b', '16', '-e', 'signed-integer', '-t', 'raw', '-'];
  if (recorder === 'sox') return ['-q', '-d', ...raw.slice(1), 'trim', '0', String(SECONDS)];
  if (recorder === 'rec') return [...raw, 'trim', '0', String(SECONDS)];
  return ['-q', '-f', 'S16_LE', '-r', String(SAMPLE_RATE), '-c', '1', '-s', String(SAMPLE_RATE * SECONDS), '-t', 'raw', '-'];
}

export function probeRecording(
  recorder: VoiceRecorder,
  program: string,
  device: string | undefined,
  timeoutMs = 3000,
): Promise<RecordingProbe> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(device ? { AUDIODEV: device } : {}) };
    const args = recorder === 'arecord' && device ? ['-D', device, ...argsFor(recorder)] : argsFor(recorder);
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    let stderr = '';
    // A recorder that keeps going past 0.2 s has proved the device works: stop it.
    const wanted = SAMPLE_RATE * SECONDS * 2;
    child.stdout.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes >= wanted) child.kill();
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill(), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, problem: `${program} could not start (${(error as NodeJS.ErrnoException).code ?? error.message})` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (bytes > 0 && (code === 0 || bytes >= wanted)) return resolve({ ok: true, bytes });
      const said = stderr
        .split('\n')
        .find((line) => line.trim())
        ?.trim();
      resolve({
        ok: false,
        problem:
          bytes === 0
            ? `no audio came from ${program}${said ? `: ${said.slice(0, 160)}` : ''}`
            : `${program} failed (exit ${code ?? 'signal'})${said ? `: ${said.slice(0, 160)}` : ''}`,
      });
    });
  });
}
