import { describe, expect, it } from 'vitest';
import { OFFLINE_NOTICE, offlineNotice } from '../../src/providers/offline/notice.js';
import { providersWithKeys } from '../../src/providers/settings.js';

describe('the offline notice', () => {
  it('asks for a key only when none is set', () => {
    expect(offlineNotice([], 'command')).toBe(OFFLINE_NOTICE);
    expect(OFFLINE_NOTICE).toContain('Set OPENAI_API_KEY or ANTHROPIC_API_KEY');
  });

  it('says how to switch when a key is set: a command in the chat, a flag on the command line', () => {
    expect(offlineNotice(['anthropic'], 'command')).toMatch(/\/provider anthropic answers with your Anthropic key\.$/);
    expect(offlineNotice(['openai', 'anthropic'], 'flag')).toMatch(/--provider openai answers with your OpenAI key\.$/);
    expect(offlineNotice(['openai'], 'command')).not.toContain('Set OPENAI_API_KEY');
  });

  it('finds keys in the environment and in the config', () => {
    expect(providersWithKeys({}, {})).toEqual([]);
    expect(providersWithKeys({}, { ANTHROPIC_API_KEY: 'sk-ant' })).toEqual(['anthropic']);
    expect(providersWithKeys({ openai: { apiKey: 'sk-x' } }, {})).toEqual(['openai']);
  });
});
