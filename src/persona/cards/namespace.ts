import type { PersonaData } from '../schema.js';
import { isRecord, type CardSpec } from './card-types.js';

// An imported card keeps everything the persona format has no field for under one top-level key
// of the persona, `characterCard`. The prompt builder and the offline engine skip that key when
// they render unknown keys, which is how creator notes, the creator and the version stay out of
// the prompt; only the parts the card rules send to the model are read from here, on purpose.

export const CARD_KEY = 'characterCard';

export interface CardNamespace {
  spec: CardSpec;
  spec_version?: string;
  /** The card's fields that have no persona field (mes_example, system_prompt, character_book, extensions, unknown keys…). */
  data: Record<string, unknown>;
  /** Extra top-level keys of the card file, if it had any. */
  topLevel?: Record<string, unknown>;
}

const SPECS = new Set<CardSpec>(['chara_card_v1', 'chara_card_v2', 'chara_card_v3']);

export function cardNamespaceOf(data: PersonaData): CardNamespace | undefined {
  const value = (data as Record<string, unknown>)[CARD_KEY];
  if (!isRecord(value) || !SPECS.has(value.spec as CardSpec) || !isRecord(value.data)) return undefined;
  return value as unknown as CardNamespace;
}

/** A text field of the card namespace, or undefined when absent or not text. */
export function cardText(data: PersonaData, field: string): string | undefined {
  const value = cardNamespaceOf(data)?.data[field];
  return typeof value === 'string' ? value : undefined;
}
