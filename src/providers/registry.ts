import { ProviderError } from '../core/errors.js';
import {
  canAnswerStructured,
  type Provider,
  type ProviderEvent,
  type ProviderRequest,
  type ProviderSettings,
  type StructuredProvider,
} from './types.js';

/**
 * The provider for these settings. Its code (an SDK, or the offline engine) loads on the first
 * reply, not here: the chat draws its first frame without paying for it, and a chat that never
 * sends a message never loads it.
 */
export async function createProvider(settings: ProviderSettings): Promise<StructuredProvider> {
  let loading: Promise<Provider> | undefined;
  let ready: Provider | undefined;
  const loaded = async (): Promise<Provider | ProviderError> => {
    try {
      return (ready = await (loading ??= loadProvider(settings)));
    } catch (error) {
      loading = undefined;
      const detail = error instanceof Error ? error.message : String(error);
      return new ProviderError(settings.name, 'config', `the ${settings.name} provider could not be loaded: ${detail}`, {
        hint: 'reinstall with npm install, or use --provider offline',
        cause: error,
      });
    }
  };
  return {
    name: settings.name,
    // Once loaded, the provider's own stream: a generator around it would pass every word of
    // every reply through one more step (a promise and a result object per word).
    stream: (request) => (ready ? ready.stream(request) : streamWhenLoaded(loaded, request)),
    async structured(request) {
      const provider = await loaded();
      if (provider instanceof ProviderError) return { ok: false, error: provider };
      if (!canAnswerStructured(provider)) {
        return {
          ok: false,
          error: new ProviderError(settings.name, 'config', `the ${settings.name} provider cannot give structured answers`, {
            hint: 'use --provider openai or anthropic',
          }),
        };
      }
      return provider.structured(request);
    },
  };
}

async function* streamWhenLoaded(loaded: () => Promise<Provider | ProviderError>, request: ProviderRequest): AsyncGenerator<ProviderEvent> {
  const provider = await loaded();
  if (provider instanceof ProviderError) {
    yield { type: 'error', error: provider };
    return;
  }
  yield* provider.stream(request);
}

/** Loads only the adapter asked for: each SDK costs start-up time the others should not pay. */
async function loadProvider(settings: ProviderSettings): Promise<Provider> {
  switch (settings.name) {
    case 'offline': {
      const [{ createOfflineProvider }, { homePaths }, { join }] = await Promise.all([
        import('./offline/index.js'),
        import('../core/home.js'),
        import('node:path'),
      ]);
      return createOfflineProvider({
        paceMs: settings.paceMs ?? 0,
        cacheDir: join(homePaths().home, 'cache', 'offline-engine'),
        compose: settings.compose,
      });
    }
    case 'openai': {
      const { createOpenAIProvider } = await import('./openai.js');
      return createOpenAIProvider(settings);
    }
    case 'anthropic': {
      const { createAnthropicProvider } = await import('./anthropic.js');
      return createAnthropicProvider(settings);
    }
  }
}
