import type { Provider, ProviderSettings } from './types.js';

/** Loads only the adapter asked for: each SDK costs start-up time the others should not pay. */
export async function createProvider(settings: ProviderSettings): Promise<Provider> {
  switch (settings.name) {
    case 'offline': {
      const { createOfflineProvider } = await import('./offline/index.js');
      return createOfflineProvider({ paceMs: settings.paceMs ?? 0 });
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
