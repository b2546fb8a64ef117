// Persona attributes as flat columns ("baseSelection.location", "ageBand", traits) for pivot tables
// and cross-tabs. Read from the snapshot each answer was given with, so a persona file edited
// later does not rewrite an old run.

export type PersonaAttributes = Record<string, string>;

const AGE_BANDS: ReadonlyArray<[number, string]> = [
  [18, 'under 18'],
  [25, '18-24'],
  [35, '25-34'],
  [45, '35-44'],
  [55, '45-54'],
  [65, '55-64'],
  [Infinity, '65+'],
];

export function ageBand(age: unknown): string {
  if (typeof age === 'string') {
    const numbers = age.match(/\d+/g)?.map(Number) ?? [];
    // A range as written ("35-44") is already a band.
    if (numbers.length >= 2) return `${numbers[0]}-${numbers[1]}`;
    if (numbers.length === 1) return ageBand(numbers[0]);
    return age.trim() || 'unknown';
  }
  if (typeof age !== 'number' || !Number.isFinite(age)) return 'unknown';
  return AGE_BANDS.find(([below]) => age < below)![1];
}

/** Every scalar under baseSelection and the Big Five, flattened, plus the age band. */
export function personaAttributes(data: unknown): PersonaAttributes {
  const out: PersonaAttributes = {};
  const record = (data ?? {}) as Record<string, unknown>;
  const flatten = (value: unknown, prefix: string) => {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) out[prefix] = value.map(String).join('; ');
    else if (typeof value === 'object') for (const [key, inner] of Object.entries(value)) flatten(inner, `${prefix}.${key}`);
    else out[prefix] = String(value);
  };
  flatten(record.baseSelection, 'baseSelection');
  flatten((record.psychographics as Record<string, unknown> | undefined)?.personalityTraits, 'psychographics.personalityTraits');
  out.ageBand = ageBand((record.baseSelection as Record<string, unknown> | undefined)?.age);
  return out;
}

/**
 * The value of a field for grouping: "age" means the age band; any dotted path into the persona
 * data works ("baseSelection.location", "generatedInsights.objections" joins a list).
 */
export function groupValue(data: unknown, field: string): string {
  if (field === 'age' || field === 'ageBand' || field === 'baseSelection.age') {
    return ageBand(((data ?? {}) as { baseSelection?: { age?: unknown } }).baseSelection?.age);
  }
  let node: unknown = data;
  for (const key of field.split('.')) {
    if (node === null || typeof node !== 'object') return 'unknown';
    node = (node as Record<string, unknown>)[key];
  }
  if (node === undefined || node === null || node === '') return 'unknown';
  if (Array.isArray(node)) return node.map(String).join('; ');
  if (typeof node === 'object') return 'unknown';
  return String(node);
}
