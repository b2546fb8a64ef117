import type { Issue } from '../../core/errors.js';
import { slugify } from '../../core/ids.js';
import { personaSchema } from '../schema.js';
import { formatPath } from '../validate.js';
import { IGNORE, type ColumnPlan } from './mapping.js';
import type { RespondentRow } from './read-rows.js';
import { convertCell } from './targets.js';

// One respondent row -> one persona object, deterministically: the same row and mapping always
// give the same file. Empty cells are "not given"; every bad cell is named by column.

export interface RowPersona {
  line: number;
  /** The persona as it will be written, or undefined when the row has errors. */
  persona: Record<string, unknown> | undefined;
  issues: Issue[];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    if (next && typeof next === 'object') node = next as Record<string, unknown>;
    else node = node[key] = {};
  }
  node[keys[keys.length - 1]!] = value;
}

const isEmpty = (value: unknown) =>
  value === null ||
  value === undefined ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** CSV has no types: a cell that is plainly a number becomes one ("007" and "1e3" stay text). */
function typedCell(text: string): string | number {
  return /^-?(0|[1-9]\d{0,14})(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** A cell shown in the report: short, one line. */
export function cellPreview(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const line = text.replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 39)}…` : line;
}

export function rowToPersona(row: RespondentRow, plan: ColumnPlan[], options: { extraFieldsKey: string; defaultName: string }): RowPersona {
  const persona: Record<string, unknown> = {};
  const extras: Record<string, unknown> = {};
  const issues: Issue[] = [];
  for (const column of plan) {
    const raw = row.cells[column.header];
    if (column.target === IGNORE || isEmpty(raw)) continue;
    if (column.target === undefined) {
      // Kept as given: numbers stay numbers, text stays text, nested JSON values stay nested.
      extras[column.header] = typeof raw === 'string' ? typedCell(raw.trim()) : raw;
      continue;
    }
    const converted = convertCell(column.target.kind, raw);
    if (!converted.ok) {
      issues.push({ path: `column "${column.header}"`, message: `${converted.message} (found "${cellPreview(raw)}")` });
      continue;
    }
    if (isEmpty(converted.value)) continue;
    setPath(persona, column.target.path, converted.value);
  }
  if (persona.name === undefined) persona.name = options.defaultName;
  if (typeof persona.id === 'string') {
    const slug = slugify(persona.id);
    if (!slug) issues.push({ path: 'id', message: `"${cellPreview(persona.id)}" gives no usable id`, hint: 'ids use letters and digits' });
    persona.id = slug;
  }
  if (Object.keys(extras).length > 0) persona[options.extraFieldsKey] = extras;
  if (issues.length === 0) {
    // The same schema every command loads with: what is written here always loads.
    const result = personaSchema.safeParse(persona);
    if (!result.success) {
      for (const issue of result.error.issues) issues.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return { line: row.line, persona: issues.length === 0 ? persona : undefined, issues };
}
