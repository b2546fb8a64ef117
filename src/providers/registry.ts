import { ProviderError } from '../core/errors.js';
import type { Provider, ProviderSettings } from './types.js';

/**
 * The provider for these settings. Its code (an SDK, or the offline engine) loads on the first
 * reply, not here: the chat draws its first frame without paying for it, and a chat that never
 * sends a message never loads it.
 */
export async function createProvider(settings: ProviderSettings): Promise<Provider> {
  let loading: Promise<Provider> | undefined;
  return {
    name: settings.name,
    async *stream(request) {
      let provider: Provider;
      try {
        provider = await (loading ??= loadProvider(settings));
      } catch (error) {
        loading = undefined;
        const detail = error instanceof Error ? error.message : String(error);
        yield {
          type: 'error',
          error: new ProviderError(settings.name, 'config', `the ${settings.name} provider could not be loaded: ${detail}`, {
            hint: 'reinstall with npm install, or use --provider offline',
            cause: error,
          }),
        };
        return;
      }
      yield* provider.stream(request);
    },
  };
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
      return createOfflineProvider({ paceMs: settings.paceMs ?? 0, cacheDir: join(homePaths().home, 'cache', 'offline-engine') });
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
