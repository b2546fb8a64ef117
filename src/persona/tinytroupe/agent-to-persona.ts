import type { Issue } from '../../core/errors.js';
import { slugify } from '../../core/ids.js';
import { BIG_FIVE_KEYS, KNOWN_KEYS } from '../known-keys.js';
import { personaSchema, type PersonaData } from '../schema.js';
import { getAt, isRecord, setAt, type KeyPath } from './paths.js';
import { levelOf, type Route } from './routes.js';

// TinyTroupe agent -> persona, losslessly: every field of the agent's `persona` lands in a persona
// field (name, age, occupation, interests, goals, beliefs…) or, when we have none, under its own
// name, where the prompt shows it as a fact with its structure. The routes taken are kept under
// `tinyTroupe`, so `personas export --format tinytroupe` writes the same agent back.

export const TT_KEY = 'tinyTroupe';

export interface TinyTroupeNamespace {
  type: string;
  /** Top-level keys of the agent file besides `type` and `persona`. */
  topLevel: Record<string, unknown>;
  routes: Route[];
}

const cleanList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim() === s && s !== '');
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** A top-level key of ours for a TinyTroupe key we have no field for (never one of our own keys). */
function ownKey(key: string): KeyPath {
  return KNOWN_KEYS['']!.has(key) ? [`${key}_tinytroupe`] : [key];
}

type Router = (value: unknown, sub?: string) => KeyPath | undefined;

/** TinyTroupe top-level persona key -> where its value goes (undefined: its own key). */
const TOP: Record<string, Router> = {
  age: (v) => ((typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 130) || text(v) ? ['baseSelection', 'age'] : undefined),
  gender: (v) => (text(v) ? ['baseSelection', 'gender'] : undefined),
  residence: (v) => (text(v) ? ['baseSelection', 'location'] : undefined),
  nationality: () => ['baseSelection', 'nationality'],
  education: (v) => (text(v) ? ['baseSelection', 'education'] : undefined),
  style: () => ['chatProfile', 'style'],
  long_term_goals: (v) => (cleanList(v) ? ['customInputs', 'goals'] : undefined),
  beliefs: (v) => (cleanList(v) ? ['psychographics', 'attitudes'] : undefined),
  behaviors: () => ['psychographics', 'behaviors'],
  skills: () => ['customInputs', 'skills'],
};

/** Records whose parts go to different places. */
const NESTED: Record<string, Record<string, Router>> = {
  occupation: {
    title: (v) => (text(v) ? ['baseSelection', 'occupation'] : undefined),
    organization: () => ['baseSelection', 'organization'],
    description: (v) => (text(v) ? ['customInputs', 'background'] : undefined),
    '*': (_v, sub) => ['baseSelection', `occupation_${sub}`],
  },
  preferences: {
    interests: (v) => (cleanList(v) ? ['psychographics', 'interests'] : undefined),
    likes: () => ['psychographics', 'likes'],
    dislikes: () => ['psychographics', 'dislikes'],
    '*': (_v, sub) => ['psychographics', `preferences_${sub}`],
  },
  personality: {
    traits: () => ['psychographics', 'traits'],
    '*': (_v, sub) => ['psychographics', `personality_${sub}`],
  },
};

export interface AgentImport {
  persona: PersonaData & { id: string };
  warnings: Issue[];
}

export function agentToPersona(agent: Record<string, unknown>, fallbackId: string): AgentImport {
  const tt = agent.persona as Record<string, unknown>;
  const out: Record<string, unknown> = { id: '', name: (tt.name as string).trim() };
  const routes: Route[] = [{ tt: ['name'], ours: ['name'] }];
  const warnings: Issue[] = [];
  const place = (ttPath: KeyPath, ours: KeyPath, value: unknown) => {
    setAt(out, ours, value);
    routes.push({ tt: ttPath, ours });
  };
  for (const [key, value] of Object.entries(tt)) {
    if (key === 'name') continue;
    const nested = NESTED[key];
    if (nested && isRecord(value)) {
      for (const [sub, v] of Object.entries(value)) {
        if (key === 'personality' && sub === 'big_five' && isRecord(v)) {
          bigFive(v, place, out);
          continue;
        }
        const target = (nested[sub] ?? nested['*']!)(v, sub) ?? nested['*']!(v, sub)!;
        place([key, sub], target, v);
      }
      if (Object.keys(value).length === 0) place([key], ownKey(key), value);
      continue;
    }
    if (key === 'occupation' && text(value)) {
      place([key], ['baseSelection', 'occupation'], value);
      continue;
    }
    place([key], TOP[key]?.(value) ?? ownKey(key), value);
  }
  const ns: TinyTroupeNamespace = {
    type: String(agent.type ?? 'TinyPerson'),
    topLevel: Object.fromEntries(Object.entries(agent).filter(([k]) => k !== 'type' && k !== 'persona')),
    routes,
  };
  out.id = slugify(out.name as string) || slugify(fallbackId) || 'agent';
  out[TT_KEY] = ns;
  const parsed = personaSchema.safeParse(out);
  if (!parsed.success) {
    // A value of a known field in a shape we cannot hold (rare: every route checks its type).
    for (const issue of parsed.error.issues) warnings.push({ path: issue.path.join('.'), message: issue.message });
  }
  return { persona: out as PersonaData & { id: string }, warnings };
}

/** Big Five: numbers are traits; TinyTroupe's texts are kept as written and set the trait level. */
function bigFive(
  value: Record<string, unknown>,
  place: (tt: KeyPath, ours: KeyPath, v: unknown) => void,
  out: Record<string, unknown>,
): void {
  for (const [trait, v] of Object.entries(value)) {
    const known = (BIG_FIVE_KEYS as readonly string[]).includes(trait);
    if (known && typeof v === 'number' && v >= 0 && v <= 100) {
      place(['personality', 'big_five', trait], ['psychographics', 'personalityTraits', trait], v);
      continue;
    }
    place(['personality', 'big_five', trait], ['psychographics', 'bigFive', trait], v);
    const level = known && typeof v === 'string' ? levelOf(v) : undefined;
    // Derived, not routed: export writes the text back, not this number.
    if (level !== undefined && getAt(out, ['psychographics', 'personalityTraits', trait]) === undefined)
      setAt(out, ['psychographics', 'personalityTraits', trait], level);
  }
}
