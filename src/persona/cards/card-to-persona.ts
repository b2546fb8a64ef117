import { isDeepStrictEqual } from 'node:util';
import { slugify } from '../../core/ids.js';
import { personaSchema, type PersonaData } from '../schema.js';
import { isRecord, PERSONA_EXTENSION, type CharacterCard } from './card-types.js';
import { CARD_KEY, type CardNamespace } from './namespace.js';
import { MAPPED_FIELDS, personaToCards } from './persona-to-card.js';
import { styleFromExamples } from './style-from-examples.js';
import { traitsFromPersonality } from './traits-from-personality.js';

// card -> persona. The card's name, description, personality, scenario and first message go to
// the persona fields the chat profile and prompt read (name, customInputs.background,
// psychographics.personality, scenario, chatProfile.greeting); adjectives in the
// personality set Big Five traits and the example dialogue sets reply length and emoji use, when
// the persona has none of its own. Every other card field, unknown ones included, is kept verbatim
// under `characterCard`. A card we exported carries the whole persona in its extensions: that
// persona comes back as it was, with any field a card tool changed since applied on top.

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export interface CardImport {
  persona: PersonaData & { id: string };
  /** True when the card carried one of our personas and nothing in it had changed. */
  unchanged: boolean;
}

export function cardToPersona(card: CharacterCard, fallbackId: string): CardImport {
  const embedded = embeddedPersona(card);
  if (embedded) {
    const expected = personaToCards(embedded.id, embedded);
    const expectedCard = card.spec === 'chara_card_v3' ? expected.v3 : expected.v2;
    const expectedData = expectedCard.data as Record<string, unknown>;
    const persona = structuredClone(embedded);
    let unchanged = true;
    for (const [key, value] of Object.entries(card.data)) {
      const mine = key === 'extensions' ? withoutOurs(value) : value;
      const theirs = key === 'extensions' ? withoutOurs(expectedData[key]) : expectedData[key];
      if (isDeepStrictEqual(mine, theirs)) continue;
      unchanged = false;
      applyField(persona, card, key, mine);
    }
    const expectedTop = cardNamespaceTopLevel(embedded);
    if (!isDeepStrictEqual(card.topLevel, expectedTop)) {
      unchanged = false;
      namespace(persona, card).topLevel = card.topLevel;
    }
    return { persona, unchanged };
  }
  const name = (card.data.name as string).trim();
  const persona = { id: slugify(name) || slugify(fallbackId) || 'character', name } as PersonaData & { id: string };
  namespace(persona, card);
  for (const [key, value] of Object.entries(card.data)) applyField(persona, card, key, key === 'extensions' ? withoutOurs(value) : value);
  if (Object.keys(card.topLevel).length > 0) namespace(persona, card).topLevel = card.topLevel;
  // The kept card reads best last in the persona file, after the fields a person edits.
  const { [CARD_KEY]: kept, ...fields } = persona as Record<string, unknown>;
  return { persona: { ...fields, [CARD_KEY]: kept } as unknown as PersonaData & { id: string }, unchanged: false };
}

/** Our own persona, when the card carries a valid one in its extensions. */
function embeddedPersona(card: CharacterCard): (PersonaData & { id: string }) | undefined {
  const extensions = card.data.extensions;
  const ours = isRecord(extensions) ? extensions[PERSONA_EXTENSION] : undefined;
  const persona = isRecord(ours) ? ours.persona : undefined;
  if (!isRecord(persona) || typeof persona.id !== 'string' || !ID_PATTERN.test(persona.id)) return undefined;
  const parsed = personaSchema.safeParse(persona);
  return parsed.success ? (parsed.data as PersonaData & { id: string }) : undefined;
}

function cardNamespaceTopLevel(data: PersonaData): Record<string, unknown> {
  const ns = (data as Record<string, unknown>)[CARD_KEY];
  return isRecord(ns) && isRecord(ns.topLevel) ? ns.topLevel : {};
}

function withoutOurs(extensions: unknown): unknown {
  if (!isRecord(extensions)) return extensions;
  const { [PERSONA_EXTENSION]: _ours, ...rest } = extensions;
  return rest;
}

function namespace(persona: PersonaData, card: CharacterCard): CardNamespace {
  const record = persona as Record<string, unknown>;
  const existing = record[CARD_KEY];
  if (isRecord(existing) && isRecord(existing.data)) return existing as unknown as CardNamespace;
  const created: CardNamespace = { spec: card.spec, ...(card.specVersion ? { spec_version: card.specVersion } : {}), data: {} };
  record[CARD_KEY] = created;
  return created;
}

function section(persona: PersonaData, name: string): Record<string, unknown> {
  const record = persona as Record<string, unknown>;
  if (!isRecord(record[name])) record[name] = {};
  return record[name] as Record<string, unknown>;
}

function applyField(persona: PersonaData, card: CharacterCard, key: string, value: unknown): void {
  if (key === 'name') {
    const name = String(value);
    persona.name = name.trim();
    if (name !== persona.name) namespace(persona, card).data.name = name;
    return;
  }
  if (key in MAPPED_FIELDS) {
    const [sectionName, field] = MAPPED_FIELDS[key as keyof typeof MAPPED_FIELDS] as [string, string | undefined];
    const record = persona as Record<string, unknown>;
    // An empty card field is the same as none: the export writes '' for a missing one.
    if (typeof value !== 'string' || value === '') {
      const existing = record[sectionName];
      if (field === undefined) delete record[sectionName];
      else if (isRecord(existing)) delete existing[field];
      return;
    }
    if (field === undefined) record[sectionName] = value;
    else section(persona, sectionName)[field] = value;
    if (key === 'personality') deriveTraits(persona, value);
    return;
  }
  namespace(persona, card).data[key] = value;
  if (key === 'mes_example' && typeof value === 'string') deriveStyle(persona, value);
}

function deriveTraits(persona: PersonaData, personality: string): void {
  const psychographics = section(persona, 'psychographics');
  if (psychographics.personalityTraits !== undefined) return;
  const traits = traitsFromPersonality(personality);
  if (traits) psychographics.personalityTraits = traits;
}

function deriveStyle(persona: PersonaData, examples: string): void {
  const style = styleFromExamples(examples);
  if (!style) return;
  const profile = section(persona, 'chatProfile');
  for (const [k, v] of Object.entries(style)) if (profile[k] === undefined) profile[k] = v;
}
