import { sanitizeInline, sanitizeText } from '../../../core/sanitize.js';
import { fillPlaceholders } from '../../../persona/cards/placeholders.js';
import type { Persona } from '../../../persona/schema.js';
import { withCouplePronouns } from './couple-pronouns.js';

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
  // Keys the persona format has no field for, read by their name (an importer's or a user's own):
  | 'routines'
  | 'skills'
  | 'likes'
  | 'dislikes'
  | 'relationships'
  | 'personality'
  | 'history'
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
/** Kept copies of an imported card or agent: their persona fields were mapped on import. */
const IMPORT_NAMESPACES = new Set(['tinyTroupe', 'characterCard']);
const PROSE: ReadonlySet<string> = new Set(['background', 'notes', 'buyingBehavior', 'lifestyle']);

/**
 * A key the persona format does not define, read by its name: TinyTroupe agents bring `behaviors`,
 * `routines`, `skills`, `likes`, `dislikes`, `relationships`, `other_facts`; cards `personality`;
 * people write `hobbies`, `daily_routine`, `backstory`. The first pattern that matches wins, so
 * "dislikes" is tested before "likes".
 */
const KEY_FIELDS: Array<[RegExp, FactField]> = [
  [/routine|habit|behaviou?r|schedule|day|week|morning|evening/i, 'routines'],
  [/skill|tool|equipment|expertise|abilit|software|apps?$/i, 'skills'],
  [/dislike|hate|peeve|annoy|frustrat|complain|fear/i, 'dislikes'],
  [/like|favou?rite|enjoy|love|hobb|passion|music|sport/i, 'likes'],
  [/relation|friend|family|people|contact|colleague|partner|spouse|child/i, 'relationships'],
  [/personality|trait|temperament|character|style/i, 'personality'],
  [/fact|history|biograph|backstory|story|life|past|career|origin|experience/i, 'history'],
  [/description|bio$|about|summary|profile/i, 'background'],
  [/belief|opinion|view/i, 'attitudes'],
  [/goal|ambition|plan|dream/i, 'goals'],
  [/value|principle/i, 'values'],
  [/interest/i, 'interests'],
];

function fieldForKey(key: string): FactField {
  return KEY_FIELDS.find(([pattern]) => pattern.test(key))?.[1] ?? 'other';
}
/** Fields read from key names whose texts are prose: split into sentences like the background. */
const PROSE_FIELDS: ReadonlySet<FactField> = new Set(['background', 'history', 'personality', 'routines']);

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

/**
 * A sentence of prose that starts with a label ("Frustrations: the energy bills, passwords.", as
 * a card's description has it): a fact of the field the label names, without the label, which
 * would otherwise be spoken ("Frustrations: the energy bills…" as the person's own words).
 */
const LABELLED = /^([A-Z][a-z]+(?: [a-z]+)?):\s+(\S.*)$/s;

function push(out: Fact[], field: FactField, key: string, value: unknown): void {
  for (const text of asTexts(value).map((t) => clean(t, sanitizeInline))) {
    const prose = PROSE.has(key) || (field !== 'other' && PROSE_FIELDS.has(field) && !KNOWN_FIELDS.has(key));
    for (const part of prose ? withCouplePronouns(sentences(text)) : [text.trim()]) {
      if (!part) continue;
      const labelled = prose ? LABELLED.exec(part) : null;
      const named = labelled ? fieldForKey(labelled[1]!) : 'other';
      out.push(named === 'other' ? { field, key, text: part } : { field: named, key, text: labelled![2]! });
    }
  }
}

/** "Per" + "Your foreman for eighteen years." -> "Per, your foreman for eighteen years." */
function namedRecord(record: Record<string, unknown>): string | undefined {
  const name = typeof record.name === 'string' ? record.name.trim() : '';
  const rest = Object.entries(record)
    .filter(([k, v]) => k !== 'name' && (typeof v === 'string' || typeof v === 'number'))
    .map(([, v]) =>
      String(v)
        .trim()
        .replace(/[.\s]+$/, ''),
    )
    .filter(Boolean);
  if (!name || rest.length === 0) return undefined;
  const [first, ...more] = rest;
  const lowered = /^(Your|His|Her|The|A|An)\b/.test(first!) ? first!.charAt(0).toLowerCase() + first!.slice(1) : first!;
  return `${name}, ${[lowered, ...more].join('; ')}.`;
}

/**
 * A value that is not a string or a list of strings: records and lists of records are walked, each
 * text labelled by the nearest key that says what it is ("behaviors" > "routines" > "morning").
 * A record with a name and a description (a relationship) becomes one sentence.
 */
function pushNested(out: Fact[], key: string, value: unknown, depth = 0): void {
  if (depth > 4 || value === null || value === undefined) return;
  if (typeof value === 'string') {
    push(out, fieldForKey(key), key, value);
    return;
  }
  if (typeof value === 'number') {
    // A bare count under a key of its own ("employees": 7) says what it counts: "7 employees".
    const noun = key
      .split(/[_\s]|(?=[A-Z])/)
      .filter(Boolean)
      .at(-1)
      ?.toLowerCase();
    if (noun && /^[a-z]{3,}$/.test(noun)) push(out, 'other', key, `${value} ${noun}`);
    return;
  }
  if (typeof value === 'boolean') return;
  if (Array.isArray(value)) {
    const texts = value.filter((v) => typeof v === 'string' || typeof v === 'number');
    if (texts.length > 0) push(out, fieldForKey(key), key, texts);
    for (const item of value) if (item && typeof item === 'object') pushNested(out, key, item, depth + 1);
    return;
  }
  if (typeof value !== 'object') return;
  const record = value as Record<string, unknown>;
  const named = namedRecord(record);
  if (named) {
    push(out, fieldForKey(key) === 'other' ? 'relationships' : fieldForKey(key), key, named);
    return;
  }
  for (const [sub, v] of Object.entries(record)) {
    // The more specific key names the field when it says something ("routines" under "behaviors").
    const subField = fieldForKey(sub);
    pushNested(out, subField !== 'other' ? sub : key, v, depth + 1);
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

/** TinyTroupe's Big Five texts ("Very high. Keeps every invoice since 2004."): the behaviour, not the level. */
function pushBigFive(out: Fact[], value: unknown): void {
  if (!value || typeof value !== 'object') return;
  for (const text of Object.values(value as Record<string, unknown>)) {
    if (typeof text !== 'string') continue;
    const said = sentences(clean(text, sanitizeInline)).filter(
      (s) => !/^(very |fairly |quite |rather )?(high|low|medium|moderate|average)\b[.!]?$/i.test(s),
    );
    for (const sentence of said) out.push({ field: 'personality', key: 'bigFive', text: sentence });
  }
}

export function personaFacts(persona: Persona): Fact[] {
  const out: Fact[] = [];
  const data = persona.data as Record<string, unknown>;
  for (const [groupKey, group] of Object.entries(data)) {
    if (NOT_FACTS.has(groupKey) || IMPORT_NAMESPACES.has(groupKey)) continue;
    if (KNOWN_GROUPS.has(groupKey) && group && typeof group === 'object' && !Array.isArray(group)) {
      for (const [key, value] of Object.entries(group as Record<string, unknown>)) {
        if (key === 'personalityTraits') continue;
        if (key === 'bigFive') {
          pushBigFive(out, value);
          continue;
        }
        if (KNOWN_FIELDS.has(key)) push(out, key as FactField, key, value);
        else pushNested(out, key, value);
      }
    } else {
      pushNested(out, groupKey, group);
    }
  }
  // An imported card speaks of "{{char}}" and "{{user}}": the person, and whoever is asking.
  const names = { char: persona.name, user: 'you' };
  return out.map((f) => (/\{\{|<BOT>|<USER>/i.test(f.text) ? { ...f, text: fillPlaceholders(f.text, names) } : f));
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
