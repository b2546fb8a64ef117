import { FACT_SECTIONS, KNOWN_KEYS, objectAt, unknownKeysAt } from './known-keys.js';
import type { PersonaData } from './schema.js';

// Keys the schema does not know still describe the person. They are kept and reach the prompt
// with their structure, the way a person would write them down:
//   "mediaDiet": ["podcasts", "trade press"]        -> - Media diet: podcasts; trade press
//   "ownsCar": true                                 -> - Owns car: yes
//   "pastJobs": [{"company": "Acme", "years": 3}]   -> - Past jobs:
//                                                        - Company: Acme
//                                                          Years: 3
// Each record of a list is one bullet (its fields indented under it), so record boundaries
// survive; `null` reads "not given"; labels keep the capitals and acronyms of the key.

/** `mediaDiet` / `media_diet` -> "Media diet"; `lastNPSScore` -> "Last NPS score"; "Favourite Brands" stays. */
export function humanizeKey(key: string): string {
  const trimmed = key.trim();
  if (/\s/.test(trimmed)) return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  const words = trimmed
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    // An acronym (two or more capitals, no lower case) keeps its capitals; other words are lower-cased.
    .map((w) => (/^[A-Z0-9]+$/.test(w) && /[A-Z].*[A-Z]|^[A-Z]$/.test(w) && w.length > 1 ? w : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const isScalar = (v: unknown) => v === null || typeof v !== 'object';

function scalarText(value: unknown): string {
  if (value === null || value === undefined) return 'not given';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** A list of plain values reads as one line; empty strings are dropped. */
function inlineList(values: unknown[]): string {
  const items = values.filter((v) => v !== '').map(scalarText);
  return items.length ? items.join('; ') : 'none';
}

/** `label: value` lines for one record, with nested lists and records indented beneath. */
function recordLines(record: Record<string, unknown>): string[] {
  return Object.entries(record).flatMap(([key, value]) => labelled(humanizeKey(key), value));
}

/** One labelled value: a single line when it is plain, else the label and its indented body. */
export function labelled(label: string, value: unknown): string[] {
  if (value === '') return [];
  if (isScalar(value)) return [`${label}: ${scalarText(value)}`];
  if (Array.isArray(value) && value.every(isScalar)) return [`${label}: ${inlineList(value)}`];
  const body = Array.isArray(value) ? listLines(value) : recordLines(value as Record<string, unknown>);
  if (body.length === 0) return [`${label}: none`];
  return [`${label}:`, ...body.map((l) => `  ${l}`)];
}

/** A list with records in it: each item is a bullet; a record's first field opens its bullet. */
function listLines(values: unknown[]): string[] {
  return values.flatMap((item) => {
    if (isScalar(item)) return item === '' ? [] : [`- ${scalarText(item)}`];
    const lines = Array.isArray(item) ? listLines(item) : recordLines(item as Record<string, unknown>);
    if (lines.length === 0) return [];
    // Nested lists keep their own bullets one level in; a record's lines continue its bullet.
    if (Array.isArray(item)) return ['-', ...lines.map((l) => `  ${l}`)];
    return [`- ${lines[0]}`, ...lines.slice(1).map((l) => `  ${l}`)];
  });
}

export interface ExtraFact {
  label: string;
  /** The value's lines: one line for a plain value, or the body of a list or record. */
  lines: string[];
  /** True when the value is plain (one line after the label). */
  inline: boolean;
}

function factOf(key: string, value: unknown): ExtraFact | undefined {
  const [first, ...rest] = labelled(humanizeKey(key), value);
  if (first === undefined) return undefined;
  const label = humanizeKey(key);
  if (rest.length === 0) return { label, lines: [first.slice(label.length + 2)], inline: true };
  return { label, lines: rest.map((l) => l.slice(2)), inline: false };
}

/** Unknown keys that are facts about the person, each with its readable lines, in file order. */
export function extraFacts(data: PersonaData): ExtraFact[] {
  const out: ExtraFact[] = [];
  for (const path of FACT_SECTIONS) {
    const obj = objectAt(data, path);
    if (!obj) continue;
    for (const key of unknownKeysAt(data, path)) {
      // A card imported before `scenario` was a top-level field kept it here: an instruction, not a fact.
      if (path === 'customInputs' && key === 'scenario') continue;
      const fact = factOf(key, obj[key]);
      if (fact) out.push(fact);
    }
  }
  return out;
}

/** Keys of `chatProfile` the format does not define (a web app's computed profile), as written. */
export function extraSpeakingNotes(data: PersonaData): ExtraFact[] {
  const profile = objectAt(data, 'chatProfile');
  if (!profile) return [];
  return Object.keys(profile)
    .filter((k) => !KNOWN_KEYS.chatProfile!.has(k))
    .map((k) => factOf(k, profile[k]))
    .filter((f): f is ExtraFact => f !== undefined);
}

/** A fact as prompt or card text: `- Label: value`, or the label and its indented lines. */
export function factText(fact: ExtraFact, bullet = '- '): string {
  if (fact.inline) return `${bullet}${fact.label}: ${fact.lines[0]}`;
  return [`${bullet}${fact.label}:`, ...fact.lines.map((l) => `  ${l}`)].join('\n');
}
