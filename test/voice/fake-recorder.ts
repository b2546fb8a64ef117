import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// A stand-in for the sox/rec/arecord programs node-record-lpcm16 spawns: a small node script put
// first on PATH. It streams a fixture's PCM (header skipped: we ask recorders for raw audio) to
// stdout, then does what FAKE_REC_MODE says. Its arguments and AUDIODEV go to FAKE_REC_LOG.

export const FIXTURES = fileURLToPath(new URL('../fixtures/audio/', import.meta.url));
export const PRICING_WAV = join(FIXTURES, 'pricing-16k-mono.wav');
export const HELLO_WAV = join(FIXTURES, 'hello-11k-stereo.wav');

/**
 * - `exit`: all the audio, then exit 0 (a recorder that ran out of input)
 * - `fail`: half the audio, an error on stderr, exit 2 (a microphone unplugged mid-way)
 * - `empty`: nothing, exit 0
 * - `hang-after-silence`: the audio, 3 s of silence, then wait to be killed
 * - `endless`: the audio over and over until killed
 */
export type FakeMode = 'exit' | 'fail' | 'empty' | 'hang-after-silence' | 'endless';

const SCRIPT = String.raw`
const { readFileSync, appendFileSync } = require('node:fs');
const mode = process.env.FAKE_REC_MODE || 'exit';
if (process.env.FAKE_REC_LOG) appendFileSync(process.env.FAKE_REC_LOG, JSON.stringify({ args: process.argv.slice(2), audiodev: process.env.AUDIODEV || null }) + '\n');
const wav = readFileSync(process.env.FAKE_REC_FILE);
const pcm = wav.subarray(44);
const out = (b) => new Promise((r) => (process.stdout.write(b) ? r() : process.stdout.once('drain', r)));
(async () => {
  if (mode === 'empty') process.exit(0);
  if (mode === 'fail') {
    await out(pcm.subarray(0, Math.floor(pcm.length / 4) * 2));
    process.stderr.write('sox FAIL sox: cannot read from audio device: Input/output error\n');
    process.exit(2);
  }
  if (mode === 'endless') {
    for (;;) { await out(pcm); await new Promise((r) => setTimeout(r, 50)); }
  }
  await out(pcm);
  if (mode === 'hang-after-silence') {
    for (let i = 0; i < 30; i++) { await out(Buffer.alloc(3200)); await new Promise((r) => setTimeout(r, 5)); }
    setInterval(() => {}, 1000);
    return;
  }
  process.exit(0);
})();
`;

/** Writes fake recorder programs (sox, rec, arecord) into `dir`; returns `dir` to put first on PATH. */
export function installFakeRecorder(dir: string, options: { brokenInterpreter?: boolean } = {}): string {
  mkdirSync(dir, { recursive: true });
  // A missing interpreter makes spawn fail with ENOENT even though the file exists: the race the
  // recorder's own 'error' listener must survive.
  const shebang = options.brokenInterpreter ? '#!/nonexistent/interpreter' : `#!${process.execPath}`;
  for (const name of ['sox', 'rec', 'arecord']) {
    const file = join(dir, name);
    writeFileSync(file, `${shebang}\n${SCRIPT}`);
    chmodSync(file, 0o755);
  }
  return dir;
}

export function fakeEnv(bin: string, mode: FakeMode, file = PRICING_WAV, log?: string): NodeJS.ProcessEnv {
  return { ...process.env, PATH: bin, FAKE_REC_MODE: mode, FAKE_REC_FILE: file, ...(log ? { FAKE_REC_LOG: log } : {}) };
}
