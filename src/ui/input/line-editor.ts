// The text being typed, as an immutable value with pure edits, so the editor's behaviour is
// tested without a terminal. The cursor is an index into the string in UTF-16 units, always
// kept on a code-point boundary so an emoji is never cut in half. The text holds only what can be
// drawn in the prompt box: no control characters but line breaks, and no tabs (a terminal draws a
// tab as a jump of unknown width, which breaks the box's border), so tabs become spaces.

import { textWidth } from '../terminal-width/text-width.js';

/** Tabs expand to the next multiple of this many columns, like a terminal's tab stops (every 4, not 8: a prompt is narrow). */
export const TAB_WIDTH = 4;

export interface EditorState {
  text: string;
  cursor: number;
}

export const EMPTY_EDITOR: EditorState = { text: '', cursor: 0 };

export function editorWith(text: string): EditorState {
  return insertText(EMPTY_EDITOR, text);
}

/** Inserts at the cursor; tabs become spaces up to the next tab stop, other controls are dropped. */
export function insertText(state: EditorState, inserted: string): EditorState {
  const column = textWidth(state.text.slice(lineStart(state.text, state.cursor), state.cursor));
  const added = expandTabs(withoutControls(inserted), column);
  const text = state.text.slice(0, state.cursor) + added + state.text.slice(state.cursor);
  return { text, cursor: state.cursor + added.length };
}

/** Line breaks (CRLF and CR become LF) and tabs stay; every other control character goes. */
function withoutControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

/** Spaces to the next tab stop, counted in terminal columns from `column` (where the text starts on its line). */
function expandTabs(text: string, column: number): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let lineColumn = column;
  for (const part of text.split(/(\t|\n)/)) {
    if (part === '\n') {
      out += part;
      lineColumn = 0;
    } else if (part === '\t') {
      const spaces = TAB_WIDTH - (lineColumn % TAB_WIDTH);
      out += ' '.repeat(spaces);
      lineColumn += spaces;
    } else {
      out += part;
      lineColumn += textWidth(part);
    }
  }
  return out;
}

export function deleteBackward(state: EditorState): EditorState {
  if (state.cursor === 0) return state;
  const from = previousBoundary(state.text, state.cursor);
  return { text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
}

export function deleteForward(state: EditorState): EditorState {
  if (state.cursor >= state.text.length) return state;
  const to = nextBoundary(state.text, state.cursor);
  return { text: state.text.slice(0, state.cursor) + state.text.slice(to), cursor: state.cursor };
}

export function deleteWordBackward(state: EditorState): EditorState {
  const from = wordStartBefore(state.text, state.cursor);
  return { text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
}

/** Ctrl-U: deletes from the start of the current line to the cursor. */
export function deleteToLineStart(state: EditorState): EditorState {
  const from = lineStart(state.text, state.cursor);
  return { text: state.text.slice(0, from) + state.text.slice(state.cursor), cursor: from };
}

/** Ctrl-K: deletes from the cursor to the end of the current line. */
export function deleteToLineEnd(state: EditorState): EditorState {
  const to = lineEnd(state.text, state.cursor);
  return { text: state.text.slice(0, state.cursor) + state.text.slice(to), cursor: state.cursor };
}

export function moveLeft(state: EditorState): EditorState {
  return { ...state, cursor: previousBoundary(state.text, state.cursor) };
}

export function moveRight(state: EditorState): EditorState {
  return { ...state, cursor: nextBoundary(state.text, state.cursor) };
}

export function moveWordLeft(state: EditorState): EditorState {
  return { ...state, cursor: wordStartBefore(state.text, state.cursor) };
}

export function moveWordRight(state: EditorState): EditorState {
  const rest = state.text.slice(state.cursor);
  const match = /^\s*\S+/.exec(rest);
  return { ...state, cursor: state.cursor + (match ? match[0].length : rest.length) };
}

export function moveLineStart(state: EditorState): EditorState {
  return { ...state, cursor: lineStart(state.text, state.cursor) };
}

export function moveLineEnd(state: EditorState): EditorState {
  return { ...state, cursor: lineEnd(state.text, state.cursor) };
}

/** Up inside multi-line text; null when the cursor is already on the first line (history takes over). */
export function moveLineUp(state: EditorState): EditorState | null {
  const start = lineStart(state.text, state.cursor);
  if (start === 0) return null;
  const column = state.cursor - start;
  const previousStart = lineStart(state.text, start - 1);
  return { ...state, cursor: Math.min(previousStart + column, start - 1) };
}

/** Down inside multi-line text; null when the cursor is already on the last line. */
export function moveLineDown(state: EditorState): EditorState | null {
  const end = lineEnd(state.text, state.cursor);
  if (end >= state.text.length) return null;
  const column = state.cursor - lineStart(state.text, state.cursor);
  const nextStart = end + 1;
  return { ...state, cursor: Math.min(nextStart + column, lineEnd(state.text, nextStart)) };
}

function lineStart(text: string, cursor: number): number {
  return text.lastIndexOf('\n', cursor - 1) + 1;
}

function lineEnd(text: string, cursor: number): number {
  const end = text.indexOf('\n', cursor);
  return end === -1 ? text.length : end;
}

function wordStartBefore(text: string, cursor: number): number {
  const before = text.slice(0, cursor);
  const match = /\S+\s*$/.exec(before);
  return match ? match.index : 0;
}

function previousBoundary(text: string, cursor: number): number {
  if (cursor <= 0) return 0;
  const low = text.charCodeAt(cursor - 1);
  const isLowSurrogate = low >= 0xdc00 && low <= 0xdfff;
  return cursor - (isLowSurrogate && cursor >= 2 ? 2 : 1);
}

function nextBoundary(text: string, cursor: number): number {
  if (cursor >= text.length) return text.length;
  const code = text.codePointAt(cursor)!;
  return cursor + (code > 0xffff ? 2 : 1);
}
