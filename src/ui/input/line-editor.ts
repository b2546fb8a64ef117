// The text being typed, as an immutable value with pure edits, so the editor's behaviour is
// tested without a terminal. The cursor is an index into the string in UTF-16 units, always kept
// on a grapheme-cluster boundary (graphemes.ts): moves and deletes step over whole characters as
// a person sees them (👍🏽, 🇯🇵, e + U+0301), and an edit that makes the neighbours around the
// cursor join into one cluster moves the cursor to that cluster's edge. The text holds only what
// can be drawn in the prompt box: no control characters but line breaks, and no tabs (a terminal
// draws a tab as a jump of unknown width, which breaks the box's border), so tabs become spaces.

import { textWidth } from '../terminal-width/text-width.js';
import { nextBoundary, previousBoundary, snapToBoundary } from './graphemes.js';

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
  const added = expandTabs(withoutControls(inserted), () => textWidth(state.text.slice(lineStart(state.text, state.cursor), state.cursor)));
  const text = state.text.slice(0, state.cursor) + added + state.text.slice(state.cursor);
  // Typing a regional indicator before another (or a ZWJ before an emoji) makes one cluster of
  // the two: the cursor goes after it, so what was typed stays on its left.
  return { text, cursor: snapToBoundary(text, state.cursor + added.length, 'end') };
}

/** Line breaks (CRLF and CR become LF) and tabs stay; every other control character goes. */
function withoutControls(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, '');
}

/**
 * Spaces to the next tab stop, counted in terminal columns from `column()` (where the text starts
 * on its line). Measuring that is skipped when there is no tab, so typing stays fast in a long line.
 */
function expandTabs(text: string, column: () => number): string {
  if (!text.includes('\t')) return text;
  let out = '';
  let lineColumn = column();
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
  return deleteRange(state.text, previousBoundary(state.text, state.cursor), state.cursor);
}

export function deleteForward(state: EditorState): EditorState {
  if (state.cursor >= state.text.length) return state;
  return deleteRange(state.text, state.cursor, nextBoundary(state.text, state.cursor));
}

export function deleteWordBackward(state: EditorState): EditorState {
  return deleteRange(state.text, wordStartBefore(state.text, state.cursor), state.cursor);
}

/** Ctrl-U: deletes from the start of the current line to the cursor. */
export function deleteToLineStart(state: EditorState): EditorState {
  return deleteRange(state.text, lineStart(state.text, state.cursor), state.cursor);
}

/** Ctrl-K: deletes from the cursor to the end of the current line. */
export function deleteToLineEnd(state: EditorState): EditorState {
  return deleteRange(state.text, state.cursor, lineEnd(state.text, state.cursor));
}

/**
 * Removes [from, to) and puts the cursor there. Removing what stood between two pieces can join
 * them into one cluster (🇯 x 🇵 without the x is a flag): the cursor then goes to its start.
 */
function deleteRange(text: string, from: number, to: number): EditorState {
  const rest = text.slice(0, from) + text.slice(to);
  return { text: rest, cursor: snapToBoundary(rest, from, 'start') };
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
  const { text } = state;
  let at = state.cursor;
  while (at < text.length && isSpace(text, at)) at++;
  while (at < text.length && !isSpace(text, at)) at++;
  return { ...state, cursor: snapToBoundary(text, at, 'end') };
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
  return { ...state, cursor: snapToBoundary(state.text, Math.min(previousStart + column, start - 1), 'start') };
}

/** Down inside multi-line text; null when the cursor is already on the last line. */
export function moveLineDown(state: EditorState): EditorState | null {
  const end = lineEnd(state.text, state.cursor);
  if (end >= state.text.length) return null;
  const column = state.cursor - lineStart(state.text, state.cursor);
  const nextStart = end + 1;
  return { ...state, cursor: snapToBoundary(state.text, Math.min(nextStart + column, lineEnd(state.text, nextStart)), 'start') };
}

function lineStart(text: string, cursor: number): number {
  return text.lastIndexOf('\n', cursor - 1) + 1;
}

function lineEnd(text: string, cursor: number): number {
  const end = text.indexOf('\n', cursor);
  return end === -1 ? text.length : end;
}

/**
 * Where the word before the cursor starts (Ctrl-W, Alt-←): back over spaces, then over the word.
 * Scanned from the cursor rather than matched over everything before it, so it costs the length
 * of the word, not of the text.
 */
function wordStartBefore(text: string, cursor: number): number {
  let at = cursor;
  while (at > 0 && isSpace(text, at - 1)) at--;
  while (at > 0 && !isSpace(text, at - 1)) at--;
  // A combining mark right after a space belongs to the space's cluster: start the word before it.
  return snapToBoundary(text, at, 'start');
}

/** Whitespace is never a surrogate, so one UTF-16 unit tells; ASCII is checked without a regex, for speed in a long word. */
function isSpace(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return /\s/.test(text[index]!);
}
