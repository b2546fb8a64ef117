import { ProviderError } from '../../core/errors.js';
import type { ChatTurn } from '../../core/messages.js';
import type { Provider, ProviderEvent, ProviderRequest } from '../types.js';
import { composeReply, type ComposeInput } from './engine.js';
import { pause, splitWords, tokensOfLength } from './stream-words.js';

// The built-in engine: no network, no key, no model weights. It answers in character from the
// persona file (authored lines first, the file's facts second; see docs/offline-engine.md),
// deterministically for a seed, and streams like a real provider so every consumer treats it the
// same way.

import { OFFLINE_MODEL } from './notice.js';

export { OFFLINE_MODEL, OFFLINE_NOTICE } from './notice.js';

export interface OfflineProviderOptions {
  /** Milliseconds between words: 0 (the default) streams instantly, for tests and scripts. */
  paceMs?: number;
  /** A folder for the persona phrasebook cache (the CLI passes one under the app home). */
  cacheDir?: string;
  /** What composes a reply: the engine in process by default; `persona serve` passes its threads' (compose-threads.ts). */
  compose?: (input: ComposeInput) => Promise<string>;
}

/** The estimate of the request's text as one string, from the lengths of its parts (no string of the whole prompt per reply). */
function inputTokens(request: ProviderRequest): number {
  const messages: readonly ChatTurn[] = Array.isArray(request.messages) ? request.messages : [];
  let length = textLength(request.system);
  for (const m of messages) length += textLength(m.content);
  return tokensOfLength(length);
}

function textLength(value: unknown): number {
  return typeof value === 'string' ? value.length : value == null ? 0 : String(value).length;
}

async function* streamReply(
  request: ProviderRequest,
  paceMs: number,
  cacheDir: string | undefined,
  compose: (input: ComposeInput) => Promise<string>,
): AsyncGenerator<ProviderEvent> {
  const { signal } = request;
  if (!request.persona) {
    yield {
      type: 'error',
      error: new ProviderError('offline', 'config', 'The offline engine needs a persona to answer as.', {
        hint: 'Pick a persona (`persona chat <name>`), or set OPENAI_API_KEY or ANTHROPIC_API_KEY for a live model.',
      }),
    };
    return;
  }
  let reply: string | undefined;
  try {
    const composing = compose({
      persona: request.persona.persona,
      profile: request.persona.profile,
      messages: Array.isArray(request.messages) ? request.messages : [],
      system: typeof request.system === 'string' ? request.system : undefined,
      seed: request.seed,
      maxOutputTokens: request.maxOutputTokens,
      cacheDir,
    });
    reply = await unlessAborted(composing, signal);
  } catch (cause) {
    // A bug here must still end the stream the documented way, not crash the chat.
    yield { type: 'error', error: new ProviderError('offline', 'malformed', 'The offline engine could not compose a reply.', { cause }) };
    return;
  }
  if (reply === undefined) {
    yield { type: 'usage', usage: { inputTokens: inputTokens(request), outputTokens: 0 } };
    yield { type: 'done', finishReason: 'interrupted', model: OFFLINE_MODEL };
    return;
  }
  const words = splitWords(reply);
  // Unpaced, the reply goes out as one event carrying its words (see `parts` in ProviderEvent).
  if (paceMs === 0 && words.length > 0 && !signal?.aborted) {
    yield words.length === 1 ? { type: 'delta', text: reply } : { type: 'delta', text: reply, parts: words };
    yield { type: 'usage', usage: { inputTokens: inputTokens(request), outputTokens: tokensOfLength(reply.length) } };
    yield { type: 'done', finishReason: 'stop', model: OFFLINE_MODEL };
    return;
  }
  // How much of the reply went out: its length is all the usage and an interruption need.
  let sent = 0;
  for (let index = 0; index < words.length; index++) {
    // Instantly (pace 0): no wait between words, not even a resolved one.
    if (index > 0 && paceMs > 0) await pause(paceMs, signal);
    if (signal?.aborted) break;
    const word = words[index]!;
    sent += word.length;
    yield { type: 'delta', text: word };
  }
  const interrupted = signal?.aborted === true && sent < reply.length;
  yield { type: 'usage', usage: { inputTokens: inputTokens(request), outputTokens: tokensOfLength(sent) } };
  yield { type: 'done', finishReason: interrupted ? 'interrupted' : 'stop', model: OFFLINE_MODEL };
}

/**
 * What `composing` gives, or undefined once `signal` aborts: a reply composed in a thread cannot be
 * stopped there, but the request that stopped waiting ends at once (and with it a server's shutdown).
 */
function unlessAborted<T>(composing: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return composing;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise((resolve, reject) => {
    const aborted = (): void => resolve(undefined);
    signal.addEventListener('abort', aborted, { once: true });
    composing.then(
      (value) => {
        signal.removeEventListener('abort', aborted);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', aborted);
        reject(error);
      },
    );
  });
}

export function createOfflineProvider(options: OfflineProviderOptions = {}): Provider {
  const paceMs = Math.max(0, options.paceMs ?? 0);
  const compose = options.compose ?? composeReply;
  return {
    name: 'offline',
    stream: (request) => streamReply(request, paceMs, options.cacheDir, compose),
  };
}
