import type { Config } from '../core/config.js';
import { isUserError } from '../core/errors.js';
import { installHint, RECORDER_PACKAGE } from './errors.js';
import { findProgram } from './find-program.js';
import { openAISpeechSettings } from './openai-settings.js';
import { findPocketsphinx, findPocketsphinxModel, POCKETSPHINX_INSTALL } from './pocketsphinx-install.js';
import { voiceSettings } from './settings.js';
import { resolveTranscriber } from './transcriber.js';

// What `persona doctor` reports: is each piece of the voice path present, and how to get it if not.

export interface VoiceCheck {
  recorder: { name: string; program: string; path: string | null; install: string | null };
  device: string | null;
  openai: { keySet: boolean; baseUrlHost: string | null; model: string; usable: boolean; fix: string | null };
  local: { binary: string | null; model: string | null; usable: boolean; install: string | null };
  transcriber: { configured: string; selected: 'openai' | 'local' | null; problem: string | null; fix: string | null };
  silenceSeconds: number;
  /** True when recording and transcribing can both work. */
  ok: boolean;
}

export function checkVoice(config: Config, env: NodeJS.ProcessEnv = process.env, provider?: string): VoiceCheck {
  const voice = voiceSettings(config);
  const program = RECORDER_PACKAGE[voice.recorder].program;
  const recorderPath = findProgram(program, env) ?? null;
  const openai = openAISpeechSettings(config, voice, env);
  const binary = findPocketsphinx(env) ?? null;
  const model = binary ? (findPocketsphinxModel() ?? null) : null;
  let selected: 'openai' | 'local' | null = null;
  let problem: string | null = null;
  let fix: string | null = null;
  try {
    selected = resolveTranscriber({ voice, config, provider, env }).name;
  } catch (error) {
    if (!isUserError(error)) throw error;
    problem = error.message;
    fix = error.hint ?? null;
  }
  const localUsable = binary !== null && model !== null;
  if (selected === 'local' && !localUsable) {
    problem = 'the pocketsphinx English model is missing';
    fix = POCKETSPHINX_INSTALL;
  }
  return {
    recorder: { name: voice.recorder, program, path: recorderPath, install: recorderPath ? null : installHint(voice.recorder) },
    device: voice.device ?? null,
    openai: {
      keySet: openai?.hasKey ?? false,
      baseUrlHost: openai ? hostOf(openai.baseUrl) : null,
      model: voice.openaiModel,
      usable: openai !== undefined,
      fix: openai ? null : 'export OPENAI_API_KEY=… (or persona config set openai.apiKey …; openai.baseUrl for a local server)',
    },
    local: { binary, model, usable: localUsable, install: localUsable ? null : POCKETSPHINX_INSTALL },
    transcriber: { configured: voice.transcriber, selected: problem ? null : selected, problem, fix },
    silenceSeconds: voice.silenceSeconds,
    ok: recorderPath !== null && problem === null,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
