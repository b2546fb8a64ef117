import type { ChatProfile } from '../../persona/schema.js';
import type { Random } from './random.js';

// The chat profile says how this person talks; here it becomes concrete knobs for the composer.
// Profiles from older files or hand-written overrides may lack fields, so every field has a
// middle-of-the-road default rather than trusting the type.

export type Register = 'casual' | 'neutral' | 'formal';

export interface Style {
  register: Register;
  warmth: number;
  humor: number;
  expressiveness: number;
  directness: number;
  skepticism: number;
  structure: number;
  questionRate: number;
  temperature: number;
  verbosity: ChatProfile['verbosity'];
  emojiUse: ChatProfile['emojiUse'];
  maxOutputTokens: number;
  passions: string[];
  avoids: string[];
  signaturePhrases: string[];
  greeting?: string;
}

const unit = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : fallback;
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v.trim() !== '') : [];
function oneOf<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function resolveStyle(profile: Partial<ChatProfile> | undefined, requestMaxTokens: number | undefined): Style {
  const p = profile ?? {};
  const formality = unit(p.formality, 0.5);
  const profileMax = typeof p.maxOutputTokens === 'number' && p.maxOutputTokens > 0 ? p.maxOutputTokens : 400;
  const requestMax = typeof requestMaxTokens === 'number' && requestMaxTokens > 0 ? requestMaxTokens : profileMax;
  return {
    register: formality >= 0.65 ? 'formal' : formality <= 0.35 ? 'casual' : 'neutral',
    warmth: unit(p.warmth, 0.5),
    humor: unit(p.humor, 0.3),
    expressiveness: unit(p.expressiveness, 0.5),
    directness: unit(p.directness, 0.5),
    skepticism: unit(p.skepticism, 0.4),
    structure: unit(p.structure, 0.3),
    questionRate: unit(p.questionRate, 0.3),
    temperature: typeof p.temperature === 'number' ? Math.min(2, Math.max(0, p.temperature)) : 0.8,
    verbosity: oneOf(p.verbosity, ['terse', 'brief', 'moderate', 'expansive'] as const, 'moderate'),
    emojiUse: oneOf(p.emojiUse, ['none', 'rare', 'frequent'] as const, 'rare'),
    maxOutputTokens: Math.min(profileMax, requestMax),
    passions: strings(p.passions),
    avoids: strings(p.avoids),
    signaturePhrases: strings(p.signaturePhrases),
    greeting: typeof p.greeting === 'string' && p.greeting.trim() !== '' ? p.greeting : undefined,
  };
}

/** Roughly 20 tokens per spoken sentence: the token cap bounds how much the persona may say. */
const TOKENS_PER_SENTENCE = 20;

/** How many sentences of substance (facts) this reply carries, before openers and questions. */
export function sentenceBudget(style: Style, rng: Random): number {
  const byVerbosity = { terse: 1, brief: rng.int(1, 2), moderate: rng.int(2, 3), expansive: rng.int(4, 5) }[style.verbosity];
  return Math.max(1, Math.min(byVerbosity, Math.floor(style.maxOutputTokens / TOKENS_PER_SENTENCE)));
}

/** Only contracted when a word follows: "that's what it is." must not become "what it's." */
const CONTRACTIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bI am(?= \w)/g, "I'm"],
  [/\bI would(?= \w)/g, "I'd"],
  [/\bI will(?= \w)/g, "I'll"],
  [/\b([Dd]o|[Dd]oes|[Dd]id|[Ii]s|[Aa]re|[Ww]as|[Ww]ould) not(?= \w)/g, "$1n't"],
  [/\bcannot(?= \w)/g, "can't"],
  [/\bwill not(?= \w)/g, "won't"],
  [/\b([Ii]t|[Tt]hat|[Tt]here|[Ww]hat|[Hh]ere) is(?= \w)/g, "$1's"],
  [/\b([Yy]ou) are(?= \w)/g, "$1're"],
];

const EXPANSIONS: ReadonlyArray<[RegExp, string]> = [
  [/\bI'm\b/g, 'I am'],
  [/\bI'd\b/g, 'I would'],
  [/\bI'll\b/g, 'I will'],
  [/\bI've\b/g, 'I have'],
  [/\bcan't\b/g, 'cannot'],
  [/\bCan't\b/g, 'Cannot'],
  [/\bwon't\b/g, 'will not'],
  [/\bWon't\b/g, 'Will not'],
  [/\b(do|does|did|is|are|was|were|would|could|should|have|has|had)n't\b/gi, '$1 not'],
  [/\b(you|we|they)'re\b/gi, '$1 are'],
  [/\b(you|we|they)'ve\b/gi, '$1 have'],
  [/\b(you|we|they)'ll\b/gi, '$1 will'],
  [/\bgonna\b/g, 'going to'],
  [/\bwanna\b/g, 'want to'],
  [/\bkinda\b/g, 'somewhat'],
  [/\byeah\b/gi, 'yes'],
];

/** "it's" -> "it is" except "let's", which stays. */
const IS_CONTRACTION = /\b(it|that|there|what|here|who)'s\b/gi;

/** Formal speakers spell contractions out; casual ones contract. Typographic apostrophes are normalized first. */
export function applyRegister(text: string, register: Register): string {
  let out = text.replace(/’/g, "'");
  if (register === 'formal') {
    for (const [pattern, replacement] of EXPANSIONS) out = out.replace(pattern, replacement);
    out = out.replace(IS_CONTRACTION, '$1 is');
  } else if (register === 'casual') {
    for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  }
  return out;
}
