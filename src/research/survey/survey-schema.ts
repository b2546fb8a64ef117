import * as z from 'zod/mini';
import { described } from '../../core/zod-setup.js';

// The survey file format (docs/surveys.md). Every question has an id (its column in exports), a
// type and the text asked; closed types say what answers are allowed, and the answer is checked
// against exactly that. Objects are loose so a file written for a newer version still loads: the
// loader warns about keys it does not know.

const questionId = described(
  z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/, 'a letter, then letters, digits, _ or -, at most 64')),
  'short id used as the column name in exports, e.g. "price"',
);
const questionText = described(
  z.string().check(z.trim(), z.minLength(1, 'the question needs its text'), z.maxLength(2000)),
  'the question asked',
);
const optionList = described(
  z.array(z.string().check(z.trim(), z.minLength(1, 'an option cannot be empty'), z.maxLength(200))).check(
    z.minLength(2, 'give at least 2 options'),
    z.maxLength(50, 'at most 50 options'),
    z.refine(
      (options) => new Set(options.map((o) => o.toLowerCase())).size === options.length,
      'options must be different from each other',
    ),
  ),
  'the answers to choose from',
);
const base = { id: questionId, text: questionText, description: described(z.optional(z.string()), 'context shown with the question') };

export const singleChoiceSchema = z.looseObject({ ...base, type: z.literal('single_choice'), options: optionList });

export const multipleChoiceSchema = z.looseObject({
  ...base,
  type: z.literal('multiple_choice'),
  options: optionList,
  minChoices: described(z.optional(z.number().check(z.int(), z.minimum(0))), 'fewest options to pick (default 1)'),
  maxChoices: described(z.optional(z.number().check(z.int(), z.minimum(1))), 'most options to pick (default: all)'),
});

export const scaleSchema = z.looseObject({
  ...base,
  type: z.literal('scale'),
  min: described(z.number().check(z.int()), 'lowest point, e.g. 1'),
  max: described(z.number().check(z.int()), 'highest point, e.g. 5 or 10'),
  labels: described(
    z.optional(z.record(z.string().check(z.regex(/^-?\d+$/, 'a point of the scale')), z.string())),
    'words for some points, e.g. {"1": "not at all", "5": "very"}',
  ),
});

export const numberSchema = z.looseObject({
  ...base,
  type: z.literal('number'),
  unit: described(
    z.string().check(z.trim(), z.minLength(1, 'say what the number counts, e.g. "USD per month"')),
    'e.g. "USD per month", "hours a week"',
  ),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: described(z.optional(z.boolean()), 'whole numbers only'),
});

export const yesNoSchema = z.looseObject({ ...base, type: z.literal('yes_no') });

export const freeTextSchema = z.looseObject({
  ...base,
  type: z.literal('free_text'),
  maxLength: described(
    z.optional(z.number().check(z.int(), z.minimum(10), z.maximum(5000))),
    'most characters in the answer (default 600)',
  ),
});

export const QUESTION_TYPES = ['single_choice', 'multiple_choice', 'scale', 'number', 'yes_no', 'free_text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const questionSchema = z.discriminatedUnion('type', [
  singleChoiceSchema,
  multipleChoiceSchema,
  scaleSchema,
  numberSchema,
  yesNoSchema,
  freeTextSchema,
]);

export const surveySchema = z.looseObject({
  title: described(z.string().check(z.trim(), z.minLength(1, 'give the survey a title'), z.maxLength(200)), 'shown in reports'),
  description: described(z.optional(z.string()), 'what the survey is about (for the reader of the report)'),
  context: described(z.optional(z.string().check(z.maxLength(4000))), 'what every respondent is told first, e.g. the product being priced'),
  questions: z
    .array(questionSchema)
    .check(z.minLength(1, 'a survey needs at least one question'), z.maxLength(200, 'at most 200 questions')),
});

export type Survey = z.output<typeof surveySchema>;
export type Question = Survey['questions'][number];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

/** Keys each object may have; anything else loads with a warning. */
export const KNOWN_KEYS: Record<QuestionType | 'survey', readonly string[]> = {
  survey: ['$schema', 'title', 'description', 'context', 'questions'],
  single_choice: ['id', 'type', 'text', 'description', 'options'],
  multiple_choice: ['id', 'type', 'text', 'description', 'options', 'minChoices', 'maxChoices'],
  scale: ['id', 'type', 'text', 'description', 'min', 'max', 'labels'],
  number: ['id', 'type', 'text', 'description', 'unit', 'min', 'max', 'integer'],
  yes_no: ['id', 'type', 'text', 'description'],
  free_text: ['id', 'type', 'text', 'description', 'maxLength'],
};

/** `persona survey --schema`: the JSON Schema of survey files, for editors. */
export function surveyJsonSchema(): unknown {
  return z.toJSONSchema(surveySchema, { io: 'input', unrepresentable: 'any' });
}
