import { z } from 'zod';

// The persona file format. Top-level keys follow the web app's PersonaProfile record. Every object
// is "loose": keys we do not know are kept (exports from the web app carry fields nobody here can
// foresee) and shown to the model in a generic readable form. Only what we read is typed.

/** Accepts a list, or one string (split on newlines/semicolons), and yields a clean list. */
const textList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(/\n|;/)).map((s) => s.trim()).filter(Boolean))
  .describe('a list of short texts (or one text, split on new lines or semicolons)');

const text = z.string().describe('free text');

/** Big Five traits on 0-1 or 0-100; normalized to 0-1 by `normalizeTrait`. */
const trait = z.number().min(0).max(100).describe('0-1 or 0-100; normalized to 0-1');

export const personalityTraitsSchema = z.looseObject({
  openness: trait.optional(),
  conscientiousness: trait.optional(),
  extraversion: trait.optional(),
  agreeableness: trait.optional(),
  neuroticism: trait.optional(),
});

export const baseSelectionSchema = z.looseObject({
  age: z.union([z.number().int().min(0).max(130), z.string()]).optional().describe('years, or a range such as "35-44"'),
  gender: text.optional(),
  occupation: text.optional(),
  industry: text.optional(),
  location: text.optional(),
  income: z.union([z.string(), z.number()]).optional(),
  education: text.optional(),
  familyStatus: text.optional(),
});

export const customInputsSchema = z.looseObject({
  background: text.optional().describe('background story'),
  goals: textList.optional(),
  challenges: textList.optional(),
  quote: text.optional().describe('something this person would say'),
  notes: text.optional(),
});

export const psychographicsSchema = z.looseObject({
  personalityTraits: personalityTraitsSchema.optional(),
  values: textList.optional(),
  interests: textList.optional(),
  lifestyle: z.union([text, z.array(z.string())]).optional(),
  attitudes: textList.optional(),
  communicationPreferences: textList.optional(),
});

export const generatedInsightsSchema = z.looseObject({
  painPoints: textList.optional(),
  motivations: textList.optional(),
  objections: textList.optional(),
  buyingBehavior: z.union([text, z.array(z.string())]).optional(),
  preferredChannels: textList.optional(),
});

const hexColor = z.string().regex(/^#?[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$|^[a-z]+$/, 'a colour such as "#3b82f6" or "teal"');

export const profilePictureSchema = z.union([
  z.string().describe('an emoji, an image path or a URL'),
  z.looseObject({
    emoji: z.string().max(32).optional(),
    color: hexColor.optional(),
    image: z.string().optional().describe('a local image path'),
    url: z.string().optional(),
  }),
]);

const unit = z.number().min(0).max(1);

/** How this person talks. Every key is optional in a file's `chatProfile` (an override). */
export const chatProfileSchema = z.strictObject({
  formality: unit.describe('0 casual - 1 formal'),
  verbosity: z.enum(['terse', 'brief', 'moderate', 'expansive']),
  maxOutputTokens: z.number().int().min(16).max(8192),
  warmth: unit,
  humor: unit,
  expressiveness: unit.describe('emotional expressiveness'),
  directness: unit,
  skepticism: unit,
  structure: unit.describe('how much answers are organized (lists, steps)'),
  emojiUse: z.enum(['none', 'rare', 'frequent']),
  vocabulary: z.enum(['plain', 'everyday', 'professional', 'technical']),
  sentenceLength: z.enum(['short', 'medium', 'long']),
  questionRate: unit.describe('how often they ask a question back'),
  passions: z.array(z.string()).describe('topics they light up about'),
  avoids: z.array(z.string()).describe('topics they steer away from'),
  signaturePhrases: z.array(z.string()),
  temperature: z.number().min(0).max(2),
  greeting: z.string().optional().describe('the first thing they say when a chat opens'),
});
export type ChatProfile = z.infer<typeof chatProfileSchema>;

export const personaSchema = z.looseObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, at most 64')
    .optional()
    .describe('defaults to a slug of the file name'),
  name: z.string().trim().min(1, 'a persona needs a name').max(200),
  baseSelection: baseSelectionSchema.optional(),
  customInputs: customInputsSchema.optional(),
  psychographics: psychographicsSchema.optional(),
  generatedInsights: generatedInsightsSchema.optional(),
  profilePicture: profilePictureSchema.optional(),
  chatProfile: chatProfileSchema.partial().optional(),
  userId: z.string().optional(),
  createdAt: z.union([z.string(), z.number()]).optional(),
  updatedAt: z.union([z.string(), z.number()]).optional(),
});

export type PersonaInput = z.input<typeof personaSchema>;
export type PersonaData = z.output<typeof personaSchema>;

/** A persona as loaded: validated data plus where it came from. */
export interface Persona {
  id: string;
  name: string;
  data: PersonaData;
  /** Absolute path of the file, or a label such as `(import)` for personas from elsewhere. */
  source: string;
  origin: 'shipped' | 'user' | 'path';
}

/** 0-100 scales become 0-1; 0-1 stays. A value of exactly 1 is read as the top of a 0-1 scale. */
export function normalizeTrait(value: number | undefined): number | undefined {
  if (value === undefined) return undefined;
  return value > 1 ? value / 100 : value;
}

/** The JSON Schema editors use (`persona personas schema`). */
export function personaJsonSchema(): unknown {
  return z.toJSONSchema(personaSchema, { io: 'input', unrepresentable: 'any' });
}
