import type * as z from 'zod/mini';
import type { Issue } from '../core/errors.js';
import { slugify } from '../core/ids.js';
import { personaSchema, type PersonaData } from './schema.js';
import { parseUntrustedJson } from './json-input.js';
import { dropKnownNulls, unknownKeyWarnings } from './file-keys.js';

// Turns raw file text into validated persona data, collecting every problem with its JSON path
// and a fix, plus warnings for personas that would play flat.

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

function hintFor(issue: z.core.$ZodIssue, input: unknown): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return `add it: "${String(issue.path.at(-1))}": …`;
      return `expected ${issue.expected === 'array' ? 'a list' : issue.expected}, found ${describe(valueAt(input, issue.path))}`;
    case 'too_big':
      return `at most ${String(issue.maximum)}`;
    case 'too_small':
      return `at least ${String(issue.minimum)}`;
    case 'invalid_union':
      return 'see `persona personas schema` for the accepted shapes';
    case 'unrecognized_keys':
      return 'remove it; see `persona personas schema`';
    case 'invalid_value':
      return `one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    // The message alone says enough for these (a persona schema uses none of them today).
    case 'invalid_format':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      return undefined;
  }
}

export function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function messageFor(issue: z.core.$ZodIssue, input?: unknown): string {
  if (issue.code === 'invalid_type' && input !== undefined && valueAt(input, issue.path) === undefined) return 'missing';
  if (issue.code === 'invalid_type') return 'wrong type';
  if (issue.code === 'invalid_union') return 'not in an accepted shape';
  return issue.message;
}

export type ValidatedPersona =
  { ok: true; data: PersonaData; id: string; warnings: Issue[] } | { ok: false; issues: Issue[]; warnings: Issue[] };

export function validatePersonaText(text: string, byteLength: number, fileName: string): ValidatedPersona {
  const parsed = parseUntrustedJson(text, byteLength);
  if (!parsed.ok) return { ok: false, issues: parsed.issues, warnings: [] };
  const value = parsed.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      issues: [
        { path: '', message: `expected one persona object, found ${describe(value)}`, hint: 'one persona per file: { "name": ..., ... }' },
      ],
      warnings: parsed.warnings,
    };
  }
  // `null` on a known key means "not given"; unknown keys stay and are named in a warning.
  const input = dropKnownNulls(value as Record<string, unknown>);
  const result = personaSchema.safeParse(input);
  if (!result.success) {
    const issues = result.error.issues.map((i) => ({ path: formatPath(i.path), message: messageFor(i, input), hint: hintFor(i, input) }));
    return { ok: false, issues, warnings: parsed.warnings };
  }
  const data = result.data;
  const id = data.id ?? slugify(fileName.replace(/\.json$/i, ''));
  if (!id) {
    return {
      ok: false,
      issues: [{ path: 'id', message: 'no id, and the file name gives none', hint: 'add "id": "a-slug"' }],
      warnings: parsed.warnings,
    };
  }
  return { ok: true, data, id, warnings: [...parsed.warnings, ...unknownKeyWarnings(input), ...weaknesses(data)] };
}

/** A persona without these plays as a flat character; valid, but worth a warning. */
export function weaknesses(data: PersonaData): Issue[] {
  const out: Issue[] = [];
  const psy = data.psychographics;
  if (!psy || (!psy.personalityTraits && !psy.values?.length && !psy.interests?.length)) {
    out.push({ path: 'psychographics', message: 'missing: no traits, values or interests', hint: 'add them, or the persona plays flat' });
  }
  const ins = data.generatedInsights;
  if (!ins || (!ins.painPoints?.length && !ins.motivations?.length && !ins.objections?.length)) {
    out.push({
      path: 'generatedInsights',
      message: 'missing: no pain points, motivations or objections',
      hint: 'add them, or the persona has nothing to push back with',
    });
  }
  if (!data.customInputs?.background) {
    out.push({
      path: 'customInputs.background',
      message: 'missing background story',
      hint: 'a paragraph of who they are makes replies specific',
    });
  }
  return out;
}
