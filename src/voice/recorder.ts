import { sanitizeInline } from '../core/sanitize.js';
import { Channel } from './channel.js';
import { RecordingCancelledError, RecordingFailedError, RECORDER_PACKAGE, recorderMissingError } from './errors.js';
import { findProgram } from './find-program.js';
import { rmsOf, SilenceDetector } from './level.js';
import { checkRecorderName, type VoiceRecorder } from './settings.js';
import { pcmToWav, SPEECH_SAMPLE_RATE } from './wav.js';

// Microphone capture through node-record-lpcm16, which spawns sox/rec/arecord and hands back its
// stdout. The library has three traps this file exists to defuse:
// - a missing program makes the child process emit 'error' (spawn ENOENT); with no listener
//   attached at once, Node turns it into an uncaught exception that kills the app;
// - a recorder that exits non-zero (or is killed, which is how the library stops it) makes the
//   stream emit 'error' with a plain string, not an Error;
// - the `recorder` option is `require`d as a path, so it is checked against the allow-list.
// We ask for raw 16 kHz mono 16-bit PCM: every chunk is then samples, ready for the level meter.

export interface Level {
  /** Loudness of the latest chunk, 0..1. */
  rms: number;
  elapsedMs: number;
}

export interface RecordingOptions {
  recorder: VoiceRecorder;
  device?: string;
  /** End after this much quiet once something was said; 0 turns it off. */
  silenceSeconds: number;
  /** A hard stop, so a forgotten recording cannot fill the disk. Default 300. */
  maxSeconds?: number;
  onLevel?: (level: Level) => void;
  /** Aborting cancels the recording (nothing is kept). */
  signal?: AbortSignal;
}

export type RecordingEnd = 'stopped' | 'silence' | 'recorder-ended' | 'time-limit';

export interface RecordedAudio {
  /** 16 kHz mono 16-bit WAV. */
  wav: Buffer;
  durationMs: number;
  endedBy: RecordingEnd;
}

export interface RecordingHandle {
  /** Levels as they arrive; ends when the recording ends. */
  levels: AsyncIterable<Level>;
  /** Settles when the recording ends by itself or through stop()/cancel(). */
  done: Promise<RecordedAudio>;
  /** Ends the recording and keeps what was captured. */
  stop(): Promise<RecordedAudio>;
  /** Ends the recording and throws the audio away (`done` rejects with RecordingCancelledError). */
  cancel(): void;
}

const BYTES_PER_MS = (SPEECH_SAMPLE_RATE * 2) / 1000;
const STDERR_KEPT = 400;

export async function startRecording(options: RecordingOptions): Promise<RecordingHandle> {
  const recorder = checkRecorderName(options.recorder);
  // The library spawns with process.env, so PATH is looked up there too. Checking first gives the clear message without spawning; the 'error' listener below still
  // covers a program that disappears between the check and the spawn.
  if (!findProgram(RECORDER_PACKAGE[recorder].program)) throw recorderMissingError(recorder);
  const { default: lib } = await import('node-record-lpcm16');

  const chunks: Buffer[] = [];
  let capturedBytes = 0;
  let stderrTail = '';
  let settled = false;
  const levels = new Channel<Level>();
  const silence = new SilenceDetector((options.silenceSeconds ?? 0) * 1000);
  const maxBytes = (options.maxSeconds ?? 300) * 1000 * BYTES_PER_MS;
  let resolveDone!: (audio: RecordedAudio) => void;
  let rejectDone!: (error: unknown) => void;
  const done = new Promise<RecordedAudio>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });
  // Nobody may be awaiting `done` when the recorder fails; that must not become an unhandled rejection.
  done.catch(() => undefined);

  const recording = lib.record({
    recorder,
    sampleRate: SPEECH_SAMPLE_RATE,
    channels: 1,
    audioType: 'raw',
    ...(options.device ? { device: options.device } : {}),
  });
  const child = recording.process;
  const stream = recording.stream();

  function captured(): Buffer | undefined {
    return capturedBytes > 0 ? pcmToWav(Buffer.concat(chunks)) : undefined;
  }

  function finish(endedBy: RecordingEnd): void {
    if (settled) return;
    settled = true;
    halt();
    const wav = captured();
    if (!wav) {
      rejectDone(
        new RecordingFailedError(
          'no audio was captured',
          undefined,
          `check the microphone${options.device ? ` (device ${options.device})` : ''} with \`persona doctor\``,
        ),
      );
      return;
    }
    resolveDone({ wav, durationMs: Math.round(capturedBytes / BYTES_PER_MS), endedBy });
  }

  function fail(error: Error): void {
    if (settled) return;
    settled = true;
    halt();
    rejectDone(error);
  }

  function halt(): void {
    levels.close();
    options.signal?.removeEventListener('abort', cancel);
    if (child.exitCode === null && child.signalCode === null) child.kill();
  }

  function cancel(): void {
    if (settled) return;
    settled = true;
    halt();
    rejectDone(new RecordingCancelledError());
  }

  child.on('error', (error: NodeJS.ErrnoException) => {
    fail(
      error.code === 'ENOENT'
        ? recorderMissingError(recorder)
        : new RecordingFailedError(`the recorder could not start: ${error.message}`, captured()),
    );
  });
  child.stderr?.on('data', (part: Buffer) => {
    stderrTail = (stderrTail + part.toString('utf8')).slice(-STDERR_KEPT);
  });
  // The library reports a non-zero exit as a string on the stream; our own kill() also lands here.
  stream.on('error', (problem: unknown) => {
    // Recorders print library noise first (ALSA config chatter); their own verdict comes last.
    const lines = stderrTail
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const said = sanitizeInline(lines.filter((l) => /FAIL|error/i.test(l)).pop() ?? lines.pop() ?? '').slice(-200);
    const detail =
      said || sanitizeInline(typeof problem === 'string' ? problem.split('\n')[0]! : String((problem as Error)?.message ?? problem));
    fail(
      new RecordingFailedError(
        `the recorder (${RECORDER_PACKAGE[recorder].program}) failed: ${detail}`,
        captured(),
        'check the microphone and voice.device with `persona doctor`',
      ),
    );
  });
  stream.on('data', (chunk: Buffer) => {
    if (settled) return;
    chunks.push(chunk);
    capturedBytes += chunk.length;
    const chunkMs = chunk.length / BYTES_PER_MS;
    const level = { rms: rmsOf(chunk), elapsedMs: Math.round(capturedBytes / BYTES_PER_MS) };
    levels.push(level);
    options.onLevel?.(level);
    if (silence.push(level.rms, chunkMs)) finish('silence');
    else if (capturedBytes >= maxBytes) finish('time-limit');
  });
  child.on('close', (code) => {
    // A clean exit is a recorder that ran out of input (a file, a fake in tests): keep what came.
    if (code === 0) finish('recorder-ended');
  });
  if (options.signal?.aborted) cancel();
  else options.signal?.addEventListener('abort', cancel, { once: true });

  return {
    levels,
    done,
    stop: () => {
      finish('stopped');
      return done;
    },
    cancel,
  };
}
