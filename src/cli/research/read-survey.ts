import { resolve } from 'node:path';
import { InputFileError, formatIssue } from '../../core/errors.js';
import { readInputFile } from '../../core/read-input-file.js';
import { parseSurveyText } from '../../research/survey/load-survey.js';
import type { Survey } from '../../research/survey/survey-schema.js';
import { sanitizeInline, warn } from '../output.js';

/** Reads and validates a survey file: InputFileError (exit 3) naming the field and the fix. */
export function readSurveyFile(file: string): Survey {
  const path = resolve(file);
  const bytes = readInputFile(path, 'survey');
  const parsed = parseSurveyText(bytes.toString('utf8'), bytes.length);
  if (!parsed.ok) throw new InputFileError(path, parsed.issues);
  for (const issue of parsed.warnings) warn(sanitizeInline(formatIssue(path, issue)));
  return parsed.survey;
}

/** A survey stored with a run, read back (a run outlives its file). */
export function surveyOfRun(spec: unknown, runId: string): Survey {
  const text = JSON.stringify(spec);
  const parsed = parseSurveyText(text, Buffer.byteLength(text));
  if (!parsed.ok) throw new InputFileError(`run ${runId}`, parsed.issues);
  return parsed.survey;
}
