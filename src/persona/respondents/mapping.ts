import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import type { Issue } from '../../core/errors.js';
import { headerKey, targetFor, targetForHeader, TARGETS, type Target } from './targets.js';

// Which column becomes which persona field. A mapping file (or --map flags) names columns
// explicitly; every column it does not name is matched on its header ("Age", "Job title") unless
// automatic matching is off; what matches nothing is kept as an extra field.

export const IGNORE = 'ignore';

export const mappingFileSchema = z.strictObject({
  columns: z.optional(z.record(z.string(), z.string())),
  autoMatch: z.optional(z.boolean()),
  extraFieldsKey: z.optional(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'letters, digits and _'))),
});
export type MappingFile = z.output<typeof mappingFileSchema>;

export interface ColumnPlan {
  header: string;
  /** The persona field, `ignore`, or undefined for an extra field. */
  target: Target | typeof IGNORE | undefined;
  how: 'mapped' | 'matched' | 'extra' | 'ignored';
}

export const EXTRA_FIELDS_KEY = 'respondentData';

/** Every explicit target must be a field we know (or `ignore`); names the accepted ones otherwise. */
export function checkExplicit(columns: Record<string, string>): Issue[] {
  const issues: Issue[] = [];
  for (const [header, target] of Object.entries(columns)) {
    if (target === IGNORE || targetFor(target)) continue;
    issues.push({
      path: `columns.${header}`,
      message: `"${target}" is not a field a column can fill`,
      hint: `use one of ${TARGETS.map((t) => t.path).join(', ')}, or "ignore"`,
    });
  }
  return issues;
}

/** Decides every header's field. Two columns may not fill the same field: the second is an error. */
export function planColumns(
  headers: string[],
  columns: Record<string, string>,
  autoMatch: boolean,
): { plan: ColumnPlan[]; issues: Issue[] } {
  const explicit = new Map(Object.entries(columns).map(([h, t]) => [headerKey(h), t]));
  const plan: ColumnPlan[] = [];
  const issues: Issue[] = [];
  const filled = new Map<string, string>();
  for (const header of headers) {
    const named = explicit.get(headerKey(header));
    let entry: ColumnPlan;
    if (named === IGNORE) entry = { header, target: IGNORE, how: 'ignored' };
    else if (named !== undefined) entry = { header, target: targetFor(named), how: 'mapped' };
    else {
      const matched = autoMatch ? targetForHeader(header) : undefined;
      // An automatic match never takes a field a named column already fills.
      const taken = matched && [...explicit.values()].includes(matched.path);
      entry = matched && !taken ? { header, target: matched, how: 'matched' } : { header, target: undefined, how: 'extra' };
    }
    if (entry.target && entry.target !== IGNORE) {
      const other = filled.get(entry.target.path);
      if (other !== undefined) {
        if (entry.how === 'matched') entry = { header, target: undefined, how: 'extra' };
        else issues.push({ path: `columns.${header}`, message: `fills ${entry.target.path}, which column "${other}" already fills` });
      } else filled.set(entry.target.path, header);
    }
    plan.push(entry);
  }
  for (const named of Object.keys(columns)) {
    if (!headers.some((header) => headerKey(header) === headerKey(named)))
      issues.push({ path: `columns.${named}`, message: 'no column has this header' });
  }
  return { plan, issues };
}

/** `--map "Job title=baseSelection.occupation"` flags, as a columns record. */
export function parseMapFlags(flags: string[]): { columns: Record<string, string>; issues: Issue[] } {
  const columns: Record<string, string> = {};
  const issues: Issue[] = [];
  for (const flag of flags) {
    const at = flag.lastIndexOf('=');
    if (at <= 0 || at === flag.length - 1) {
      issues.push({ path: '--map', message: `"${flag}" is not COLUMN=FIELD`, hint: 'e.g. --map "Job title=baseSelection.occupation"' });
      continue;
    }
    columns[flag.slice(0, at).trim()] = flag.slice(at + 1).trim();
  }
  return { columns, issues };
}
