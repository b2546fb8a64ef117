// What `personas enrich` may fill: sections a persona file can have that are missing or empty in
// this one. Anything the author wrote, even one word, is theirs and is never touched.

export interface Section {
  /** Path in the file, e.g. ['generatedInsights', 'painPoints']. */
  path: string[];
  /** What the model is asked to write there. */
  ask: string;
  shape: 'text' | 'list' | 'dialogue' | 'stories' | 'traits';
}

export const FILLABLE: Section[] = [
  { path: ['customInputs', 'background'], ask: 'a paragraph of who they are, in the third person', shape: 'text' },
  { path: ['customInputs', 'goals'], ask: '3-5 goals', shape: 'list' },
  { path: ['customInputs', 'challenges'], ask: '3-5 challenges', shape: 'list' },
  { path: ['customInputs', 'quote'], ask: 'one sentence they would say, in their voice', shape: 'text' },
  { path: ['psychographics', 'personalityTraits'], ask: 'Big Five on 0-100', shape: 'traits' },
  { path: ['psychographics', 'values'], ask: '3-5 values', shape: 'list' },
  { path: ['psychographics', 'interests'], ask: '3-5 interests', shape: 'list' },
  { path: ['psychographics', 'attitudes'], ask: '2-4 attitudes relevant to buying and technology', shape: 'list' },
  { path: ['psychographics', 'communicationPreferences'], ask: '2-3 ways they like to be talked to', shape: 'list' },
  { path: ['generatedInsights', 'painPoints'], ask: '3-5 concrete pain points', shape: 'list' },
  { path: ['generatedInsights', 'motivations'], ask: '3-5 motivations', shape: 'list' },
  { path: ['generatedInsights', 'objections'], ask: '3-5 objections they raise to a new product, with the reason', shape: 'list' },
  { path: ['generatedInsights', 'buyingBehavior'], ask: 'how they research, decide and pay, in two sentences', shape: 'text' },
  { path: ['generatedInsights', 'preferredChannels'], ask: '2-4 channels where they learn about products', shape: 'list' },
  { path: ['scenario'], ask: 'the situation of the interview: who is asking, where, why, in one or two sentences', shape: 'text' },
  {
    path: ['exampleDialogue'],
    ask: '10-14 interview exchanges in their own first-person voice covering routine, frustrations, price, switching, trust, an example story, and "are you an AI?" (answered truthfully: a simulated persona)',
    shape: 'dialogue',
  },
  {
    path: ['stories'],
    ask: '3-4 short first-person stories with specifics (a purchase they loved, one that burned them, a typical day)',
    shape: 'stories',
  },
];

/** Missing, null, blank text, an empty list or an empty object: nothing the author wrote. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

function valueAt(data: unknown, path: string[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = Object.hasOwn(node, key) ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** The fillable sections this file leaves empty. A section under a non-object value is skipped. */
export function emptySections(data: Record<string, unknown>): Section[] {
  return FILLABLE.filter((section) => {
    const parent = section.path.length > 1 ? valueAt(data, section.path.slice(0, -1)) : data;
    if (parent !== undefined && parent !== null && (typeof parent !== 'object' || Array.isArray(parent))) return false;
    return isEmptyValue(valueAt(data, section.path));
  });
}

export { valueAt };
