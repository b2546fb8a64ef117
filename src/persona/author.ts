import { InputFileError } from '../core/errors.js';
import { slugify } from '../core/ids.js';
import { personaSchema, type PersonaInput } from './schema.js';
import { formatPath, weaknesses } from './validate.js';

// Building a new persona from answers (flags or the wizard). Pure: the CLI writes the file.

export interface PersonaAnswers {
  id?: string;
  name?: string;
  age?: string;
  gender?: string;
  occupation?: string;
  industry?: string;
  location?: string;
  income?: string;
  education?: string;
  family?: string;
  background?: string;
  quote?: string;
  goals?: string;
  challenges?: string;
  values?: string;
  interests?: string;
  painPoints?: string;
  motivations?: string;
  objections?: string;
  /** "0.7,0.5,0.3,0.6,0.4" or "70,50,30,60,40": openness, conscientiousness, extraversion, agreeableness, neuroticism. */
  traits?: string;
  emoji?: string;
  color?: string;
}

/**
 * A list typed as an answer (the wizard, --values and friends): items separated by commas or
 * semicolons, since "family, hard work" is how people write two values. A list string inside a
 * persona file keeps its own rule (new lines and semicolons, docs/persona-format.md).
 */
const split = (v: string | undefined) =>
  v
    ?.split(/[;,]/)
    .map((s) => s.trim())
    .filter(Boolean);

function setIfPresent(target: Record<string, unknown>, key: string, value: unknown): void {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
  target[key] = value;
}

export function parseTraits(text: string): Record<string, number> {
  const numbers = text
    .split(/[,\s]+/)
    .filter(Boolean)
    .map(Number);
  if (numbers.length !== 5 || numbers.some((n) => !Number.isFinite(n) || n < 0 || n > 100)) {
    throw new InputFileError('--traits', [
      {
        path: '',
        message: `expected five numbers 0-1 or 0-100, got "${text}"`,
        hint: 'openness,conscientiousness,extraversion,agreeableness,neuroticism e.g. 0.7,0.5,0.3,0.6,0.4',
      },
    ]);
  }
  const [openness, conscientiousness, extraversion, agreeableness, neuroticism] = numbers as [number, number, number, number, number];
  return { openness, conscientiousness, extraversion, agreeableness, neuroticism };
}

/** Merges answers over a base persona (for --from) and validates the result. */
export function composePersona(
  answers: PersonaAnswers,
  base: Record<string, unknown> = {},
  now = new Date(),
): { persona: PersonaInput; id: string } {
  const draft = structuredClone(base);
  const section = (key: string): Record<string, unknown> => {
    const existing = draft[key];
    if (existing && typeof existing === 'object') return existing as Record<string, unknown>;
    const fresh: Record<string, unknown> = {};
    draft[key] = fresh;
    return fresh;
  };
  setIfPresent(draft, 'name', answers.name?.trim());
  const age = answers.age?.trim();
  setIfPresent(section('baseSelection'), 'age', age && /^\d+$/.test(age) ? Number(age) : age);
  setIfPresent(section('baseSelection'), 'gender', answers.gender);
  setIfPresent(section('baseSelection'), 'occupation', answers.occupation);
  setIfPresent(section('baseSelection'), 'industry', answers.industry);
  setIfPresent(section('baseSelection'), 'location', answers.location);
  setIfPresent(section('baseSelection'), 'income', answers.income);
  setIfPresent(section('baseSelection'), 'education', answers.education);
  setIfPresent(section('baseSelection'), 'familyStatus', answers.family);
  setIfPresent(section('customInputs'), 'background', answers.background);
  setIfPresent(section('customInputs'), 'quote', answers.quote);
  setIfPresent(section('customInputs'), 'goals', split(answers.goals));
  setIfPresent(section('customInputs'), 'challenges', split(answers.challenges));
  if (answers.traits) section('psychographics').personalityTraits = parseTraits(answers.traits);
  setIfPresent(section('psychographics'), 'values', split(answers.values));
  setIfPresent(section('psychographics'), 'interests', split(answers.interests));
  setIfPresent(section('generatedInsights'), 'painPoints', split(answers.painPoints));
  setIfPresent(section('generatedInsights'), 'motivations', split(answers.motivations));
  setIfPresent(section('generatedInsights'), 'objections', split(answers.objections));
  if (answers.emoji || answers.color) {
    const pic = typeof draft.profilePicture === 'object' && draft.profilePicture ? draft.profilePicture : {};
    draft.profilePicture = {
      ...pic,
      ...(answers.emoji ? { emoji: answers.emoji } : {}),
      ...(answers.color ? { color: answers.color } : {}),
    };
  }
  for (const key of ['baseSelection', 'customInputs', 'psychographics', 'generatedInsights']) {
    const value = draft[key];
    if (value && typeof value === 'object' && Object.keys(value).length === 0) delete draft[key];
  }
  const name = typeof draft.name === 'string' ? draft.name : '';
  const id = answers.id?.trim() || (base.id && answers.name === undefined ? `${String(base.id)}-copy` : slugify(name));
  draft.id = id;
  draft.createdAt = now.toISOString();
  draft.updatedAt = now.toISOString();
  const result = personaSchema.safeParse(draft);
  if (!result.success) {
    throw new InputFileError(
      'new persona',
      result.error.issues.map((i) => ({ path: formatPath(i.path), message: i.message })),
    );
  }
  // Key order as authors expect to read it.
  const order = ['id', 'name', 'baseSelection', 'customInputs', 'psychographics', 'generatedInsights', 'profilePicture', 'chatProfile'];
  const ordered: Record<string, unknown> = {};
  for (const k of order) if (draft[k] !== undefined) ordered[k] = draft[k];
  for (const [k, v] of Object.entries(draft)) if (!(k in ordered)) ordered[k] = v;
  return { persona: ordered as PersonaInput, id };
}

export { weaknesses };
