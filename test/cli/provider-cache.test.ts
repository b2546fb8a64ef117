import { describe, expect, it } from 'vitest';
import { providerCache } from '../../src/cli/engine-setup.js';
import type { Config } from '../../src/core/config.js';

// `persona serve` sets up an engine per request; its providers (SDK clients with their connection
// pools, the loaded offline engine) are made once per model and shared.

describe('providerCache', () => {
  it('hands out one provider per model, and does not remember a refused setting', async () => {
    const resolve = providerCache();
    const config: Config = { openai: { apiKey: 'sk-test-key-for-the-cache-0000', baseUrl: 'http://127.0.0.1:9/v1' } };
    const offline = await resolve({ provider: 'offline' }, config);
    expect(await resolve({ provider: 'offline' }, config)).toBe(offline);
    const mini = await resolve({ provider: 'openai', model: 'gpt-4o-mini' }, config);
    expect(mini.model).toBe('gpt-4o-mini');
    expect(await resolve({ provider: 'openai', model: 'gpt-4o-mini' }, config)).toBe(mini);
    expect(await resolve({ provider: 'openai', model: 'gpt-4o' }, config)).not.toBe(mini);
    // Another configuration is another set of providers.
    expect(await resolve({ provider: 'offline' }, { ...config })).not.toBe(offline);

    const keyless: Config = {};
    const before = process.env.ANTHROPIC_API_KEY;
    delete process.env.ANTHROPIC_API_KEY;
    try {
      await expect(resolve({ provider: 'anthropic' }, keyless)).rejects.toThrow(/no Anthropic API key/);
      process.env.ANTHROPIC_API_KEY = 'sk-ant-test-key-for-the-cache-0000';
      // The key is set now: the refusal was not cached.
      expect((await resolve({ provider: 'anthropic' }, keyless)).provider.name).toBe('anthropic');
    } finally {
      if (before === undefined) delete process.env.ANTHROPIC_API_KEY;
      else process.env.ANTHROPIC_API_KEY = before;
    }
  });
});
