import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { avatarPng } from '../../src/persona/cards/avatar.js';
import { embedCardsInPng } from '../../src/persona/cards/card-png.js';
import { PERSONA_EXTENSION } from '../../src/persona/cards/card-types.js';
import { importCardBytes } from '../../src/persona/cards/import-card.js';
import { personaToCards } from '../../src/persona/cards/persona-to-card.js';
import { loadPersonaFile, loadPersonas } from '../../src/persona/loader.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { buildSystemPrompt } from '../../src/persona/prompt.js';
import type { PersonaData } from '../../src/persona/schema.js';
import { tempDir } from '../support/temp.js';
import { cardData, cardJson, cardObject, cardPng } from './card-builders.js';

const shipped = loadPersonas({ userDir: null }).personas;
const asJson = (card: unknown) => Buffer.from(JSON.stringify(card), 'utf8');
const asPng = (id: string, data: PersonaData) => embedCardsInPng(avatarPng(data.name, undefined), personaToCards(id, data));

/** Writes persona data as a file and loads it with the app's loader, as `personas import` does. */
function throughLoader(persona: Record<string, unknown>) {
  const file = join(tempDir(), `${String(persona.id)}.json`);
  writeFileSync(file, JSON.stringify(persona, null, 2));
  return loadPersonaFile(file, 'user').persona;
}

function withoutOurExtension(data: Record<string, unknown>) {
  const { [PERSONA_EXTENSION]: _ours, ...rest } = data.extensions as Record<string, unknown>;
  return { ...data, extensions: rest };
}

describe('persona -> card -> persona, over every shipped persona', () => {
  it('has shipped personas to check', () => expect(shipped.length).toBeGreaterThanOrEqual(12));

  it.each(shipped.map((p) => [p.id, p] as const))('%s comes back identical from card JSON and from a PNG card', (id, persona) => {
    const original = { ...persona.data, id };
    for (const bytes of [asJson(personaToCards(id, persona.data).v2), asPng(id, persona.data)]) {
      const imported = importCardBytes(bytes, `/cards/${id}`);
      expect(imported.unchanged).toBe(true);
      expect(imported.persona).toEqual(original);
      const reloaded = throughLoader(imported.persona);
      expect(reloaded.data).toEqual(original);
      const profile = buildChatProfile(reloaded.data);
      expect(buildSystemPrompt(reloaded, profile).text).toBe(buildSystemPrompt(persona, buildChatProfile(persona.data)).text);
    }
  });

  it('writes card text fields that card tools show: description, personality, scenario, greeting', () => {
    const cfo = shipped.find((p) => p.id === 'cfo')!;
    const { v2 } = personaToCards('cfo', cfo.data);
    const data = v2.data as Record<string, string>;
    expect(v2).toMatchObject({ spec: 'chara_card_v2', spec_version: '2.0', name: cfo.name, first_mes: cfo.data.chatProfile!.greeting });
    expect(data.name).toBe('Diane Kowalczyk');
    expect(data.description).toContain('works as a Chief Financial Officer');
    expect(data.description).toContain(cfo.data.customInputs!.background!);
    expect(data.personality).toContain('Conscientiousness'.toLowerCase());
    expect(data.scenario).toContain('{{user}} is interviewing {{char}}');
    expect(data.first_mes).toBe('I have about twenty minutes. What are we looking at?');
    for (const key of ['creator_notes', 'system_prompt', 'post_history_instructions', 'creator', 'character_version'])
      expect(typeof data[key]).toBe('string');
    expect(Array.isArray(data.alternate_greetings) && Array.isArray(data.tags)).toBe(true);
  });
});

describe('card -> persona -> card, every version and container', () => {
  const cases = ([1, 2, 3] as const).flatMap((v) => [
    [`V${v} JSON`, v, () => cardJson(v)] as const,
    [`V${v} PNG`, v, () => cardPng(v)] as const,
  ]);

  it.each(cases)('%s keeps every field', (_label, version, bytes) => {
    const imported = importCardBytes(bytes(), '/cards/seraphina.card');
    const persona = throughLoader(imported.persona);
    expect(persona.data).toEqual(imported.persona);
    const cards = personaToCards(persona.id, persona.data);
    const exported = (version === 3 ? cards.v3 : cards.v2) as Record<string, unknown>;
    const original = cardObject(version);
    const exportedData = withoutOurExtension(exported.data as Record<string, unknown>);
    expect(exportedData).toMatchObject(cardData(version));
    if (version !== 1) {
      expect(exported.spec).toBe(original.spec);
      expect(exported.spec_version).toBe(original.spec_version);
      expect(exported.topLevelExtra).toBe('kept too');
      expect(exportedData.extensions).toEqual((original.data as Record<string, unknown>).extensions);
    }
    // ...and the exported card imports back to the same persona.
    const again = importCardBytes(asJson(cards.v2), '/cards/again.json');
    expect(again.unchanged).toBe(true);
    expect(again.persona).toEqual(persona.data);
  });

  it('maps the card fields onto the persona fields the profile and prompt read', () => {
    const { persona } = importCardBytes(cardJson(2), '/cards/s.json');
    expect(persona).toMatchObject({
      id: 'seraphina',
      name: 'Seraphina',
      customInputs: { background: cardData(2).description },
      scenario: cardData(2).scenario,
      psychographics: { personality: 'kind, gentle, caring, calm', personalityTraits: { agreeableness: 0.95, neuroticism: 0.35 } },
      chatProfile: { greeting: cardData(2).first_mes, verbosity: 'terse', emojiUse: 'none' },
      characterCard: { spec: 'chara_card_v2', spec_version: '2.0' },
    });
    expect(buildChatProfile(persona).warmth).toBeGreaterThan(buildChatProfile({ name: 'X' }).warmth);
  });

  it('applies fields a card tool changed after our export, and keeps the rest of the persona', () => {
    const cfo = shipped.find((p) => p.id === 'cfo')!;
    const { v2 } = personaToCards('cfo', cfo.data);
    const edited = { ...v2, data: { ...(v2.data as object), first_mes: 'Make it quick.', tags: ['edited'] } };
    const { persona, unchanged } = importCardBytes(asJson(edited), '/cards/cfo.json');
    expect(unchanged).toBe(false);
    expect(persona.chatProfile?.greeting).toBe('Make it quick.');
    expect((persona as unknown as { characterCard: { data: { tags: unknown } } }).characterCard.data.tags).toEqual(['edited']);
    expect(persona.generatedInsights).toEqual(cfo.data.generatedInsights);
    expect(persona.customInputs).toEqual(cfo.data.customInputs);
  });

  it('keeps a card name with outer spaces exactly, while the persona name is trimmed', () => {
    const { persona } = importCardBytes(asJson({ spec: 'chara_card_v2', data: { name: ' Bo ', description: 'd' } }), '/c.json');
    expect(persona.name).toBe('Bo');
    expect((personaToCards(persona.id, persona).v2.data as Record<string, unknown>).name).toBe(' Bo ');
  });

  it('takes the id from the file name when the name gives none', () => {
    expect(importCardBytes(asJson({ name: 'セラ', description: 'd' }), '/cards/Night Owl.json').persona.id).toBe('night-owl');
  });
});
