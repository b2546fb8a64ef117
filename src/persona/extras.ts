import type { PersonaData } from './schema.js';

// Keys the schema does not know still describe the person. They are kept and reach the prompt in
// a generic, readable form: `mediaDiet: ["podcasts"]` -> "- Media diet: podcasts".

const KNOWN: Record<string, Set<string>> = {
  // `characterCard` holds what a character card keeps beyond the persona fields (creator notes among
  // it), which the card rules keep out of the prompt; src/persona/cards reads the parts that belong.
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

/** `mediaDiet` / `media_diet` -> "Media diet". */
export function humanizeKey(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function renderValue(value: unknown, indent: string): string[] {
  if (value === null || value === undefined || value === '') return [];
  if (typeof value !== 'object') return [String(value)];
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || typeof v !== 'object'))
      return [
        value
          .filter((v) => v !== null && v !== '')
          .map(String)
          .join('; '),
      ];
    return value.flatMap((v) => renderValue(v, indent).map((line) => `${indent}- ${line}`));
  }
  return Object.entries(value).flatMap(([k, v]) => {
    const lines = renderValue(v, `${indent}  `);
    if (lines.length === 0) return [];
    if (lines.length === 1 && !lines[0]!.startsWith(indent + ' ')) return [`${indent}- ${humanizeKey(k)}: ${lines[0]}`];
    return [`${indent}- ${humanizeKey(k)}:`, ...lines.map((l) => (l.startsWith(indent) ? l : `${indent}  ${l}`))];
  });
}

/** Unknown keys, each as `[label, readable lines]`, in file order. */
export function extraFacts(data: PersonaData): Array<{ label: string; lines: string[] }> {
  const out: Array<{ label: string; lines: string[] }> = [];
  const record = data as Record<string, unknown>;
  for (const [key, value] of Object.entries(record)) {
    if (!KNOWN['']!.has(key)) {
      const lines = renderValue(value, '');
      if (lines.length > 0) out.push({ label: humanizeKey(key), lines });
    }
  }
  for (const section of ['baseSelection', 'customInputs', 'psychographics', 'generatedInsights'] as const) {
    const obj = record[section];
    if (!obj || typeof obj !== 'object') continue;
    for (const [key, value] of Object.entries(obj)) {
      if (KNOWN[section]!.has(key)) continue;
      const lines = renderValue(value, '');
      if (lines.length > 0) out.push({ label: humanizeKey(key), lines });
    }
  }
  const traits = data.psychographics?.personalityTraits as Record<string, unknown> | undefined;
  if (traits) {
    const big = new Set(['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism']);
    for (const [key, value] of Object.entries(traits)) {
      if (!big.has(key) && value !== undefined) out.push({ label: humanizeKey(key), lines: renderValue(value, '') });
    }
  }
  return out;
}
