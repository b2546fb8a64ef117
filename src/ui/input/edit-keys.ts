import * as edit from './line-editor.js';

/** The keys that delete or move within a line, whatever field has the focus. */
export type EditingKind =
  | 'backspace'
  | 'delete'
  | 'delete-word'
  | 'kill-line-start'
  | 'kill-line-end'
  | 'left'
  | 'right'
  | 'word-left'
  | 'word-right'
  | 'home'
  | 'end';

const EDITS: Record<EditingKind, (state: edit.EditorState) => edit.EditorState> = {
  backspace: edit.deleteBackward,
  delete: edit.deleteForward,
  'delete-word': edit.deleteWordBackward,
  'kill-line-start': edit.deleteToLineStart,
  'kill-line-end': edit.deleteToLineEnd,
  left: edit.moveLeft,
  right: edit.moveRight,
  'word-left': edit.moveWordLeft,
  'word-right': edit.moveWordRight,
  home: edit.moveLineStart,
  end: edit.moveLineEnd,
};

/**
 * Applies a deleting or moving key. The chat prompt and the persona wizard share this, so Ctrl-U,
 * Ctrl-W, the arrows and the rest behave the same in both; each decides the other keys itself.
 */
export function applyEditingKey(state: edit.EditorState, kind: EditingKind): edit.EditorState {
  return EDITS[kind](state);
}

/** Lets a field hand every deleting or moving key to applyEditingKey before its own switch. */
export function isEditingKind(kind: string): kind is EditingKind {
  return Object.hasOwn(EDITS, kind);
}
