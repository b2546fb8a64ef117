import type { Config } from '../core/config.js';
import type { VoiceSettings } from './settings.js';
import { NO_KEY_NEEDED } from '../providers/keyless.js';

export const OPENAI_SPEECH_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface OpenAISpeechSettings {
  apiKey: string;
  baseUrl: string;
  model: string;
  /** True when the key is real (not the placeholder sent to a keyless local server). */
  hasKey: boolean;
}

/** The same key and base URL the chat provider uses (environment first), or undefined when neither is set. */
export function openAISpeechSettings(
  config: Config,
  voice: VoiceSettings,
  env: NodeJS.ProcessEnv = process.env,
): OpenAISpeechSettings | undefined {
  const key = env.OPENAI_API_KEY || config.openai?.apiKey;
  const baseUrl = env.OPENAI_BASE_URL || config.openai?.baseUrl;
  if (!key && !baseUrl) return undefined;
  return {
    apiKey: key ?? NO_KEY_NEEDED,
    baseUrl: baseUrl ?? OPENAI_SPEECH_DEFAULT_BASE_URL,
    model: voice.openaiModel,
    hasKey: Boolean(key),
  };
}
