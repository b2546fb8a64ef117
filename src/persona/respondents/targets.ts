// The persona fields a respondent column can fill, and how a cell's text becomes that field's
// value. One table, so the mapping file, the automatic header matching and the validation report
// all agree on what each field accepts.

export type TargetKind = 'text' | 'list' | 'age' | 'trait' | 'income' | 'id';

export interface Target {
  /** Dot path in the persona file, e.g. `baseSelection.age`. */
  path: string;
  kind: TargetKind;
  /** Header words that map here without a mapping file (compared after lower-casing and dropping punctuation). */
  headers: string[];
}

const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'];

export const TARGETS: Target[] = [
  { path: 'id', kind: 'id', headers: ['id', 'persona id', 'respondent id', 'respondent', 'response id'] },
  { path: 'name', kind: 'text', headers: ['name', 'full name', 'respondent name', 'first name'] },
  { path: 'baseSelection.age', kind: 'age', headers: ['age', 'age band', 'age group', 'age range'] },
  { path: 'baseSelection.gender', kind: 'text', headers: ['gender', 'sex'] },
  { path: 'baseSelection.occupation', kind: 'text', headers: ['occupation', 'job', 'job title', 'role', 'profession', 'title'] },
  { path: 'baseSelection.industry', kind: 'text', headers: ['industry', 'sector'] },
  { path: 'baseSelection.location', kind: 'text', headers: ['location', 'city', 'country', 'region', 'where do you live'] },
  { path: 'baseSelection.income', kind: 'income', headers: ['income', 'household income', 'annual income', 'salary'] },
  { path: 'baseSelection.education', kind: 'text', headers: ['education', 'education level', 'highest education'] },
  { path: 'baseSelection.familyStatus', kind: 'text', headers: ['family status', 'marital status', 'household', 'family'] },
  { path: 'customInputs.background', kind: 'text', headers: ['background', 'bio', 'about', 'story'] },
  { path: 'customInputs.goals', kind: 'list', headers: ['goals', 'goal'] },
  { path: 'customInputs.challenges', kind: 'list', headers: ['challenges', 'challenge'] },
  { path: 'customInputs.quote', kind: 'text', headers: ['quote'] },
  { path: 'customInputs.notes', kind: 'text', headers: ['notes', 'note', 'comments'] },
  { path: 'psychographics.values', kind: 'list', headers: ['values'] },
  { path: 'psychographics.interests', kind: 'list', headers: ['interests', 'hobbies'] },
  { path: 'psychographics.lifestyle', kind: 'text', headers: ['lifestyle'] },
  { path: 'psychographics.attitudes', kind: 'list', headers: ['attitudes'] },
  { path: 'psychographics.communicationPreferences', kind: 'list', headers: ['communication preferences'] },
  ...TRAITS.map((t) => ({ path: `psychographics.personalityTraits.${t}`, kind: 'trait' as const, headers: [t] })),
  { path: 'generatedInsights.painPoints', kind: 'list', headers: ['pain points', 'pains', 'frustrations'] },
  { path: 'generatedInsights.motivations', kind: 'list', headers: ['motivations', 'motivation'] },
  { path: 'generatedInsights.objections', kind: 'list', headers: ['objections', 'concerns'] },
  { path: 'generatedInsights.buyingBehavior', kind: 'text', headers: ['buying behavior', 'buying behaviour', 'purchase behavior'] },
  { path: 'generatedInsights.preferredChannels', kind: 'list', headers: ['preferred channels', 'channels'] },
  { path: 'scenario', kind: 'text', headers: ['scenario'] },
];

const BY_PATH = new Map(TARGETS.map((t) => [t.path, t]));

export function targetFor(path: string): Target | undefined {
  return BY_PATH.get(path);
}

/** Header text compared loosely: "Job Title:" and "job_title" are the same header. */
export function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/[_\-:?*.()/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const BY_HEADER = new Map(TARGETS.flatMap((t) => t.headers.map((h) => [h, t] as const)));

export function targetForHeader(header: string): Target | undefined {
  return BY_HEADER.get(headerKey(header));
}

export type CellResult = { ok: true; value: unknown } | { ok: false; message: string };

const AGE_RANGE = /^\d{1,3}\s*(-|–|to)\s*\d{1,3}$|^\d{1,3}\s*\+$|^(under|over)\s+\d{1,3}$/i;

/** Turns one cell into the value its field holds, or says why it can't. */
export function convertCell(kind: TargetKind, raw: unknown): CellResult {
  if (typeof raw === 'number' || typeof raw === 'boolean') raw = String(raw);
  if (typeof raw !== 'string') return { ok: false, message: 'expected text, found a nested value' };
  const text = raw.trim();
  switch (kind) {
    case 'text':
      return { ok: true, value: text };
    case 'id': {
      return { ok: true, value: text };
    }
    case 'list':
      return { ok: true, value: splitList(text) };
    case 'income':
      return { ok: true, value: /^\d+(\.\d+)?$/.test(text) ? Number(text) : text };
    case 'age': {
      if (/^\d{1,3}$/.test(text)) {
        const age = Number(text);
        return age <= 130 ? { ok: true, value: age } : { ok: false, message: `age ${age} is over 130` };
      }
      if (AGE_RANGE.test(text)) return { ok: true, value: text.replace(/\s*(–|to)\s*/i, '-') };
      return { ok: false, message: 'expected an age in years (e.g. 42) or a range (e.g. 35-44, 65+)' };
    }
    case 'trait': {
      const n = Number(text.replace(/%$/, ''));
      if (text === '' || !Number.isFinite(n) || n < 0 || n > 100)
        return { ok: false, message: 'expected a number from 0 to 1, or 0 to 100' };
      return { ok: true, value: n };
    }
  }
}

/** Survey exports separate several answers with ";", "|" or new lines; commas stay inside one answer. */
export function splitList(text: string): string[] {
  return text
    .split(/\n|;|\|/)
    .map((s) => s.trim())
    .filter(Boolean);
}
