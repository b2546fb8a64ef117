import type { AnswerValue } from '../../core/run-records.js';
import type { Question } from './survey-schema.js';

// What a valid answer to one question is: a JSON Schema the model is held to (strict-mode
// compatible: closed objects, every property required) and a check of the parsed reply that
// explains, in words a model can act on, what is wrong (the retry quotes it).

export const REASON_MAX_CHARS = 400;

export function answerJsonSchema(question: Question): Record<string, unknown> {
  return {
    type: 'object',
    properties: {
      answer: answerPart(question),
      reason: { type: 'string', description: 'one or two sentences, in your own words, saying why' },
    },
    required: ['answer', 'reason'],
    additionalProperties: false,
  };
}

function answerPart(question: Question): Record<string, unknown> {
  switch (question.type) {
    case 'single_choice':
      return { type: 'string', enum: question.options, description: 'exactly one of the options, copied as written' };
    case 'multiple_choice':
      return {
        type: 'array',
        items: { type: 'string', enum: question.options },
        description: `${choiceRange(question.minChoices ?? 1, question.maxChoices ?? question.options.length)} of the options, copied as written`,
      };
    case 'scale':
      return { type: 'integer', minimum: question.min, maximum: question.max, description: scaleWords(question) };
    case 'number':
      return {
        type: question.integer ? 'integer' : 'number',
        description: `a number in ${question.unit}${rangeWords(question.min, question.max)}`,
        ...(question.min !== undefined ? { minimum: question.min } : {}),
        ...(question.max !== undefined ? { maximum: question.max } : {}),
      };
    case 'yes_no':
      return { type: 'boolean', description: 'true for yes, false for no' };
    case 'free_text':
      return { type: 'string', description: `your answer, at most ${question.maxLength ?? 600} characters` };
  }
}

function choiceRange(min: number, max: number): string {
  return min === max ? `exactly ${min}` : `${min} to ${max}`;
}

function rangeWords(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` of at least ${min}`;
  if (max !== undefined) return ` of at most ${max}`;
  return '';
}

export function scaleWords(question: Extract<Question, { type: 'scale' }>): string {
  const labels = Object.entries(question.labels ?? {}).map(([point, label]) => `${point} = ${label}`);
  return `a whole number from ${question.min} to ${question.max}${labels.length ? ` (${labels.join(', ')})` : ''}`;
}

export type CheckedAnswer = { ok: true; answer: AnswerValue; reason: string } | { ok: false; problem: string };

/** Parses and checks a model's JSON text against the question. */
export function checkAnswerJson(question: Question, json: string): CheckedAnswer {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problem: 'the reply is not valid JSON' };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { ok: false, problem: 'the reply must be a JSON object' };
  const { answer, reason } = value as { answer?: unknown; reason?: unknown };
  if (typeof reason !== 'string' || !reason.trim()) return { ok: false, problem: '"reason" must be a non-empty string' };
  const checked = checkAnswer(question, answer);
  if (typeof checked === 'string') return { ok: false, problem: checked };
  return { ok: true, answer: checked.value, reason: clip(reason.trim(), REASON_MAX_CHARS) };
}

/** The answer value if it fits the question, else what is wrong with it. */
export function checkAnswer(question: Question, answer: unknown): { value: AnswerValue } | string {
  switch (question.type) {
    case 'single_choice': {
      const option = typeof answer === 'string' ? matchOption(question.options, answer) : undefined;
      return option !== undefined ? { value: option } : `"answer" must be one of ${JSON.stringify(question.options)}`;
    }
    case 'multiple_choice': {
      if (!Array.isArray(answer)) return '"answer" must be a list of options';
      const picked = answer.map((a) => (typeof a === 'string' ? matchOption(question.options, a) : undefined));
      if (picked.some((p) => p === undefined)) return `every choice must be one of ${JSON.stringify(question.options)}`;
      const unique = [...new Set(picked as string[])];
      const min = question.minChoices ?? 1;
      const max = question.maxChoices ?? question.options.length;
      if (unique.length < min || unique.length > max) return `pick ${choiceRange(min, max)} options`;
      // Stored in the survey's option order, so equal answers compare equal.
      return { value: question.options.filter((o) => unique.includes(o)) };
    }
    case 'scale':
      if (typeof answer !== 'number' || !Number.isInteger(answer))
        return `"answer" must be a whole number from ${question.min} to ${question.max}`;
      return answer >= question.min && answer <= question.max
        ? { value: answer }
        : `"answer" must be from ${question.min} to ${question.max}`;
    case 'number':
      if (typeof answer !== 'number' || !Number.isFinite(answer)) return `"answer" must be a number (in ${question.unit})`;
      if (question.integer && !Number.isInteger(answer)) return '"answer" must be a whole number';
      if ((question.min !== undefined && answer < question.min) || (question.max !== undefined && answer > question.max)) {
        return `"answer" must be${rangeWords(question.min, question.max)}`;
      }
      return { value: answer };
    case 'yes_no':
      if (typeof answer === 'boolean') return { value: answer };
      if (typeof answer === 'string' && /^(yes|no)$/i.test(answer.trim())) return { value: /^yes$/i.test(answer.trim()) };
      return '"answer" must be true (yes) or false (no)';
    case 'free_text':
      if (typeof answer !== 'string' || !answer.trim()) return '"answer" must be a non-empty string';
      return { value: clip(answer.trim(), question.maxLength ?? 600) };
  }
}

/** Case and surrounding spaces do not matter; the option is returned as the survey spells it. */
function matchOption(options: readonly string[], given: string): string | undefined {
  const wanted = given.trim().toLowerCase();
  return options.find((option) => option.toLowerCase() === wanted);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The answer as one line for tables and terminals. */
export function answerText(question: Question | undefined, answer: AnswerValue | null): string {
  if (answer === null) return '';
  if (Array.isArray(answer)) return answer.join('; ');
  if (typeof answer === 'boolean') return answer ? 'yes' : 'no';
  if (typeof answer === 'number' && question?.type === 'number') return `${answer} ${question.unit}`;
  return String(answer);
}
