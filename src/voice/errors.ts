import { ExitCode, UserError } from '../core/errors.js';
import type { VoiceRecorder } from './settings.js';

/** The package that provides each recorder program, for install hints. */
export const RECORDER_PACKAGE: Record<VoiceRecorder, { program: string; debian: string; mac: string }> = {
  sox: { program: 'sox', debian: 'sox', mac: 'brew install sox' },
  rec: { program: 'rec', debian: 'sox', mac: 'brew install sox' },
  arecord: { program: 'arecord', debian: 'alsa-utils', mac: 'not available on macOS; use voice.recorder sox' },
};

export function installHint(recorder: VoiceRecorder): string {
  const pkg = RECORDER_PACKAGE[recorder];
  return process.platform === 'darwin' ? pkg.mac : `apt-get install ${pkg.debian}`;
}

/**
 * Voice input could not produce a message (exit code 7, in the README's table): no recorder or
 * transcriber, nothing captured, or the transcription failed. Any recording is kept and named.
 */
export class VoiceError extends UserError {
  constructor(message: string, options: { hint?: string; cause?: unknown; exitCode?: ExitCode } = {}) {
    super(message, { ...options, exitCode: options.exitCode ?? ExitCode.voice });
  }
}

export function recorderMissingError(recorder: VoiceRecorder): UserError {
  const others = recorder === 'arecord' ? 'sox' : 'arecord';
  return new VoiceError(
    `no microphone recorder found: install ${RECORDER_PACKAGE[recorder].debian} (${installHint(recorder)}) or set voice.recorder`,
    {
      hint: `the "${RECORDER_PACKAGE[recorder].program}" program is not on PATH; try \`persona config set voice.recorder ${others}\`, or use --audio-file`,
    },
  );
}

/** The recorder failed; `audio` holds what it captured before failing (a WAV), so nothing is lost. */
export class RecordingFailedError extends VoiceError {
  constructor(
    message: string,
    readonly audio: Buffer | undefined,
    hint?: string,
  ) {
    super(message, { hint });
  }
}

export class RecordingCancelledError extends UserError {
  constructor() {
    super('recording cancelled', { exitCode: ExitCode.interrupted });
  }
}

/** Transcription failed; the recording stays at `wavPath` until the user retries or deletes it. */
export class TranscriptionError extends VoiceError {
  constructor(
    message: string,
    readonly wavPath: string,
    options: { hint?: string; cause?: unknown; exitCode?: ExitCode } = {},
  ) {
    super(message, {
      hint: `${options.hint ? `${options.hint}; ` : ''}the recording is kept at ${wavPath} (retry with --audio-file ${wavPath})`,
      cause: options.cause,
      exitCode: options.exitCode,
    });
  }
}
