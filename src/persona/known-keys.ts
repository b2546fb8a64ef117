// The keys the persona format defines, by object. Everything else in a file is an "unknown key":
// kept, reported once with a warning, and shown to the model in a readable form (src/persona/extras.ts).

/** Instruction fields: how to play the person, never facts about them. */
export const INSTRUCTION_KEYS = ['scenario', 'exampleDialogue', 'stories', 'doNotMention', 'postHistoryInstructions'] as const;

export const BIG_FIVE_KEYS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const;

export const CHAT_PROFILE_KEYS = [
  'formality',
  'verbosity',
  'maxOutputTokens',
  'warmth',
  'humor',
  'expressiveness',
  'directness',
  'skepticism',
  'structure',
  'emojiUse',
  'vocabulary',
  'sentenceLength',
  'questionRate',
  'passions',
  'avoids',
  'signaturePhrases',
  'temperature',
  'greeting',
] as const;

/**
 * Known keys by the path of the object that holds them ('' is the top level). `characterCard`
 * holds what a character card keeps beyond the persona fields (creator notes among it): the card
 * rules decide what of it reaches the model, so it is known here and never rendered as facts.
 */
export const KNOWN_KEYS: Record<string, ReadonlySet<string>> = {
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
    'tinyTroupe',
    ...INSTRUCTION_KEYS,
  ]),
  baseSelection: new Set(['age', 'gender', 'occupation', 'industry', 'location', 'income', 'education', 'familyStatus']),
  customInputs: new Set(['background', 'goals', 'challenges', 'quote', 'notes']),
  psychographics: new Set(['personalityTraits', 'values', 'interests', 'lifestyle', 'attitudes', 'communicationPreferences']),
  'psychographics.personalityTraits': new Set(BIG_FIVE_KEYS),
  generatedInsights: new Set(['painPoints', 'motivations', 'objections', 'buyingBehavior', 'preferredChannels']),
  chatProfile: new Set(CHAT_PROFILE_KEYS),
  profilePicture: new Set(['emoji', 'color', 'image', 'url']),
};

/** Objects whose unknown keys are facts about the person, in the order the prompt lists them. */
export const FACT_SECTIONS = [
  '',
  'baseSelection',
  'customInputs',
  'psychographics',
  'generatedInsights',
  'psychographics.personalityTraits',
] as const;

/** The value at a dotted path such as `psychographics.personalityTraits` ('' is the object itself). */
export function objectAt(root: unknown, path: string): Record<string, unknown> | undefined {
  let node: unknown = root;
  for (const part of path ? path.split('.') : []) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node !== null && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>) : undefined;
}

/** Unknown keys of the object at `path`, in file order. */
export function unknownKeysAt(root: unknown, path: string): string[] {
  const obj = objectAt(root, path);
  const known = KNOWN_KEYS[path];
  if (!obj || !known) return [];
  return Object.keys(obj).filter((k) => !known.has(k));
}
