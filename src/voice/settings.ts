import { VOICE_RECORDERS, VOICE_TRANSCRIBERS, type Config } from '../core/config.js';
import { UsageError } from '../core/errors.js';

export type VoiceRecorder = (typeof VOICE_RECORDERS)[number];
export type TranscriberChoice = (typeof VOICE_TRANSCRIBERS)[number];

export const DEFAULT_SILENCE_SECONDS = 1.5;
export const DEFAULT_OPENAI_TRANSCRIBE_MODEL = 'whisper-1';

export interface VoiceSettings {
  recorder: VoiceRecorder;
  device: string | undefined;
  transcriber: TranscriberChoice;
  silenceSeconds: number;
  openaiModel: string;
}

/**
 * The recorder name goes to node-record-lpcm16, which `require`s it as a path relative to its own
 * folder: anything but a name on the allow-list could load arbitrary code, so it is checked here.
 */
export function checkRecorderName(name: string): VoiceRecorder {
  if ((VOICE_RECORDERS as readonly string[]).includes(name)) return name as VoiceRecorder;
  throw new UsageError(`unknown recorder "${name}"`, `use one of: ${VOICE_RECORDERS.join(', ')} (persona config set voice.recorder sox)`);
}

export function checkTranscriberName(name: string): TranscriberChoice {
  if ((VOICE_TRANSCRIBERS as readonly string[]).includes(name)) return name as TranscriberChoice;
  throw new UsageError(`unknown transcriber "${name}"`, `use one of: ${VOICE_TRANSCRIBERS.join(', ')}`);
}

/** Config, with a --transcriber flag winning over it. */
export function voiceSettings(config: Config, flags: { transcriber?: string } = {}): VoiceSettings {
  const voice = config.voice ?? {};
  return {
    recorder: checkRecorderName(voice.recorder ?? 'sox'),
    device: voice.device,
    transcriber: checkTranscriberName(flags.transcriber ?? voice.transcriber ?? 'auto'),
    silenceSeconds: voice.silenceSeconds ?? DEFAULT_SILENCE_SECONDS,
    openaiModel: voice.openaiModel ?? DEFAULT_OPENAI_TRANSCRIBE_MODEL,
  };
}
