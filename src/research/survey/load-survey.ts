import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import type { Issue } from '../../core/errors.js';
import { parseUntrustedJson } from '../../persona/json-input.js';
import { formatPath, valueAt } from '../../persona/validate.js';
import { KNOWN_KEYS, QUESTION_TYPES, surveySchema, type Question, type Survey } from './survey-schema.js';

// Survey file text -> a validated Survey, or every problem with its path and a fix. Pure: the
// CLI reads the file. Checks the schema cannot express (ranges, unique ids) come after it.

export type ParsedSurvey = { ok: true; survey: Survey; warnings: Issue[] } | { ok: false; issues: Issue[] };

export function parseSurveyText(text: string, byteLength: number): ParsedSurvey {
  const parsed = parseUntrustedJson(text, byteLength);
  if (!parsed.ok) return parsed;
  const result = z.safeParse(surveySchema, parsed.value);
  if (!result.success) return { ok: false, issues: result.error.issues.map((issue) => issueFor(issue, parsed.value)) };
  const issues = crossFieldIssues(result.data);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, survey: result.data, warnings: [...parsed.warnings, ...unknownKeyWarnings(parsed.value as Record<string, unknown>)] };
}

function issueFor(issue: z.core.$ZodIssue, input: unknown): Issue {
  const path = formatPath(issue.path);
  const last = issue.path.at(-1);
  if (last === 'type' || issue.code === 'invalid_union') {
    return { path, message: 'unknown question type', hint: `use one of: ${QUESTION_TYPES.join(', ')}` };
  }
  if (issue.code === 'invalid_type' && valueAt(input, issue.path) === undefined) {
    return { path, message: 'missing', hint: `add "${String(last)}" (see persona survey --schema)` };
  }
  if (issue.code === 'invalid_type') return { path, message: `expected ${issue.expected === 'array' ? 'a list' : issue.expected}` };
  return { path, message: issue.message };
}

function crossFieldIssues(survey: Survey): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  survey.questions.forEach((question, i) => {
    const at = (field: string) => `questions[${i}].${field}`;
    if (seen.has(question.id))
      issues.push({ path: at('id'), message: `"${question.id}" is used twice`, hint: 'give every question its own id' });
    seen.add(question.id);
    issues.push(...rangeIssues(question, at));
  });
  return issues;
}

function rangeIssues(question: Question, at: (field: string) => string): Issue[] {
  switch (question.type) {
    case 'scale': {
      if (question.max <= question.min) return [{ path: at('max'), message: `must be above min (${question.min})` }];
      if (question.max - question.min > 100) return [{ path: at('max'), message: 'a scale has at most 101 points' }];
      const outside = Object.keys(question.labels ?? {}).find((point) => Number(point) < question.min || Number(point) > question.max);
      return outside ? [{ path: at(`labels.${outside}`), message: `is outside the scale ${question.min}-${question.max}` }] : [];
    }
    case 'number':
      return question.min !== undefined && question.max !== undefined && question.max < question.min
        ? [{ path: at('max'), message: `must not be below min (${question.min})` }]
        : [];
    case 'multiple_choice': {
      const most = question.maxChoices ?? question.options.length;
      if (most > question.options.length) return [{ path: at('maxChoices'), message: `there are only ${question.options.length} options` }];
      if ((question.minChoices ?? 1) > most) return [{ path: at('minChoices'), message: `must not be above maxChoices (${most})` }];
      return [];
    }
    case 'single_choice':
    case 'yes_no':
    case 'free_text':
      return [];
  }
}

function unknownKeyWarnings(value: Record<string, unknown>): Issue[] {
  const warnings: Issue[] = [];
  const unknown = (object: Record<string, unknown>, known: readonly string[], at: string) => {
    for (const key of Object.keys(object)) {
      if (!known.includes(key))
        warnings.push({ path: at ? `${at}.${key}` : key, message: 'unknown key, ignored', hint: 'see persona survey --schema' });
    }
  };
  unknown(value, KNOWN_KEYS.survey, '');
  const questions = value.questions as Array<Record<string, unknown>>;
  questions.forEach((question, i) => unknown(question, KNOWN_KEYS[question.type as Question['type']], `questions[${i}]`));
  return warnings;
}
