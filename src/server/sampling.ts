import type { ActiveProvider, ChatEngine } from '../chat/engine.js';
import { estimateTokens } from '../persona/prompt.js';
import { deltaParts } from '../providers/delta-parts.js';
import type { Provider, ProviderEvent, ProviderRequest } from '../providers/types.js';

// The sampling fields of an API request (temperature, top_p, max tokens, stop sequences), applied
// around whatever provider answers. Live providers get them in the request; stop sequences are
// also applied here, so they hold for every provider, and the offline engine (which writes its
// reply without a tokenizer) is cut at `maxTokens` by the same estimate its usage reports. A cut
// reply finishes with `length`, a stopped one with `stop`, and the engine saves what was sent.

export interface Sampling {
  temperature?: number;
  topP?: number;
  maxTokens?: number;
  stop?: string[];
}

export function isEmptySampling(sampling: Sampling): boolean {
  return Object.values(sampling).every((value) => value === undefined);
}

/** Makes the engine's next turns use `sampling` (its fallback provider keeps the profile's). */
export function applySampling(engine: ChatEngine, sampling: Sampling): void {
  if (isEmptySampling(sampling)) return;
  engine.setProvider(withSampling(engine.provider, sampling));
}

export function withSampling(active: ActiveProvider, sampling: Sampling): ActiveProvider {
  const inner = active.provider;
  const provider: Provider = {
    name: inner.name,
    stream: (request) => sampledStream(inner, request, sampling),
  };
  return { provider, model: active.model };
}

async function* sampledStream(inner: Provider, request: ProviderRequest, sampling: Sampling): AsyncGenerator<ProviderEvent> {
  // Our own signal: a stop sequence ends the upstream request early.
  const upstream = new AbortController();
  const onAbort = () => upstream.abort();
  request.signal?.addEventListener('abort', onAbort, { once: true });
  if (request.signal?.aborted) upstream.abort();
  const cut = new ReplyCutter(sampling.stop ?? [], inner.name === 'offline' ? sampling.maxTokens : undefined);
  try {
    const events = inner.stream({
      ...request,
      temperature: sampling.temperature ?? request.temperature,
      maxOutputTokens: sampling.maxTokens ?? request.maxOutputTokens,
      ...(sampling.topP !== undefined ? { topP: sampling.topP } : {}),
      ...(sampling.stop ? { stop: sampling.stop } : {}),
      signal: upstream.signal,
    });
    let usage: ProviderEvent | undefined;
    for await (const event of events) {
      if (event.type === 'delta') {
        // Piece by piece, so what is cut off is what a reader of the pieces would have seen after the cut.
        for (const part of deltaParts(event)) {
          const text = cut.push(part);
          if (text) yield { type: 'delta', text };
          if (cut.reason) break;
        }
        if (cut.reason) {
          upstream.abort();
          break;
        }
      } else if (event.type === 'usage') {
        usage = event;
      } else if (event.type === 'done') {
        const tail = cut.flush();
        if (tail) yield { type: 'delta', text: tail };
        if (usage) yield usage;
        yield event;
        return;
      } else {
        yield event;
        return;
      }
    }
    // Cut here: what was sent is the reply, and its usage is counted from it for the offline engine.
    const tail = cut.flush();
    if (tail) yield { type: 'delta', text: tail };
    if (inner.name === 'offline') {
      const input = usage?.type === 'usage' ? usage.usage.inputTokens : 0;
      yield { type: 'usage', usage: { inputTokens: input, outputTokens: estimateTokens(cut.sent) } };
    } else if (usage) yield usage;
    if (cut.reason) yield { type: 'done', finishReason: cut.reason };
    else yield { type: 'done', finishReason: request.signal?.aborted ? 'interrupted' : 'stop' };
  } finally {
    request.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Streams text through, holding back just enough to recognise a stop sequence split across
 * deltas, and ending at a token budget (4 characters a token, the estimate usage reports).
 */
export class ReplyCutter {
  sent = '';
  reason: 'stop' | 'length' | undefined;
  private pending = '';
  private readonly holdBack: number;

  constructor(
    private readonly stops: readonly string[],
    private readonly maxTokens: number | undefined,
  ) {
    this.holdBack = Math.max(0, ...stops.map((s) => s.length - 1));
  }

  /** The text that may go out now. */
  push(text: string): string {
    if (this.reason) return '';
    this.pending += text;
    const stopAt = this.firstStop();
    if (stopAt >= 0) {
      this.reason = 'stop';
      return this.emit(this.pending.slice(0, stopAt), true);
    }
    const safe = this.pending.length - this.holdBack;
    return safe > 0 ? this.emit(this.pending.slice(0, safe), false) : '';
  }

  /** What is still held back, at the end of the reply. */
  flush(): string {
    if (this.reason === 'stop') return '';
    return this.emit(this.pending, true);
  }

  private firstStop(): number {
    let first = -1;
    for (const stop of this.stops) {
      const at = stop ? this.pending.indexOf(stop) : -1;
      if (at >= 0 && (first < 0 || at < first)) first = at;
    }
    return first;
  }

  private emit(text: string, all: boolean): string {
    let out = text;
    if (this.maxTokens !== undefined) {
      const room = this.maxTokens * 4 - this.sent.length;
      if (out.length > room) {
        out = cutAtWord(out, Math.max(0, room));
        this.reason = 'length';
        all = true;
      }
    }
    this.pending = all ? '' : this.pending.slice(text.length);
    this.sent += out;
    return out;
  }
}

/** At most `max` characters, ending at a word boundary when one is near. */
function cutAtWord(text: string, max: number): string {
  const cut = text.slice(0, max);
  const space = cut.search(/\s\S*$/);
  return space > max / 2 ? cut.slice(0, space) : cut;
}
