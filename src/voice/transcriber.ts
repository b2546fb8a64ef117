import type { Config } from '../core/config.js';
import { VoiceError } from './errors.js';
import { openAISpeechSettings, type OpenAISpeechSettings } from './openai-settings.js';
import { findPocketsphinx, POCKETSPHINX_INSTALL } from './pocketsphinx-install.js';
import type { TranscriberChoice, VoiceSettings } from './settings.js';

// Speech to text behind one interface. Which transcriber runs: the --transcriber flag, then
// voice.transcriber, then (auto) OpenAI when the chosen chat provider is OpenAI with a key or
// base URL, else offline pocketsphinx when installed, else OpenAI when a key is present.

export interface TranscribeOptions {
  signal?: AbortSignal;
}

export interface Transcriber {
  readonly name: 'openai' | 'local';
  /** A description for messages, e.g. "OpenAI whisper-1 at api.openai.com". */
  readonly label: string;
  /** `wavPath` is a 16 kHz mono 16-bit WAV. Returns the text, trimmed ('' when nothing was heard). */
  transcribe(wavPath: string, options?: TranscribeOptions): Promise<string>;
}

export interface TranscriberContext {
  voice: VoiceSettings;
  config: Config;
  /** The chat provider this turn uses (after flags), which tips `auto` towards its own speech API. */
  provider?: string;
  env?: NodeJS.ProcessEnv;
}

export type ResolvedTranscriber = { name: 'openai'; openai: OpenAISpeechSettings } | { name: 'local'; binary: string };

/** Decides which transcriber to use without creating it; throws a UserError naming the fix when none is usable. */
export function resolveTranscriber(context: TranscriberContext): ResolvedTranscriber {
  const env = context.env ?? process.env;
  const openai = openAISpeechSettings(context.config, context.voice, env);
  const pocketsphinx = findPocketsphinx(env);
  const choice: TranscriberChoice = context.voice.transcriber;
  if (choice === 'openai') {
    if (!openai) throw noOpenAIKey();
    return { name: 'openai', openai };
  }
  if (choice === 'local') {
    if (!pocketsphinx) throw noPocketsphinx();
    return { name: 'local', binary: pocketsphinx };
  }
  if (openai && context.provider === 'openai') return { name: 'openai', openai };
  if (pocketsphinx) return { name: 'local', binary: pocketsphinx };
  if (openai) return { name: 'openai', openai };
  throw new VoiceError('no speech transcriber is available', {
    hint: `install pocketsphinx for offline transcription (${POCKETSPHINX_INSTALL}), or set OPENAI_API_KEY (or \`persona config set openai.apiKey …\`)`,
  });
}

export async function createTranscriber(context: TranscriberContext): Promise<Transcriber> {
  const resolved = resolveTranscriber(context);
  if (resolved.name === 'openai') {
    const { createOpenAITranscriber } = await import('./openai-transcriber.js');
    return createOpenAITranscriber(resolved.openai);
  }
  const { createPocketsphinxTranscriber } = await import('./pocketsphinx-transcriber.js');
  return createPocketsphinxTranscriber(resolved.binary);
}

function noOpenAIKey(): VoiceError {
  return new VoiceError('the openai transcriber needs an OpenAI API key or base URL', {
    hint: 'set OPENAI_API_KEY or `persona config set openai.apiKey …` (or openai.baseUrl for a local server), or use --transcriber local',
  });
}

function noPocketsphinx(): VoiceError {
  return new VoiceError('the local transcriber needs pocketsphinx', {
    hint: `install it: ${POCKETSPHINX_INSTALL}; or use --transcriber openai`,
  });
}
