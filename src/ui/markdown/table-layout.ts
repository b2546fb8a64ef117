import { textWidth, wrapLine } from '../terminal-width/text-width.js';

// Fits a Markdown table to the terminal: columns keep their natural width when everything fits;
// otherwise the widest columns give up space first and their cells wrap onto more lines, at
// spaces while every column still fits its longest word.

export type Align = 'left' | 'right' | 'center' | null;

export const COLUMN_GAP = ' │ ';
const MIN_COLUMN = 4;

export interface TableLayout {
  widths: number[];
  /** Each row as lines of padded cells, header first. */
  header: string[][];
  rows: string[][][];
}

export function layoutTable(header: string[], rows: string[][], align: Align[], width: number): TableLayout {
  const columns = header.length;
  const natural = header.map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i] ?? '')), 1));
  const available = Math.max(columns * MIN_COLUMN, width - textWidth(COLUMN_GAP) * (columns - 1));
  // The longest word of each column: shrinking a column below it breaks words mid-word, so
  // columns give up space down to their longest word first, and break words only when they must.
  const longestWord = header.map((h, i) =>
    Math.max(MIN_COLUMN, ...[h, ...rows.map((r) => r[i] ?? '')].flatMap((cell) => cell.split(/\s+/).map(textWidth))),
  );
  const widths = [...natural];
  const total = () => widths.reduce((a, b) => a + b, 0);
  const shrinkWidest = (floor: (i: number) => number): boolean => {
    let widest = -1;
    widths.forEach((w, i) => {
      if (w > floor(i) && (widest < 0 || w > widths[widest]!)) widest = i;
    });
    if (widest < 0) return false;
    widths[widest]!--;
    return true;
  };
  while (total() > available && shrinkWidest((i) => Math.min(longestWord[i]!, natural[i]!)));
  while (total() > available && shrinkWidest(() => MIN_COLUMN));
  const place = (cells: string[]) => padRow(cells, widths, align);
  return { widths, header: place(header), rows: rows.map(place) };
}

/** One table row: every cell wrapped to its column, then padded so the lines line up. */
function padRow(cells: string[], widths: number[], align: Align[]): string[][] {
  const wrapped = widths.map((w, i) => wrapLine(cells[i] ?? '', w));
  const height = Math.max(...wrapped.map((lines) => lines.length));
  const lines: string[][] = [];
  for (let line = 0; line < height; line++) {
    lines.push(widths.map((w, i) => pad(wrapped[i]![line] ?? '', w, align[i] ?? null)));
  }
  return lines;
}

function pad(text: string, width: number, align: Align): string {
  const room = Math.max(0, width - textWidth(text));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}
