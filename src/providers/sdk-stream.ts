import type { ProviderError } from '../core/errors.js';
import type { FinishReason, Usage } from '../core/messages.js';
import { stalledError, toProviderError, unfinishedReplyError, type SdkErrorClasses, type SdkErrorContext } from './sdk-errors.js';
import type { ProviderEvent } from './types.js';

// The part both SDK adapters share: run one streamed request and turn it into our events under
// the Provider contract. The iterator never throws; it ends with exactly one `done` or `error`;
// the user's abort ends it with `done`/`interrupted` and whatever text arrived.
//
// The SDKs' `timeout` only covers the wait for response headers. A server that sends headers and
// then goes quiet would hang a chat forever, so a watchdog aborts the request when no chunk has
// arrived for `timeoutMs`.

/** What an adapter learns from the chunks besides text; read once the stream ends. */
export interface ReplyTally {
  usage?: Usage;
  finishReason?: FinishReason;
  model?: string;
}

export interface SdkStreamSpec<Chunk> {
  context: SdkErrorContext;
  errorClasses: SdkErrorClasses;
  signal: AbortSignal | undefined;
  /** Sends the request; resolves when the response headers arrived. */
  open(signal: AbortSignal): Promise<AsyncIterable<Chunk>>;
  /** Returns the text in a chunk (if any) and records everything else on the tally. */
  read(chunk: Chunk, tally: ReplyTally): string | undefined;
}

export async function* streamFromSdk<Chunk>(spec: SdkStreamSpec<Chunk>): AsyncGenerator<ProviderEvent> {
  const userSignal = spec.signal;
  const tally: ReplyTally = {};
  if (userSignal?.aborted) {
    yield { type: 'done', finishReason: 'interrupted' };
    return;
  }
  const watchdog = new StallWatchdog(spec.context.timeoutMs);
  const signal = userSignal ? AbortSignal.any([userSignal, watchdog.signal]) : watchdog.signal;
  let failure: ProviderError | undefined;
  try {
    const chunks = await abandonOnAbort(spec.open(signal), signal);
    watchdog.arm();
    for await (const chunk of chunks) {
      // Only the wait for the server counts; a consumer slow to pull the next event does not.
      watchdog.disarm();
      const text = spec.read(chunk, tally);
      if (text) yield { type: 'delta', text };
      watchdog.arm();
    }
  } catch (error) {
    failure = toProviderError(error, spec.errorClasses, spec.context);
  } finally {
    watchdog.disarm();
  }

  if (tally.usage) yield { type: 'usage', usage: tally.usage };
  const cleanFinish = failure || watchdog.fired ? undefined : tally.finishReason;
  if (cleanFinish) yield { type: 'done', finishReason: cleanFinish, ...modelOf(tally) };
  // An abort surfaces from the SDK either as a thrown error or as a quiet early end of the
  // stream, so the signal is consulted before either of those is reported.
  else if (userSignal?.aborted) yield { type: 'done', finishReason: 'interrupted', ...modelOf(tally) };
  else if (watchdog.fired) yield { type: 'error', error: stalledError(spec.context) };
  else if (failure) yield { type: 'error', error: failure };
  else yield { type: 'error', error: unfinishedReplyError(spec.context) };
}

/**
 * The SDKs only look at the signal between retry attempts, so an abort during a long
 * `retry-after` wait would otherwise sit out the wait. The abandoned call settles later with an
 * abort error, which is swallowed here.
 */
function abandonOnAbort<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function modelOf(tally: ReplyTally): { model?: string } {
  return tally.model ? { model: tally.model } : {};
}

/** Aborts its signal when `arm()` is not called again within `ms`. */
class StallWatchdog {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  fired = false;

  constructor(private readonly ms: number) {}

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  arm(): void {
    this.disarm();
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort();
    }, this.ms);
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
