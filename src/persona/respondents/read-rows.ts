import { parse } from 'csv-parse/sync';
import type { Issue } from '../../core/errors.js';

// Respondent files as survey tools export them: CSV with a header row (comma, semicolon or tab
// separated, with or without a byte-order mark) or JSON Lines with one object per line. A row
// that cannot be read is reported by its line number and the rest are still read.

export type Cell = string | number | boolean | null;

export interface RespondentRow {
  /** 1-based line number in the file, for the report. */
  line: number;
  cells: Record<string, Cell | unknown>;
}

export interface ReadRows {
  headers: string[];
  rows: RespondentRow[];
  /** Rows that could not be read at all. */
  issues: Issue[];
}

export function readRows(text: string, format: 'csv' | 'jsonl'): ReadRows {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return format === 'csv' ? readCsv(body) : readJsonLines(body);
}

function detectDelimiter(firstLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsv(text: string): ReadRows {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = detectDelimiter(firstLine);
  const skipped: Issue[] = [];
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    // A broken record (an unclosed quote, say) is reported and skipped; the rest are still read.
    on_skip: (error) => {
      if (error)
        skipped.push({ path: `line ${error.lines}`, message: error.message.replace(/^Invalid Record Length: |^Quote Not Closed: /, '') });
    },
    info: true,
  }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
  const [head, ...rest] = records;
  if (!head)
    return { headers: [], rows: [], issues: [{ path: '', message: 'the file is empty', hint: 'the first line names the columns' }] };
  const headers = head.record.map((h) => h.trim());
  const issues: Issue[] = [...skipped];
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    if (!h) issues.push({ path: `column ${i + 1}`, message: 'has no header', hint: 'name every column in the first line' });
    else if (seen.has(h))
      issues.push({ path: `column ${i + 1}`, message: `header "${h}" appears twice`, hint: 'give each column its own name' });
    seen.add(h);
  });
  if (issues.length > skipped.length) return { headers, rows: [], issues };
  const rows: RespondentRow[] = [];
  for (const { record, info } of rest) {
    if (record.length !== headers.length) {
      issues.push({ path: `line ${info.lines}`, message: `has ${record.length} cells; the header has ${headers.length}` });
      continue;
    }
    // A header such as "__proto__" must stay an ordinary key.
    const cells: Record<string, Cell> = Object.create(null) as Record<string, Cell>;
    headers.forEach((h, i) => (cells[h] = record[i]!));
    rows.push({ line: info.lines, cells });
  }
  return { headers, rows, issues };
}

function readJsonLines(text: string): ReadRows {
  const headers: string[] = [];
  const known = new Set<string>();
  const rows: RespondentRow[] = [];
  const issues: Issue[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    if (!lineText.trim()) return;
    const line = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (error) {
      issues.push({ path: `line ${line}`, message: `not valid JSON (${(error as Error).message})` });
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      issues.push({ path: `line ${line}`, message: 'expected one object per line' });
      return;
    }
    for (const key of Object.keys(value)) {
      if (!known.has(key)) {
        known.add(key);
        headers.push(key);
      }
    }
    rows.push({ line, cells: value as Record<string, unknown> });
  });
  return { headers, rows, issues };
}
