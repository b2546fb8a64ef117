import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputFileError, formatIssue } from '../../core/errors.js';
import { parseSurveyText } from '../../research/survey/load-survey.js';
import type { Survey } from '../../research/survey/survey-schema.js';
import { sanitizeInline, warn } from '../output.js';

const MAX_BYTES = 1024 * 1024;

/** Reads and validates a survey file: InputFileError (exit 3) naming the field and the fix. */
export function readSurveyFile(file: string): Survey {
  const path = resolve(file);
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_BYTES)
      throw new InputFileError(path, [
        { path: '', message: 'file is over 1 MB', hint: 'a survey file is a few KB: is this the right file?' },
      ]);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a folder'
            : (error as Error).message;
    throw new InputFileError(path, [{ path: '', message }]);
  }
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
