import type { EditorKey } from '../input/keys.js';

export interface PickerState {
  query: string;
  /** Row of the highlighted persona among those matching `query`. */
  selected: number;
}

export const INITIAL_PICKER_STATE: PickerState = { query: '', selected: 0 };

export interface PickerStep {
  state: PickerState;
  /** What the key asks of the picker beyond changing its state. */
  outcome?: 'pick' | 'cancel';
}

/**
 * One key's effect on the picker. Pure, and taking the state the previous key left, so a read that
 * holds several keys (Down Down Down from key repeat or tmux) applies every one of them before
 * React re-renders. `countMatches` says how many personas match a query.
 */
export function stepPicker(state: PickerState, key: EditorKey, countMatches: (query: string) => number): PickerStep {
  switch (key.kind) {
    case 'up':
      return { state: { ...state, selected: Math.max(0, state.selected - 1) } };
    case 'down':
      return { state: { ...state, selected: Math.max(0, Math.min(countMatches(state.query) - 1, state.selected + 1)) } };
    case 'submit':
      return { state, outcome: 'pick' };
    // Esc first takes back a filter (a typo, or "no persona matches"); on an empty filter it quits.
    case 'escape':
      return state.query ? { state: INITIAL_PICKER_STATE } : { state, outcome: 'cancel' };
    case 'interrupt':
    case 'eof':
      return { state, outcome: 'cancel' };
    case 'backspace':
      return { state: { query: [...state.query].slice(0, -1).join(''), selected: 0 } };
    case 'text':
    case 'paste':
      return { state: { query: state.query + key.text.replace(/\s+/g, ' '), selected: 0 } };
    // The filter is one short word typed forwards: editing keys, voice and paste markers do nothing here.
    case 'left':
    case 'right':
    case 'word-left':
    case 'word-right':
    case 'home':
    case 'end':
    case 'delete':
    case 'delete-word':
    case 'kill-line-start':
    case 'kill-line-end':
    case 'clear-screen':
    case 'newline':
    case 'tab':
    case 'voice':
    case 'paste-start':
    case 'paste-end':
    case 'ignored':
      return { state };
  }
}
