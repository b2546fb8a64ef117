import * as z from 'zod/mini';
import { described } from '../core/zod-setup.js';

// The persona file format. Top-level keys follow the web app's PersonaProfile record. Every object
// is "loose": keys we do not know are kept (exports from the web app carry fields nobody here can
// foresee) and shown to the model in a generic readable form. Only what we read is typed.

/** Accepts a list, or one string (split on newlines/semicolons), and yields a clean list. */
const textList = described(
  z.pipe(
    z.union([z.array(z.string()), z.string()]),
    z.transform((v: string[] | string) => (Array.isArray(v) ? v : v.split(/\n|;/)).map((s) => s.trim()).filter(Boolean)),
  ),
  'a list of short texts (or one text, split on new lines or semicolons)',
);

const text = described(z.string(), 'free text');

/** Big Five traits on 0-1 or 0-100; normalized to 0-1 by `normalizeTrait`. */
const trait = described(z.number().check(z.minimum(0), z.maximum(100)), '0-1 or 0-100; normalized to 0-1');

export const personalityTraitsSchema = z.looseObject({
  openness: z.optional(trait),
  conscientiousness: z.optional(trait),
  extraversion: z.optional(trait),
  agreeableness: z.optional(trait),
  neuroticism: z.optional(trait),
});

export const baseSelectionSchema = z.looseObject({
  age: described(
    z.optional(z.union([z.number().check(z.int(), z.minimum(0), z.maximum(130)), z.string()])),
    'years, or a range such as "35-44"',
  ),
  gender: z.optional(text),
  occupation: z.optional(text),
  industry: z.optional(text),
  location: z.optional(text),
  income: z.optional(z.union([z.string(), z.number()])),
  education: z.optional(text),
  familyStatus: z.optional(text),
});

export const customInputsSchema = z.looseObject({
  background: described(z.optional(text), 'background story'),
  goals: z.optional(textList),
  challenges: z.optional(textList),
  quote: described(z.optional(text), 'something this person would say'),
  notes: z.optional(text),
});

export const psychographicsSchema = z.looseObject({
  personalityTraits: z.optional(personalityTraitsSchema),
  values: z.optional(textList),
  interests: z.optional(textList),
  lifestyle: z.optional(z.union([text, z.array(z.string())])),
  attitudes: z.optional(textList),
  communicationPreferences: z.optional(textList),
});

export const generatedInsightsSchema = z.looseObject({
  painPoints: z.optional(textList),
  motivations: z.optional(textList),
  objections: z.optional(textList),
  buyingBehavior: z.optional(z.union([text, z.array(z.string())])),
  preferredChannels: z.optional(textList),
});

/** Hex, or a colour name terminals know (what the chat header can draw). */
export const PERSONA_COLOR = /^#?[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$|^(black|red|green|yellow|blue|magenta|cyan|white|gray|grey)$/;
const hexColor = z
  .string()
  .check(z.regex(PERSONA_COLOR, 'a colour such as "#3b82f6", or one of black, red, green, yellow, blue, magenta, cyan, white, gray'));

export const profilePictureSchema = z.union([
  described(z.string(), 'an emoji, an image path or a URL'),
  z.looseObject({
    emoji: z.optional(z.string().check(z.maxLength(32))),
    color: z.optional(hexColor),
    image: described(z.optional(z.string()), 'a local image path'),
    url: z.optional(z.string()),
  }),
]);

const unit = z.number().check(z.minimum(0), z.maximum(1));

/** How this person talks. Every key is optional in a file's `chatProfile` (an override). */
export const chatProfileSchema = z.strictObject({
  formality: described(unit, '0 casual - 1 formal'),
  verbosity: z.enum(['terse', 'brief', 'moderate', 'expansive']),
  maxOutputTokens: z.number().check(z.int(), z.minimum(16), z.maximum(8192)),
  warmth: unit,
  humor: unit,
  expressiveness: described(unit, 'emotional expressiveness'),
  directness: unit,
  skepticism: unit,
  structure: described(unit, 'how much answers are organized (lists, steps)'),
  emojiUse: z.enum(['none', 'rare', 'frequent']),
  vocabulary: z.enum(['plain', 'everyday', 'professional', 'technical']),
  sentenceLength: z.enum(['short', 'medium', 'long']),
  questionRate: described(unit, 'how often they ask a question back'),
  passions: described(z.array(z.string()), 'topics they light up about'),
  avoids: described(z.array(z.string()), 'topics they steer away from'),
  signaturePhrases: z.array(z.string()),
  temperature: z.number().check(z.minimum(0), z.maximum(2)),
  greeting: described(z.optional(z.string()), 'the first thing they say when a chat opens'),
});
export type ChatProfile = z.infer<typeof chatProfileSchema>;

/**
 * One exchange in the person's own words: what an interviewer asked and how this person answered.
 * Live models see these as example dialogue; the offline engine speaks from them first. `intent`
 * names the interview topic the exchange answers (see docs/persona-format.md for the list).
 */
export const dialogueExampleSchema = z.looseObject({
  user: described(z.string().check(z.trim(), z.minLength(1)), 'what the interviewer says'),
  persona: described(z.string().check(z.trim(), z.minLength(1)), 'what this person answers, in the first person'),
  intent: described(z.optional(z.string()), 'the interview topic this answers, e.g. "daily-routine", "price"'),
});
export type DialogueExample = z.output<typeof dialogueExampleSchema>;

/** A short first-person story the person tells when a topic comes up (a purchase, a bad trial). */
export const storySchema = z.looseObject({
  intent: described(z.optional(z.string()), 'the interview topic it belongs to'),
  about: described(z.optional(z.string()), 'a few words saying what it is about'),
  text: described(z.string().check(z.trim(), z.minLength(1)), 'the story, in the first person'),
});
export type Story = z.output<typeof storySchema>;

export const personaSchema = z.looseObject({
  id: described(
    z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes, at most 64'))),
    'defaults to a slug of the file name',
  ),
  name: z.string().check(z.trim(), z.minLength(1, 'a persona needs a name'), z.maxLength(200)),
  baseSelection: z.optional(baseSelectionSchema),
  customInputs: z.optional(customInputsSchema),
  psychographics: z.optional(psychographicsSchema),
  generatedInsights: z.optional(generatedInsightsSchema),
  profilePicture: z.optional(profilePictureSchema),
  // Overrides of the derived profile. Keys we do not know (a web app's computed profile has its
  // own) are kept and reach the prompt as speaking instructions, as written.
  chatProfile: z.optional(z.partial(z.looseObject(chatProfileSchema.shape))),
  // Instructions, not facts: how to play the person. They are used as what they are and never
  // listed among the person's facts.
  scenario: described(z.optional(text), 'the situation of the conversation (who is asking, where, why)'),
  exampleDialogue: described(z.optional(z.array(dialogueExampleSchema)), "exchanges in the person's own words"),
  stories: described(z.optional(z.array(storySchema)), 'first-person stories by topic'),
  doNotMention: described(z.optional(textList), 'things this person never brings up'),
  postHistoryInstructions: described(z.optional(text), 'a short reminder placed after the conversation history'),
  userId: z.optional(z.string()),
  createdAt: z.optional(z.union([z.string(), z.number()])),
  updatedAt: z.optional(z.union([z.string(), z.number()])),
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
