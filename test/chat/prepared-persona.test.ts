import { describe, expect, it } from 'vitest';
import { preparePersona } from '../../src/chat/prepared-persona.js';
import { personaSnapshot } from '../../src/chat/snapshot.js';
import { personaForChat } from '../../src/persona/cards/chat-persona.js';
import { loadPersonas } from '../../src/persona/loader.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { buildSystemPrompt } from '../../src/persona/prompt.js';

// A long-lived process prepares a persona once; what it gets must be what preparing it afresh gives.

describe('preparePersona', () => {
  it('is the persona as chatted with, prepared once per loaded persona, and afresh for an edited one', () => {
    const { personas } = loadPersonas({ userDir: null });
    const cfo = personas.find((p) => p.id === 'cfo')!;
    const ready = preparePersona(cfo);
    const persona = personaForChat(cfo);
    const profile = buildChatProfile(persona.data);
    const prompt = buildSystemPrompt(persona, profile);
    expect(ready.profile).toEqual(profile);
    expect(ready.prompt).toEqual(prompt);
    expect(ready.snapshot()).toEqual(personaSnapshot(persona, profile, prompt.text));
    expect(preparePersona(cfo)).toBe(ready);

    // An edited file loads as another object: its own preparation, its own snapshot hash.
    const edited = { ...cfo, data: { ...cfo.data, occupation: 'Chief Executive Officer' } };
    const again = preparePersona(edited);
    expect(again).not.toBe(ready);
    expect(again.snapshot().contentHash).not.toBe(ready.snapshot().contentHash);
  });
});
