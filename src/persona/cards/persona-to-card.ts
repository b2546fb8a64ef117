import type { PersonaData } from '../schema.js';
import { isRecord, PERSONA_EXTENSION, v2Defaults, V1_FIELDS } from './card-types.js';
import { cardNamespaceOf, type CardNamespace } from './namespace.js';
import { describePersona, exampleDialogue, INTERVIEW_SCENARIO, openingLine, personalitySummary } from './persona-card-text.js';

// persona -> card. A persona that came from a card is written back field for field (its persona
// fields give name, description, personality, scenario and first_mes; everything else comes from
// the kept card). One of our own personas gets card text composed from its fields. Either way the
// complete persona rides along in `data.extensions['persona-chat']`, so importing the card gives
// back exactly this persona.

export interface PersonaCards {
  /** A V2 card (with the V1 fields mirrored at the top level for old readers). */
  v2: Record<string, unknown>;
  /** The same card as V3, for the `ccv3` chunk of a PNG. */
  v3: Record<string, unknown>;
}

/** The persona fields that hold card fields: card field -> [persona section, key], or [top-level key]. */
export const MAPPED_FIELDS: Record<'description' | 'personality' | 'scenario' | 'first_mes', readonly string[]> = {
  description: ['customInputs', 'background'],
  personality: ['psychographics', 'personality'],
  // The persona format's own instruction field (cards imported earlier kept it in customInputs).
  scenario: ['scenario'],
  first_mes: ['chatProfile', 'greeting'],
};
export type MappedField = keyof typeof MAPPED_FIELDS;

export function mappedText(data: PersonaData, field: MappedField): string | undefined {
  const [section, key] = MAPPED_FIELDS[field] as [string, string | undefined];
  const value = (data as Record<string, unknown>)[section];
  if (field === 'scenario' && value === undefined) return mappedText({ ...data, scenario: legacyScenario(data) }, field);
  const text = key === undefined ? value : isRecord(value) ? value[key] : undefined;
  if (typeof text === 'string') return text;
  return Array.isArray(text) ? text.join('\n') : undefined;
}

function nameFor(data: PersonaData, ns: CardNamespace | undefined): string {
  // A card name with outer spaces is kept in the namespace (the persona schema trims names).
  const kept = ns?.data.name;
  return typeof kept === 'string' && kept.trim() === data.name ? kept : data.name;
}

function textFields(data: PersonaData, ns: CardNamespace | undefined): Record<string, unknown> {
  if (ns) {
    return {
      name: nameFor(data, ns),
      description: mappedText(data, 'description') ?? '',
      personality: mappedText(data, 'personality') ?? '',
      scenario: mappedText(data, 'scenario') ?? '',
      first_mes: mappedText(data, 'first_mes') ?? '',
    };
  }
  return {
    name: data.name,
    description: describePersona(data),
    personality: personalitySummary(data),
    scenario: INTERVIEW_SCENARIO,
    first_mes: openingLine(data),
    mes_example: exampleDialogue(data),
  };
}

function ownMetadata(id: string): Record<string, unknown> {
  return {
    creator_notes: `A persona from persona-chat (id "${id}"). The complete persona is kept in extensions["${PERSONA_EXTENSION}"].`,
    tags: ['persona-chat'],
  };
}

export function personaToCards(id: string, data: PersonaData): PersonaCards {
  const ns = cardNamespaceOf(data);
  const kept = ns ? Object.fromEntries(Object.entries(ns.data).filter(([k]) => k !== 'name' && !(k in MAPPED_FIELDS))) : ownMetadata(id);
  const keptExtensions = isRecord(kept.extensions) ? kept.extensions : {};
  const persona = { ...data, id };
  const cardData: Record<string, unknown> = {
    ...v2Defaults(),
    ...textFields(data, ns),
    ...kept,
    extensions: { ...keptExtensions, [PERSONA_EXTENSION]: { version: 1, persona } },
  };
  const topLevel = ns?.topLevel ?? {};
  const mirror = Object.fromEntries(V1_FIELDS.map((f) => [f, cardData[f]]));
  const v2 = {
    spec: 'chara_card_v2',
    spec_version: ns?.spec === 'chara_card_v2' && ns.spec_version ? ns.spec_version : '2.0',
    data: cardData,
    ...mirror,
    ...topLevel,
  };
  const v3 = {
    spec: 'chara_card_v3',
    spec_version: ns?.spec === 'chara_card_v3' && ns.spec_version ? ns.spec_version : '3.0',
    data: { ...cardData, group_only_greetings: cardData.group_only_greetings ?? [] },
    ...topLevel,
  };
  return { v2, v3 };
}

function legacyScenario(data: PersonaData): string | undefined {
  const legacy = (data.customInputs as Record<string, unknown> | undefined)?.scenario;
  return typeof legacy === 'string' ? legacy : '';
}
