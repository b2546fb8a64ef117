import { describe, expect, it } from 'vitest';
import { parseModelName } from '../../src/server/model-name.js';

describe('OpenAI model names: persona[@provider[/model]]', () => {
  it('reads a persona id, a provider, a provider with a model, and a bare model', () => {
    expect(parseModelName('cfo')).toEqual({ personaId: 'cfo' });
    expect(parseModelName('cfo@offline')).toEqual({ personaId: 'cfo', provider: 'offline' });
    expect(parseModelName('cfo@openai/meta-llama/llama-3.1-8b')).toEqual({
      personaId: 'cfo',
      provider: 'openai',
      model: 'meta-llama/llama-3.1-8b',
    });
    expect(parseModelName('cfo@gpt-4o')).toEqual({ personaId: 'cfo', model: 'gpt-4o' });
  });

  it('rejects an empty tail and an unknown provider with a 400', () => {
    for (const name of ['cfo@', 'cfo@openai/', 'cfo@bogus/model']) {
      expect(() => parseModelName(name), name).toThrow(expect.objectContaining({ status: 400 }));
    }
  });
});
