// Ink turns each frame into text cell by cell: every row is as wide as the terminal, and for every
// cell @alcalzone/ansi-tokenize's `styledCharsToString` works out which ANSI codes change from the
// cell before (`diffAnsiCodes`, three Sets and four arrays a cell). A reopened chat's first frame
// is thousands of cells, nearly all of them with the same style as their neighbour (plain spaces
// and plain words): measured 50-60 ms of its first frame, a fifth of the gap to an Ink hello world.
//
// This is the same function with a shortcut: when a cell's codes are the very codes of the cell
// before, the diff is empty (each code of one is matched by the other), so nothing is computed.
// Every other cell goes through the library's own diff, so the text is the same byte for byte
// (test/ui/terminal-width/styled-chars-fast-path.test.ts). The build points Ink's import of the
// library here (scripts/build.mjs).
import { ansiCodesToString, diffAnsiCodes, type AnsiCode, type StyledChar } from '@alcalzone/ansi-tokenize';

export * from '@alcalzone/ansi-tokenize';
// Ink's other import from the library: its line-to-cells step, with a shortcut of its own.
export { tokenize } from './tokenize-fast-path.js';

function sameCodes(a: readonly AnsiCode[], b: readonly AnsiCode[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i]!.code !== b[i]!.code || a[i]!.endCode !== b[i]!.endCode) return false;
  }
  return true;
}

/** `styledCharsToString` of @alcalzone/ansi-tokenize, skipping the diff between cells styled alike. */
export function styledCharsToString(chars: readonly StyledChar[]): string {
  let text = '';
  let previous: AnsiCode[] = [];
  for (let i = 0; i < chars.length; i++) {
    const styles = chars[i]!.styles;
    if (i === 0) text += ansiCodesToString(styles);
    else if (!sameCodes(previous, styles)) text += ansiCodesToString(diffAnsiCodes(previous, styles));
    text += chars[i]!.value;
    previous = styles;
  }
  // The last cell closes what it opened (nothing, when it has no styles).
  if (chars.length > 0 && previous.length > 0) text += ansiCodesToString(diffAnsiCodes(previous, []));
  return text;
}
