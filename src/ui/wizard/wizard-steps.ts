import type { PersonaAnswers } from '../../persona/author.js';
import { PERSONA_COLOR } from '../../persona/schema.js';

// The questions the wizard asks, in order. Lists are typed separated by semicolons.

export interface WizardStep {
  key: keyof PersonaAnswers;
  label: string;
  help: string;
  required?: boolean;
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
  { key: 'values', label: 'Values', help: 'Separate with ;' },
  { key: 'interests', label: 'Interests', help: 'Separate with ;' },
  { key: 'goals', label: 'Goals', help: 'Separate with ;' },
  { key: 'challenges', label: 'Challenges', help: 'Separate with ;' },
  { key: 'painPoints', label: 'Pain points', help: 'What frustrates them; separate with ;' },
  { key: 'motivations', label: 'Motivations', help: 'Separate with ;' },
  { key: 'objections', label: 'Objections', help: 'What they say when pitched; separate with ;' },
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
  const text = (v: unknown) => (Array.isArray(v) ? v.join('; ') : v === undefined || v === null ? undefined : String(v));
  const traits = get('psychographics', 'personalityTraits') as Record<string, number> | undefined;
  const pic = base.profilePicture as Record<string, string> | undefined;
  return {
    name: text(base.name),
    age: text(get('baseSelection', 'age')),
    gender: text(get('baseSelection', 'gender')),
    occupation: text(get('baseSelection', 'occupation')),
    industry: text(get('baseSelection', 'industry')),
    location: text(get('baseSelection', 'location')),
    income: text(get('baseSelection', 'income')),
    education: text(get('baseSelection', 'education')),
    family: text(get('baseSelection', 'familyStatus')),
    background: text(get('customInputs', 'background')),
    quote: text(get('customInputs', 'quote')),
    goals: text(get('customInputs', 'goals')),
    challenges: text(get('customInputs', 'challenges')),
    values: text(get('psychographics', 'values')),
    interests: text(get('psychographics', 'interests')),
    painPoints: text(get('generatedInsights', 'painPoints')),
    motivations: text(get('generatedInsights', 'motivations')),
    objections: text(get('generatedInsights', 'objections')),
    traits: traits
      ? ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'].map((k) => traits[k] ?? 0.5).join(',')
      : undefined,
    emoji: typeof pic === 'object' ? pic?.emoji : undefined,
    color: typeof pic === 'object' ? pic?.color : undefined,
    id: base.id ? `${String(base.id)}-copy` : undefined,
  };
}
