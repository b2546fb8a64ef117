import { readFileSync } from 'node:fs';
import type { Config } from '../core/config.js';
import { ExitCode, InputFileError, UserError } from '../core/errors.js';
import { homePaths } from '../core/home.js';
import { discardRecording, saveRecording } from './audio-files.js';
import { RecordingFailedError, TranscriptionError, VoiceError } from './errors.js';
import { startRecording, type Level, type RecordedAudio, type RecordingHandle } from './recorder.js';
import { voiceSettings } from './settings.js';
import { createTranscriber, type Transcriber } from './transcriber.js';
import { toSpeechWav } from './wav.js';

// What the chat UI and `persona ask` call: record (or read a file), keep the WAV on disk, transcribe,
// and delete the WAV only once it is transcribed and not wanted. Every failure is a UserError whose
// hint says where the recording is, so nothing the user said is lost.

export type { Level } from './recorder.js';
export { RecordingCancelledError, RecordingFailedError, TranscriptionError } from './errors.js';

export interface VoiceContext {
  config: Config;
  /** The chat provider in use; `auto` prefers OpenAI's speech API when this is 'openai'. */
  provider?: string;
  /** A --transcriber flag: 'auto' | 'openai' | 'local'. */
  transcriber?: string;
  /** Keep the WAV after a successful transcription (default: delete it). */
  keepAudio?: boolean;
  /** Where recordings go (default: homePaths().audio). */
  audioDir?: string;
  /** Where keys and programs are looked up for the transcriber (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface VoiceResult {
  /** The transcript, trimmed and never empty. */
  text: string;
  /** The 16 kHz mono WAV, when kept (keepAudio); otherwise undefined (it was deleted). */
  wavPath: string | undefined;
  durationMs: number;
  /** Which transcriber produced the text, e.g. "pocketsphinx (offline)". */
  transcriber: string;
}

export interface VoiceInputOptions extends VoiceContext {
  onLevel?: (level: Level) => void;
  /** Called when recording ends and transcription starts (for a "transcribing…" status). */
  onTranscribing?: () => void;
  /** Aborting cancels: while recording nothing is kept; while transcribing the WAV is kept. */
  signal?: AbortSignal;
}

export interface VoiceInput {
  /** Levels for a meter; ends when the recording ends. */
  levels: AsyncIterable<Level>;
  /** Ends the recording (Enter, the record key again); the result then follows. */
  stop(): void;
  /** Ends the recording and discards it; `result` rejects with RecordingCancelledError. */
  cancel(): void;
  /** The transcript once recording (ended by stop(), silence or the recorder) and transcription finish. */
  result: Promise<VoiceResult>;
}

/**
 * Starts recording from the microphone at once and returns a handle. The transcriber is chosen
 * before recording starts, so a missing one fails before the user speaks.
 */
export async function startVoiceInput(options: VoiceInputOptions): Promise<VoiceInput> {
  const voice = voiceSettings(options.config, { transcriber: options.transcriber });
  const transcriber = await createTranscriber({ voice, config: options.config, provider: options.provider, env: options.env });
  const recording: RecordingHandle = await startRecording({
    recorder: voice.recorder,
    device: voice.device,
    silenceSeconds: voice.silenceSeconds,
    ...(options.onLevel ? { onLevel: options.onLevel } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const audioDir = options.audioDir ?? homePaths().audio;
  const result = recording.done.then(
    (audio) => {
      options.onTranscribing?.();
      return transcribeSaved(saveRecording(audio.wav, audioDir), audio, {
        transcriber,
        keepAudio: options.keepAudio,
        signal: options.signal,
      });
    },
    (error: unknown) => {
      throw keepPartial(error, audioDir);
    },
  );
  result.catch(() => undefined); // the caller may cancel without awaiting
  return { levels: recording.levels, stop: () => void recording.stop().catch(() => undefined), cancel: recording.cancel, result };
}

/** Records one utterance (ended by silence, or by `stopSignal`) and transcribes it. */
export async function recordAndTranscribe(options: VoiceInputOptions & { stopSignal?: AbortSignal }): Promise<VoiceResult> {
  const input = await startVoiceInput(options);
  if (options.stopSignal?.aborted) input.stop();
  else options.stopSignal?.addEventListener('abort', () => input.stop(), { once: true });
  return input.result;
}

/** Transcribes a WAV file of any common format (converted to 16 kHz mono first). The file itself is never changed. */
export async function transcribeFile(file: string, options: VoiceContext & { signal?: AbortSignal }): Promise<VoiceResult> {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError(file, [
      { path: '', message: code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? (error as Error).message})` },
    ]);
  }
  const wav = toSpeechWav(data, file);
  const voice = voiceSettings(options.config, { transcriber: options.transcriber });
  const transcriber = await createTranscriber({ voice, config: options.config, provider: options.provider, env: options.env });
  const saved = saveRecording(wav, options.audioDir ?? homePaths().audio);
  const durationMs = Math.round(((wav.length - 44) / 2 / 16_000) * 1000);
  // The user's own file is the recording, so on failure the converted copy goes.
  return transcribeSaved(
    saved,
    { durationMs },
    { transcriber, keepAudio: options.keepAudio, signal: options.signal, keepOnFailure: false },
  );
}

async function transcribeSaved(
  wavPath: string,
  audio: Pick<RecordedAudio, 'durationMs'>,
  ctx: { transcriber: Transcriber; keepAudio?: boolean; signal?: AbortSignal; keepOnFailure?: boolean },
): Promise<VoiceResult> {
  const failed = (message: string, hint: string | undefined, cause?: unknown): UserError => {
    if (ctx.keepOnFailure !== false || ctx.keepAudio) return new TranscriptionError(message, wavPath, { hint, cause });
    discardRecording(wavPath);
    return new VoiceError(message, { hint, cause });
  };
  let text: string;
  try {
    text = await ctx.transcriber.transcribe(wavPath, { signal: ctx.signal });
  } catch (error) {
    // Cancelled (Ctrl-C) is an interruption, not a failed transcription.
    if (error instanceof UserError && error.exitCode === ExitCode.interrupted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw failed(`transcription failed (${ctx.transcriber.label}): ${reason}`, error instanceof UserError ? error.hint : undefined, error);
  }
  if (!text)
    throw failed(
      `no words were recognised (${ctx.transcriber.label})`,
      'speak closer to the microphone, or try another transcriber with --transcriber',
    );
  if (!ctx.keepAudio) discardRecording(wavPath);
  return { text, wavPath: ctx.keepAudio ? wavPath : undefined, durationMs: audio.durationMs, transcriber: ctx.transcriber.label };
}

/** A recorder that failed part-way still captured something: save it and say where. */
function keepPartial(error: unknown, audioDir: string): unknown {
  if (!(error instanceof RecordingFailedError) || !error.audio) return error;
  const saved = saveRecording(error.audio, audioDir);
  return new VoiceError(error.message, {
    hint: `${error.hint ? `${error.hint}; ` : ''}what was recorded is kept at ${saved}`,
    cause: error,
  });
}
