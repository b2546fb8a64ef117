import { sanitizeInline, sanitizeText } from '../../../core/sanitize.js';
import type { Persona } from '../../../persona/schema.js';

// Everything the file says about the person, one fact per item or sentence, labelled with the
// field it came from. Instructions (scenario, doNotMention, ...) and authored material are not
// facts and are read elsewhere.

export type FactField =
  | 'occupation'
  | 'industry'
  | 'location'
  | 'age'
  | 'gender'
  | 'income'
  | 'education'
  | 'familyStatus'
  | 'background'
  | 'goals'
  | 'challenges'
  | 'quote'
  | 'notes'
  | 'values'
  | 'interests'
  | 'lifestyle'
  | 'attitudes'
  | 'communicationPreferences'
  | 'painPoints'
  | 'motivations'
  | 'objections'
  | 'buyingBehavior'
  | 'preferredChannels'
  | 'other';

export interface Fact {
  field: FactField;
  /** The key the fact came from (for `other`, the file's own key). */
  key: string;
  text: string;
}

const NOT_FACTS = new Set([
  'id',
  'name',
  'profilePicture',
  'chatProfile',
  'scenario',
  'exampleDialogue',
  'stories',
  'doNotMention',
  'postHistoryInstructions',
  'userId',
  'createdAt',
  'updatedAt',
]);
const KNOWN_GROUPS = new Set(['baseSelection', 'customInputs', 'psychographics', 'generatedInsights']);
const PROSE: ReadonlySet<string> = new Set(['background', 'notes', 'buyingBehavior', 'lifestyle']);

/** Control, bidi and zero-width characters the terminal must never receive. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

/**
 * Persona files are sanitized when loaded; a persona built in code or sent over HTTP may not be.
 * The sanitizer is only run on text that needs it: it is the costliest step of a first reply.
 */
export function clean(text: string, sanitize: (t: string) => string = sanitizeText): string {
  return UNSAFE.test(text) ? sanitize(text) : text.replace(/[\t\n]+/g, (m) => (sanitize === sanitizeText ? m : ' '));
}

/** Splits prose into sentences; keeps decimals ("1.5"), times ("7:00") and initials together. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=["'“‘(]?[A-Z0-9])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

function asTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number') return [String(value)];
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' || typeof v === 'number' ? [String(v)] : []));
  return [];
}

function push(out: Fact[], field: FactField, key: string, value: unknown): void {
  for (const text of asTexts(value).map((t) => clean(t, sanitizeInline))) {
    const parts = PROSE.has(key) ? sentences(text) : [text.trim()];
    for (const part of parts) if (part) out.push({ field, key, text: part });
  }
}

const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  'occupation',
  'industry',
  'location',
  'age',
  'gender',
  'income',
  'education',
  'familyStatus',
  'background',
  'goals',
  'challenges',
  'quote',
  'notes',
  'values',
  'interests',
  'lifestyle',
  'attitudes',
  'communicationPreferences',
  'painPoints',
  'motivations',
  'objections',
  'buyingBehavior',
  'preferredChannels',
]);

export function personaFacts(persona: Persona): Fact[] {
  const out: Fact[] = [];
  const data = persona.data as Record<string, unknown>;
  for (const [groupKey, group] of Object.entries(data)) {
    if (NOT_FACTS.has(groupKey)) continue;
    if (KNOWN_GROUPS.has(groupKey) && group && typeof group === 'object' && !Array.isArray(group)) {
      for (const [key, value] of Object.entries(group as Record<string, unknown>)) {
        if (key === 'personalityTraits') continue;
        push(out, KNOWN_FIELDS.has(key) ? (key as FactField) : 'other', key, value);
      }
    } else {
      push(out, 'other', groupKey, group);
    }
  }
  return out;
}

const cache = new WeakMap<Persona, Fact[]>();
/** A session sends the same persona object every turn: read it once. */
export function factsOf(persona: Persona): Fact[] {
  let facts = cache.get(persona);
  if (!facts) {
    facts = personaFacts(persona);
    cache.set(persona, facts);
  }
  return facts;
}
