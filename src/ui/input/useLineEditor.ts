import { useEffect, useRef, useState } from 'react';
import type { Completion } from '../commands/completion.js';
import type { HistoryNavigator } from './history-navigator.js';
import { KeyReader } from './key-reader.js';
import { applyEditingKey, isEditingKind } from './edit-keys.js';
import type { EditorKey } from './keys.js';
import * as edit from './line-editor.js';

export interface LineEditorOptions {
  busy: boolean;
  history: HistoryNavigator;
  onSubmit(text: string): void;
  onCancelReply(): void;
  onQuit(): void;
  onClearScreen(): void;
  /** Called with each sent input, to remember across sessions (cleared drafts are not). */
  onRemember(entry: string): void;
  complete(text: string): Completion;
  /** For tests: the clock deciding whether two Ctrl-C presses count as a double press. */
  now?: () => number;
  /** Ctrl-R: start a voice recording. */
  onVoice?(): void;
  /** While a recording (or its transcription) runs, the keys drive it instead of the editor. */
  voiceKeys?: VoiceKeys;
  /** Text to insert at the cursor (a transcript); each new object is inserted once. */
  draft?: { text: string };
  /** The text was emptied without being sent (Ctrl-C, Ctrl-U, deleting it all). */
  onEmptied?(): void;
}

export interface VoiceKeys {
  /** Enter or Ctrl-R: end the recording and transcribe it. */
  stop(): void;
  /** Esc or Ctrl-C: throw the recording away (or abandon its transcription). */
  cancel(): void;
}

export interface LineEditor {
  editor: edit.EditorState;
  /** Completion candidates to show under the prompt. */
  candidates: string[];
  /** A one-line hint under the prompt ("Press Ctrl-C again to quit"). */
  hint: string | undefined;
  /** Feeds one raw read from the terminal: any number of keys, or part of a paste. */
  feed(sequence: string): void;
}

/** Two Ctrl-C presses on an empty prompt this close together quit; the hint shows for as long. */
export const DOUBLE_PRESS_MS = 2000;

const QUIT_HINT = 'Press Ctrl-C again to quit';
const BUSY_HINT = 'a reply is streaming: Esc stops it, then Enter sends';

/**
 * The prompt's behaviour: editing, history, completion, paste, and the keys that stop a reply or
 * quit. Nothing typed is lost: Ctrl-C on a typed line sets it aside for this session (↑ restores it).
 */
export function useLineEditor(options: LineEditorOptions): LineEditor {
  const [editor, setEditor] = useState<edit.EditorState>(edit.EMPTY_EDITOR);
  const [candidates, setCandidates] = useState<string[]>([]);
  const [hint, setHint] = useState<string | undefined>();
  // Refs, not state: several keys can arrive in one read, before React re-renders.
  const current = useRef(editor);
  const [reader] = useState(() => new KeyReader());
  const lastInterrupt = useRef(Number.NEGATIVE_INFINITY);
  const quitHintTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // A message sent earlier in the same burst of keys: `busy` only turns true on the next render,
  // and until then a second Enter must not send again, and Esc / Ctrl-C must stop that reply.
  const sentBeforeRender = useRef(false);
  // Esc or Ctrl-C has stopped the reply, which may still be winding down (`busy` stays true until
  // the partial reply is saved). Until it has, Ctrl-C acts as it does at rest, so a second press
  // does the same whether it comes in the same read or after the reply is gone.
  const replyStopped = useRef(false);
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    sentBeforeRender.current = false; // rendered: `busy` is up to date again
    if (options.busy) return;
    replyStopped.current = false;
    setHint((shown) => (shown === BUSY_HINT ? undefined : shown));
  });
  useEffect(() => () => clearTimeout(quitHintTimer.current), []);
  const busy = () => latest.current.busy || sentBeforeRender.current;

  const update = (next: edit.EditorState, sending = false) => {
    const had = current.current.text;
    current.current = next;
    setEditor(next);
    if (had && !next.text && !sending) latest.current.onEmptied?.();
  };

  useEffect(() => {
    if (!options.draft) return;
    const state = current.current;
    const glue = state.text && !/\s$/.test(state.text.slice(0, state.cursor)) ? ' ' : '';
    update(edit.insertText(state, glue + options.draft.text));
    // Only a new draft inserts; the editor's own edits must not re-insert it.
  }, [options.draft]);

  const submit = (text: string) => {
    const o = latest.current;
    if (!text.trim()) return;
    if (busy()) {
      setHint(BUSY_HINT);
      return;
    }
    if (o.history.add(text)) o.onRemember(text);
    update(edit.EMPTY_EDITOR, true);
    sentBeforeRender.current = true;
    replyStopped.current = false;
    o.onSubmit(text);
  };

  const handle = (key: EditorKey) => {
    const o = latest.current;
    const state = current.current;
    if (key.kind !== 'tab') setCandidates([]);
    if (key.kind !== 'interrupt' && key.kind !== 'ignored') disarmQuit();
    if (isEditingKind(key.kind)) return update(applyEditingKey(state, key.kind));
    switch (key.kind) {
      case 'text':
      case 'paste':
        o.history.reset();
        return update(edit.insertText(state, key.text));
      case 'submit':
        return submit(state.text);
      case 'newline':
        return update(edit.insertText(state, '\n'));
      case 'up': {
        const moved = edit.moveLineUp(state);
        if (moved) return update(moved);
        const older = o.history.older(state.text);
        if (older !== undefined) update(edit.editorWith(older));
        return;
      }
      case 'down': {
        const moved = edit.moveLineDown(state);
        if (moved) return update(moved);
        const newer = o.history.newer();
        if (newer !== undefined) update(edit.editorWith(newer));
        return;
      }
      case 'tab': {
        // Tab completes a slash command; in a message it indents, as it would in a text editor.
        if (!state.text.startsWith('/')) return update(edit.insertText(state, '\t'));
        const completion = o.complete(state.text);
        if (completion.text !== state.text) update(edit.editorWith(completion.text));
        setCandidates(completion.candidates);
        return;
      }
      case 'escape':
        if (busy()) stopReply();
        return;
      case 'interrupt':
        return interrupt(state);
      case 'eof':
        if (!state.text) return o.onQuit();
        return update(edit.deleteForward(state));
      case 'clear-screen':
        return o.onClearScreen();
      case 'voice':
        return o.onVoice?.();
      case 'paste-start':
      case 'paste-end':
      case 'ignored':
        return;
    }
  };

  /**
   * Ctrl-C, as in gemini-cli: it stops a streaming reply, clears a typed line, and on an empty
   * prompt asks for a second press within DOUBLE_PRESS_MS to quit. The press that stops a reply
   * counts as that first press when the prompt is empty, so Ctrl-C Ctrl-C mid-reply stops it and
   * quits, the way a user mashing Ctrl-C to get out expects. Presses in one read and presses a
   * moment apart do the same: a reply already stopped is not stopped again even while it winds
   * down (`busy` still true), and the quit is decided by the clock and the prompt alone.
   */
  const interrupt = (state: edit.EditorState) => {
    const o = latest.current;
    const now = (o.now ?? Date.now)();
    if (!state.text && now - lastInterrupt.current < DOUBLE_PRESS_MS) return o.onQuit();
    if (busy() && !replyStopped.current) {
      stopReply();
      // A typed line is left alone (it is the next message); the next press clears it, as at rest.
      if (!state.text) armQuit(now);
      return;
    }
    if (state.text) {
      // Set aside for this session, not thrown away; only sent messages are saved for later ones.
      o.history.setAside(state.text);
      update(edit.EMPTY_EDITOR);
      setHint('input cleared (↑ brings it back)');
      return;
    }
    armQuit(now);
  };

  const stopReply = () => {
    replyStopped.current = true;
    latest.current.onCancelReply();
  };

  const armQuit = (now: number) => {
    lastInterrupt.current = now;
    setHint(QUIT_HINT);
    // The hint promises a quit only while a second press would give one.
    clearTimeout(quitHintTimer.current);
    quitHintTimer.current = setTimeout(() => setHint((shown) => (shown === QUIT_HINT ? undefined : shown)), DOUBLE_PRESS_MS);
  };

  /** Any other key takes the quit hint away, and with it the quit it promised. */
  const disarmQuit = () => {
    lastInterrupt.current = Number.NEGATIVE_INFINITY;
    setHint(undefined);
  };

  const voiceKey = (key: EditorKey, voice: VoiceKeys) => {
    if (key.kind === 'submit' || key.kind === 'voice') voice.stop();
    else if (key.kind === 'escape' || key.kind === 'interrupt') voice.cancel();
    // Anything else would edit text the user cannot see while the meter stands in for it.
  };

  const feed = (sequence: string) => {
    const voice = latest.current.voiceKeys;
    for (const key of reader.read(sequence)) {
      if (voice) voiceKey(key, voice);
      else handle(key);
    }
  };

  return { editor, candidates, hint, feed };
}
