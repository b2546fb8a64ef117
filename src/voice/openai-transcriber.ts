import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, toFile } from 'openai';
import { toProviderError } from '../providers/sdk-errors.js';
import type { OpenAISpeechSettings } from './openai-settings.js';
import type { Transcriber } from './transcriber.js';

const ERROR_CLASSES = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };
const TIMEOUT_MS = 120_000;

/** `POST {baseUrl}/audio/transcriptions` through the official SDK: OpenAI, or any server that speaks it. */
export function createOpenAITranscriber(settings: OpenAISpeechSettings): Transcriber {
  const client = new OpenAI({ apiKey: settings.apiKey, baseURL: settings.baseUrl, maxRetries: 2, timeout: TIMEOUT_MS, logLevel: 'off' });
  let host = settings.baseUrl;
  try {
    host = new URL(settings.baseUrl).host;
  } catch {
    // shown as given
  }
  return {
    name: 'openai',
    label: `OpenAI ${settings.model} at ${host}`,
    async transcribe(wavPath, options = {}) {
      const file = await toFile(await readFile(wavPath), basename(wavPath), { type: 'audio/wav' });
      try {
        const result = await client.audio.transcriptions.create(
          { file, model: settings.model, response_format: 'json' },
          { signal: options.signal },
        );
        return result.text.trim();
      } catch (error) {
        throw toProviderError(error, ERROR_CLASSES, {
          provider: 'openai',
          baseUrl: settings.baseUrl,
          model: settings.model,
          timeoutMs: TIMEOUT_MS,
          ...(settings.hasKey ? { apiKey: settings.apiKey } : {}),
        });
      }
    },
  };
}
