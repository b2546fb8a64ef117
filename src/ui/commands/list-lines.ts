import { fitWidth, padToWidth, textWidth } from '../terminal-width/text-width.js';
import type { CommandContext } from './types.js';

// Lines of the lists commands print (/sessions, /persona): columns that line up and one line per
// row, whatever the text in them. Every cell is already sanitized.

const DEFAULT_WIDTH = 80;
const NARROWEST = 40;

/** Columns a list line may use. */
export function listWidth(ctx: CommandContext): number {
  return Math.max(NARROWEST, ctx.width ?? DEFAULT_WIDTH);
}

/** A fixed two-column marker, so the current row's `*` never pushes its columns over. */
export function marker(current: boolean): string {
  return current ? '* ' : '  ';
}

/** The width of a column: its widest cell, at most `limit`. */
export function columnWidth(cells: readonly string[], limit: number): number {
  return Math.min(limit, Math.max(1, ...cells.map(textWidth)));
}

/** A cell cut to `width` (with …) and padded to exactly `width`. */
export function cell(text: string, width: number): string {
  return padToWidth(fitWidth(text, width), width);
}

/** Joins the fixed cells, then gives the last one whatever room is left, cut with … when too long. */
export function listLine(fixed: readonly string[], last: string, width: number): string {
  const head = fixed.join('  ');
  const room = width - textWidth(head) - 2;
  if (!last || room < 4) return fitWidth(head, width).trimEnd();
  return `${head}  ${fitWidth(last, room)}`;
}
