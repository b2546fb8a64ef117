import { ProviderError } from '../../src/core/errors.js';
import type { Provider, ProviderEvent, ProviderRequest } from '../../src/providers/types.js';

/** A Provider that plays queued scripts and records each request: for engine tests. */
export class ScriptedProvider implements Provider {
  readonly requests: ProviderRequest[] = [];
  private readonly scripts: Array<ProviderEvent[] | 'hang'> = [];

  constructor(readonly name: 'openai' | 'anthropic' | 'offline' = 'openai') {}

  /** Words streamed as deltas, then usage and done. */
  reply(text: string, usage = { inputTokens: 100, outputTokens: 20 }): this {
    this.scripts.push([
      ...text.split(/(?<= )/).map((w) => ({ type: 'delta', text: w }) as const),
      { type: 'usage', usage },
      { type: 'done', finishReason: 'stop' },
    ]);
    return this;
  }

  fail(kind: ProviderError['kind'] = 'server', message = 'the provider had a server error (500)', partial = ''): this {
    const events: ProviderEvent[] = partial ? [{ type: 'delta', text: partial }] : [];
    this.scripts.push([...events, { type: 'error', error: new ProviderError(this.name, kind, message, { status: 500 }) }]);
    return this;
  }

  /** Streams `partial`, then waits until the request is aborted. */
  hangAfter(partial: string): this {
    this.scripts.push([{ type: 'delta', text: partial }]);
    this.scripts.push('hang');
    return this;
  }

  async *stream(request: ProviderRequest): AsyncIterable<ProviderEvent> {
    this.requests.push(request);
    const script = this.scripts.shift();
    if (!script) throw new Error('ScriptedProvider: no script queued');
    if (script === 'hang') throw new Error('ScriptedProvider: hang must follow a partial');
    for (const event of script) yield event;
    if (this.scripts[0] === 'hang') {
      this.scripts.shift();
      await new Promise<void>((resolve) => {
        if (request.signal?.aborted) return resolve();
        request.signal?.addEventListener('abort', () => resolve(), { once: true });
      });
      yield { type: 'done', finishReason: 'interrupted' };
    }
  }
}
