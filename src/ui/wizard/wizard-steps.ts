import type { PersonaAnswers } from '../../persona/author.js';
import { sanitizeKey } from '../../core/sanitize.js';
import { PERSONA_COLOR } from '../../persona/schema.js';

// The questions the wizard asks, in order. Lists are typed separated by commas (or semicolons).

export interface WizardStep {
  key: keyof PersonaAnswers;
  label: string;
  help: string;
  required?: boolean;
  /** Several items in one line, split on commas and semicolons (see composePersona). */
  list?: boolean;
  validate?: (value: string) => string | undefined;
}

const traitsPattern = /^\s*\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*){4}$/;

export const WIZARD_STEPS: WizardStep[] = [
  { key: 'name', label: 'Name', help: 'Full name, e.g. Margaret Okafor', required: true },
  { key: 'age', label: 'Age', help: 'Years, or a range such as 35-44' },
  { key: 'gender', label: 'Gender', help: 'As the persona would describe it' },
  { key: 'occupation', label: 'Occupation', help: 'Job title, e.g. Chief Financial Officer' },
  { key: 'industry', label: 'Industry', help: 'e.g. Manufacturing' },
  { key: 'location', label: 'Location', help: 'City, country' },
  { key: 'income', label: 'Income', help: 'e.g. $180k/year, or "middle"' },
  { key: 'education', label: 'Education', help: 'e.g. MBA' },
  { key: 'family', label: 'Family', help: 'e.g. married, two teenagers' },
  { key: 'background', label: 'Background', help: 'A few sentences: their story, in specifics' },
  { key: 'quote', label: 'Quote', help: 'Something they would say' },
  {
    key: 'traits',
    label: 'Big Five',
    help: 'openness, conscientiousness, extraversion, agreeableness, neuroticism: five numbers 0-1 or 0-100',
    validate: (v) => (v && !traitsPattern.test(v) ? 'five numbers separated by commas, e.g. 0.6,0.8,0.3,0.4,0.5' : undefined),
  },
  { key: 'values', label: 'Values', help: 'What matters to them; separate with commas', list: true },
  { key: 'interests', label: 'Interests', help: 'Separate with commas', list: true },
  { key: 'goals', label: 'Goals', help: 'Separate with commas', list: true },
  { key: 'challenges', label: 'Challenges', help: 'Separate with commas', list: true },
  { key: 'painPoints', label: 'Pain points', help: 'What frustrates them; separate with commas', list: true },
  { key: 'motivations', label: 'Motivations', help: 'Separate with commas', list: true },
  { key: 'objections', label: 'Objections', help: 'What they say when pitched; separate with commas', list: true },
  { key: 'emoji', label: 'Emoji', help: 'One emoji for lists and the chat header, e.g. 📊' },
  {
    key: 'color',
    label: 'Colour',
    help: 'e.g. #3b82f6, or blue, cyan, magenta …',
    validate: (v) => (v && !PERSONA_COLOR.test(v) ? 'a hex colour like #3b82f6, or a name like blue' : undefined),
  },
  { key: 'id', label: 'Id', help: 'File name and id; leave empty to derive it from the name' },
];

/** Pre-fills answers from an existing persona (for --from). */
export function answersFrom(base: Record<string, unknown> | undefined): PersonaAnswers {
  if (!base) return {};
  const get = (section: string, key: string): unknown => (base[section] as Record<string, unknown> | undefined)?.[key];
  // Text from a file: escape sequences and invisible characters go before it is shown and edited.
  const text = (v: unknown) => (Array.isArray(v) ? v.join('; ') : v === undefined || v === null ? undefined : String(v));
  const clean = (v: unknown) => {
    const t = text(v);
    return t === undefined ? undefined : sanitizeKey(t);
  };
  const traits = get('psychographics', 'personalityTraits') as Record<string, number> | undefined;
  const pic = base.profilePicture as Record<string, string> | undefined;
  return {
    name: clean(base.name),
    age: clean(get('baseSelection', 'age')),
    gender: clean(get('baseSelection', 'gender')),
    occupation: clean(get('baseSelection', 'occupation')),
    industry: clean(get('baseSelection', 'industry')),
    location: clean(get('baseSelection', 'location')),
    income: clean(get('baseSelection', 'income')),
    education: clean(get('baseSelection', 'education')),
    family: clean(get('baseSelection', 'familyStatus')),
    background: clean(get('customInputs', 'background')),
    quote: clean(get('customInputs', 'quote')),
    goals: clean(get('customInputs', 'goals')),
    challenges: clean(get('customInputs', 'challenges')),
    values: clean(get('psychographics', 'values')),
    interests: clean(get('psychographics', 'interests')),
    painPoints: clean(get('generatedInsights', 'painPoints')),
    motivations: clean(get('generatedInsights', 'motivations')),
    objections: clean(get('generatedInsights', 'objections')),
    traits: traits
      ? ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'].map((k) => traits[k] ?? 0.5).join(',')
      : undefined,
    emoji: typeof pic === 'object' ? clean(pic?.emoji) : undefined,
    color: typeof pic === 'object' ? clean(pic?.color) : undefined,
    id: base.id ? `${String(base.id)}-copy` : undefined,
  };
}

/**
 * The answers without list fields accepted exactly as --from filled them in: the copied persona's
 * own items then stay as they are, so an item with a comma in it is not split on the way through.
 */
export function changedAnswers(answers: PersonaAnswers, prefill: PersonaAnswers): PersonaAnswers {
  const out = { ...answers };
  for (const step of WIZARD_STEPS) {
    const before = prefill[step.key];
    if (step.list && before !== undefined && out[step.key] === before.trim()) delete out[step.key];
  }
  return out;
}
