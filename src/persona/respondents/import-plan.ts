import type { Issue } from '../../core/errors.js';
import { slugify } from '../../core/ids.js';
import { planColumns, type ColumnPlan } from './mapping.js';
import { readRows } from './read-rows.js';
import { rowToPersona } from './row-to-persona.js';

// A respondent file -> the personas it makes and the rows it can't, without touching disk, so the
// dry run, the JSON report and the real import all come from one plan.

export interface PlannedPersona {
  line: number;
  id: string;
  name: string;
  persona: Record<string, unknown>;
}

export interface FailedRow {
  line: number;
  issues: Issue[];
}

export interface ImportPlan {
  columns: ColumnPlan[];
  personas: PlannedPersona[];
  failed: FailedRow[];
  /** Problems with the file or mapping as a whole: nothing is imported when there are any. */
  fileIssues: Issue[];
}

export interface PlanOptions {
  format: 'csv' | 'jsonl';
  /** Used to name respondents whose row gives no id or name: `<prefix>-<row>`. */
  prefix: string;
  columns: Record<string, string>;
  autoMatch: boolean;
  extraFieldsKey: string;
  /** Ids already in use elsewhere (shipped personas, other files): derived ids step around them. */
  reservedIds: ReadonlySet<string>;
}

export function planImport(text: string, options: PlanOptions): ImportPlan {
  const read = readRows(text, options.format);
  const failed: FailedRow[] = read.issues
    .filter((i) => i.path.startsWith('line '))
    .map((i) => ({ line: Number(i.path.slice(5)), issues: [{ path: '', message: i.message }] }));
  const headerIssues = read.issues.filter((i) => !i.path.startsWith('line '));
  if (headerIssues.length > 0) return { columns: [], personas: [], failed, fileIssues: headerIssues };
  const { plan, issues } = planColumns(read.headers, options.columns, options.autoMatch);
  if (issues.length > 0) return { columns: plan, personas: [], failed, fileIssues: issues };
  if (!plan.some((c) => c.target && c.target !== 'ignore'))
    return {
      columns: plan,
      personas: [],
      failed,
      fileIssues: [
        {
          path: '',
          message: 'no column maps to a persona field',
          hint: 'name them with --mapping or --map "COLUMN=FIELD" (see `persona personas import --help`)',
        },
      ],
    };

  const used = new Set<string>();
  const personas: PlannedPersona[] = [];
  read.rows.forEach((row, index) => {
    const number = String(index + 1).padStart(String(read.rows.length).length, '0');
    const result = rowToPersona(row, plan, { extraFieldsKey: options.extraFieldsKey, defaultName: `Respondent ${number}` });
    if (!result.persona) {
      failed.push({ line: row.line, issues: result.issues });
      return;
    }
    const persona = result.persona;
    const explicit = typeof persona.id === 'string' ? persona.id : undefined;
    if (explicit !== undefined) {
      if (used.has(explicit) || options.reservedIds.has(explicit)) {
        const where = used.has(explicit) ? 'an earlier row' : 'another persona';
        failed.push({
          line: row.line,
          issues: [{ path: 'id', message: `"${explicit}" is already used by ${where}`, hint: 'ids must be unique' }],
        });
        return;
      }
      used.add(explicit);
    } else {
      const base = slugify(String(persona.name)) || `${options.prefix}-${number}`;
      persona.id = uniqueId(base.slice(0, 58), used, options.reservedIds);
    }
    personas.push({ line: row.line, id: persona.id as string, name: String(persona.name), persona: { id: persona.id, ...persona } });
  });
  failed.sort((a, b) => a.line - b.line);
  return { columns: plan, personas, failed, fileIssues: [] };
}

function uniqueId(base: string, used: Set<string>, reserved: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; used.has(id) || reserved.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
