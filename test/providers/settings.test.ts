import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { resolveProviderSettings } from '../../src/providers/settings.js';

describe('provider settings', () => {
  it('refuses a model name for the offline engine instead of relabelling its replies', () => {
    expect(() => resolveProviderSettings({ provider: 'offline', model: 'gpt-4o' }, {}, {})).toThrow(UsageError);
    expect(() => resolveProviderSettings({ provider: 'offline', model: 'gpt-4o' }, {}, {})).toThrow(/one model \(persona-offline-1\)/);
    expect(resolveProviderSettings({ provider: 'offline', model: 'persona-offline-1' }, {}, {}).model).toBe('persona-offline-1');
    // A model configured for a live provider does not leak onto the offline engine.
    expect(resolveProviderSettings({ provider: 'offline' }, { provider: 'openai', model: 'gpt-4o' }, {}).model).toBe('persona-offline-1');
  });

  it('keeps the chosen model for a live provider', () => {
    expect(resolveProviderSettings({ provider: 'openai', model: 'gpt-4o' }, {}, { OPENAI_API_KEY: 'sk-x' }).model).toBe('gpt-4o');
  });
});
