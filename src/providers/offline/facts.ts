import type { Persona, PersonaData } from '../../persona/schema.js';
import { toFirstPerson, type Spoken } from './first-person.js';
import { cleanFact, contentStems, humanizeKey, isEmoji, properNounsIn, splitSentences } from './text.js';

// Everything the persona file says about the person, flattened into small first-person facts the
// composer can rank against what the user asked. Who they are (name, job, place) is kept apart
// because introductions use it as a unit rather than as interchangeable facts.

export type FactKind =
  | 'value'
  | 'interest'
  | 'painPoint'
  | 'objection'
  | 'motivation'
  | 'goal'
  | 'challenge'
  | 'background'
  | 'lifestyle'
  | 'attitude'
  | 'buying'
  | 'channel'
  | 'communication'
  | 'extra';

export interface Fact {
  /** Stable within one persona: `painPoint:2`. */
  id: string;
  kind: FactKind;
  /** The cleaned text as written in the file. */
  raw: string;
  spoken: Spoken;
  stems: Set<string>;
  /** For facts from keys the schema does not know: the key, readable ("media diet"). */
  label?: string;
}

export interface Identity {
  name: string;
  /** What the persona calls itself: the first name of a person's name, else the whole name. */
  callName: string;
  age?: string;
  occupation?: string;
  industry?: string;
  location?: string;
  familyStatus?: string;
  education?: string;
  quote?: string;
  emoji?: string;
}

export interface PersonaFacts {
  identity: Identity;
  facts: Fact[];
  /** Names the file capitalises mid-sentence ("Kikuyu", "Maldives"): kept capitalised when quoted. */
  properNouns: ReadonlySet<string>;
}

const KNOWN_KEYS: Record<string, Set<string>> = {
  // `characterCard` is an imported card's kept data (creator notes, lorebook): not facts to say.
  '': new Set([
    'id',
    'name',
    'baseSelection',
    'customInputs',
    'psychographics',
    'generatedInsights',
    'profilePicture',
    'chatProfile',
    'userId',
    'createdAt',
    'updatedAt',
    'characterCard',
    // Instructions for playing the person, not facts about them.
    'scenario',
    'exampleDialogue',
    'stories',
    'doNotMention',
    'postHistoryInstructions',
  ]),
  baseSelection: new Set(['age', 'gender', 'occupation', 'industry', 'location', 'income', 'education', 'familyStatus']),
  customInputs: new Set(['background', 'goals', 'challenges', 'quote', 'notes']),
  psychographics: new Set(['personalityTraits', 'values', 'interests', 'lifestyle', 'attitudes', 'communicationPreferences']),
  generatedInsights: new Set(['painPoints', 'motivations', 'objections', 'buyingBehavior', 'preferredChannels']),
};
/** A persona exported with hundreds of extra keys should not slow every reply. */
const MAX_EXTRA_FACTS = 40;

function list(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\n|;/);
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const cleaned = cleanFact(value);
  return cleaned === '' ? undefined : cleaned;
}

/** "Dana Whitfield" -> "Dana"; "The Busy Parent" or "CFO (Manufacturing)" stay whole. */
function callNameOf(name: string): string {
  const words = name.trim().split(/\s+/);
  const looksPersonal =
    words.length <= 3 && words.every((w) => /^[A-Z][a-z'’-]+$/.test(w)) && !/^(The|A|An|Mr|Mrs|Ms|Dr)$/.test(words[0] ?? '');
  return looksPersonal ? words[0]! : name.trim();
}

function emojiOf(data: PersonaData): string | undefined {
  const picture = data.profilePicture;
  const candidate = typeof picture === 'string' ? picture : picture?.emoji;
  return candidate && isEmoji(candidate) && candidate.length <= 16 ? candidate : undefined;
}

function identityOf(persona: Persona): Identity {
  const data = persona.data ?? ({ name: persona.name } as PersonaData);
  const base = data.baseSelection ?? {};
  const name = cleanFact(persona.name || data.name || 'Persona') || 'Persona';
  return {
    name,
    callName: callNameOf(name),
    age: text(base.age),
    occupation: text(base.occupation),
    industry: text(base.industry),
    location: text(base.location),
    familyStatus: text(base.familyStatus),
    education: text(base.education),
    quote: text(data.customInputs?.quote),
    emoji: emojiOf(data),
  };
}

/** Unknown keys anywhere the schema keeps them, flattened to `[label, text]` pairs. */
function extraEntries(data: PersonaData): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const visit = (label: string, value: unknown, depth: number): void => {
    if (out.length >= MAX_EXTRA_FACTS || depth > 3 || value === null || value === undefined) return;
    if (typeof value === 'string' || typeof value === 'number') out.push([label, String(value)]);
    else if (Array.isArray(value)) value.forEach((v) => visit(label, v, depth + 1));
    else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(humanizeKey(k), v, depth + 1);
  };
  const record = data as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) if (!KNOWN_KEYS['']!.has(key)) visit(humanizeKey(key), value, 0);
  for (const section of ['baseSelection', 'customInputs', 'psychographics', 'generatedInsights']) {
    const obj = record[section];
    if (!obj || typeof obj !== 'object') continue;
    for (const [key, value] of Object.entries(obj)) if (!KNOWN_KEYS[section]!.has(key)) visit(humanizeKey(key), value, 0);
  }
  return out;
}

/** Every string in the file's descriptive sections, for finding the names it uses. */
function allText(data: PersonaData): string[] {
  const out: string[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (depth > 4 || out.length > 400) return;
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach((v) => visit(v, depth + 1));
    else if (value && typeof value === 'object') Object.values(value).forEach((v) => visit(v, depth + 1));
  };
  visit([data.baseSelection, data.customInputs, data.psychographics, data.generatedInsights], 0);
  return out;
}

export function extractFacts(persona: Persona): PersonaFacts {
  const identity = identityOf(persona);
  const data: PersonaData = persona.data ?? { name: identity.name };
  // "Lucas Ferreira dos Santos" keeps its whole name as call name, but the file says "Lucas grew up...".
  const firstName = identity.name.match(/^[A-Z][a-z'’-]+(?=\s)/)?.[0];
  const names = [
    ...new Set([identity.name, identity.callName, ...(firstName && !/^(The|A|An|Mr|Mrs|Ms|Dr)$/.test(firstName) ? [firstName] : [])]),
  ];
  const properNouns = properNounsIn(allText(data));
  const facts: Fact[] = [];
  const add = (kind: FactKind, items: readonly string[], label?: string): void => {
    items.forEach((item) => {
      const raw = cleanFact(item);
      if (raw.length < 2 || facts.some((f) => f.raw === raw)) return;
      const id = `${kind}:${facts.filter((f) => f.kind === kind).length}`;
      const spoken = toFirstPerson(raw, names, {
        habits: kind === 'lifestyle' || kind === 'buying' || kind === 'background' || kind === 'attitude',
        properNouns,
      });
      // An objection is a thing that stops the sale, not a task: "Switch vendors every year" is said
      // as "switching ... is a deal-breaker", never "I'd need to switch vendors every year".
      if (kind === 'objection' && spoken.form === 'action') spoken.form = 'phrase';
      facts.push({ id, kind, raw, spoken, stems: contentStems(`${raw} ${label ?? ''}`), label });
    });
  };
  const insights = data.generatedInsights ?? {};
  const psycho = data.psychographics ?? {};
  const custom = data.customInputs ?? {};
  add('painPoint', list(insights.painPoints));
  add('objection', list(insights.objections));
  add('motivation', list(insights.motivations));
  add('goal', list(custom.goals));
  add('challenge', list(custom.challenges));
  add('value', list(psycho.values));
  add('interest', list(psycho.interests));
  add('attitude', list(psycho.attitudes));
  add('communication', list(psycho.communicationPreferences));
  add('channel', list(insights.preferredChannels));
  add(
    'buying',
    typeof insights.buyingBehavior === 'string' ? splitSentences(insights.buyingBehavior).flatMap(list) : list(insights.buyingBehavior),
  );
  add('lifestyle', typeof psycho.lifestyle === 'string' ? splitSentences(psycho.lifestyle) : list(psycho.lifestyle));
  add('background', splitSentences(custom.background ?? ''));
  add('background', splitSentences(custom.notes ?? ''));
  for (const [label, value] of extraEntries(data)) add('extra', [value], label);
  return { identity, facts, properNouns };
}
