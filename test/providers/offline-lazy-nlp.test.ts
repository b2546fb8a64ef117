import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildChatProfile } from '../../src/persona/profile.js';
import { composeReply } from '../../src/providers/offline/engine.js';
import { nlpIfLoaded } from '../../src/providers/offline/nlp.js';
import { shipped } from './offline-shipped-support.js';

// The NLP library costs about two bare Node start-ups to load: the engine must not load it for a
// reply that authored lines answer, and it keeps the first-person facts it computed in a file.

describe('the NLP library loads only when a reply needs it', () => {
  it('is not loaded to answer from authored lines and greet', async () => {
    const persona = shipped('cfo');
    const profile = buildChatProfile(persona.data);
    for (const content of ['Hello!', 'What does a normal weekday look like for you?', 'Are you an AI?']) {
      await composeReply({ persona, profile, messages: [{ role: 'user', content }], seed: 1 });
    }
    expect(nlpIfLoaded()).toBeUndefined();
  });

  it('keeps the first-person forms of the facts in the cache folder once computed', async () => {
    const cacheDir = join(mkdtempSync(join(tmpdir(), 'offline-cache-')), 'cache');
    const persona = { ...shipped('municipal-buyer'), data: { ...shipped('municipal-buyer').data, exampleDialogue: [], stories: [] } };
    const profile = buildChatProfile(persona.data);
    const reply = await composeReply({
      persona,
      profile,
      messages: [{ role: 'user', content: 'What frustrates you?' }],
      seed: 1,
      cacheDir,
    });
    expect(reply.length).toBeGreaterThan(20);
    expect(readdirSync(cacheDir).filter((f) => f.startsWith('phrasing-') && f.endsWith('.json'))).toHaveLength(1);
  });
});
