import { Box, Text } from 'ink';
import { useRef, useState } from 'react';
import type { PersonaAnswers } from '../../persona/author.js';
import { sanitizeInline } from '../../core/sanitize.js';
import { useRawInput } from '../hooks/useRawInput.js';
import { applyEditingKey, isEditingKind } from '../input/edit-keys.js';
import { EditorView } from '../chat/EditorView.js';
import { KeyReader } from '../input/key-reader.js';
import type { EditorKey } from '../input/keys.js';
import * as edit from '../input/line-editor.js';
import { theme } from '../theme.js';
import { answersFrom, changedAnswers, WIZARD_STEPS } from './wizard-steps.js';

interface Props {
  base?: Record<string, unknown>;
  onDone: (answers: PersonaAnswers | null) => void;
}

interface WizardState {
  index: number;
  answers: PersonaAnswers;
  field: edit.EditorState;
  error?: string;
}

/**
 * One question at a time. Enter accepts (empty skips an optional field), Up goes back a step,
 * Esc or Ctrl-C cancels without writing anything. The last screen asks to save. Keys are read the
 * way the chat prompt reads them (input/key-reader.ts), and edit the field as they edit the prompt.
 */
export function PersonaWizard({ base, onDone }: Props) {
  const [prefill] = useState(() => answersFrom(base));
  const [shown, setShown] = useState<WizardState>(() => at(0, prefill));
  // A ref, not only state: one read can hold text, Enter and the next answer (a paste, tmux
  // send-keys, a fast typist), all handled before React renders again.
  const current = useRef(shown);
  const [reader] = useState(() => new KeyReader());
  const finished = useRef(false);

  const set = (next: WizardState) => {
    current.current = next;
    setShown(next);
  };
  const finish = (answers: PersonaAnswers | null) => {
    if (finished.current) return;
    finished.current = true;
    onDone(answers && changedAnswers(answers, prefill));
  };

  const handle = (key: EditorKey) => {
    const state = current.current;
    if (key.kind === 'escape' || key.kind === 'interrupt') return finish(null);
    const step = WIZARD_STEPS[state.index];
    if (!step) {
      const reply = key.kind === 'text' ? key.text.trim().toLowerCase() : '';
      if (key.kind === 'submit' || reply === 'y' || reply === 'yes') finish(state.answers);
      else if (reply === 'n' || reply === 'no') finish(null);
      else if (key.kind === 'up') set(at(WIZARD_STEPS.length - 1, state.answers));
      return;
    }
    if (isEditingKind(key.kind)) return set({ ...state, field: applyEditingKey(state.field, key.kind) });
    switch (key.kind) {
      case 'submit': {
        const trimmed = state.field.text.trim();
        const problem = step.required && !trimmed ? `${step.label} is required` : step.validate?.(trimmed);
        if (problem) return set({ ...state, error: problem });
        const answers = { ...state.answers, [step.key]: trimmed || undefined };
        return set(at(state.index + 1, answers));
      }
      case 'up':
        if (state.index > 0) set(at(state.index - 1, state.answers));
        return;
      case 'paste':
      case 'newline':
        // Every answer is one line: a pasted line break (or Ctrl-J) becomes a space.
        return set({ ...state, field: edit.insertText(state.field, key.kind === 'paste' ? oneLine(key.text) : ' ') });
      case 'text':
        return set({ ...state, field: edit.insertText(state.field, key.text) });
      case 'tab':
        return set({ ...state, field: edit.insertText(state.field, ' ') });
      case 'eof':
        return set({ ...state, field: edit.deleteForward(state.field) });
      case 'down':
      case 'clear-screen':
      case 'voice':
      case 'paste-start':
      case 'paste-end':
      case 'ignored':
        return;
    }
  };

  useRawInput((sequence) => {
    for (const key of reader.read(sequence)) {
      if (finished.current) return;
      handle(key);
    }
  });

  const step = WIZARD_STEPS[shown.index];
  if (!step) {
    const filled = WIZARD_STEPS.filter((s) => shown.answers[s.key]);
    return (
      <Box flexDirection="column">
        <Text bold>New persona: review</Text>
        {filled.map((s) => (
          <Text key={s.key}>
            <Text dimColor>{s.label.padEnd(12)}</Text> {sanitizeInline(shown.answers[s.key] ?? '')}
          </Text>
        ))}
        <Text> </Text>
        <Text>
          Save it? <Text bold>y</Text>/n <Text dimColor>(↑ to go back, Esc to cancel)</Text>
        </Text>
      </Box>
    );
  }
  return (
    <Box flexDirection="column">
      <Text dimColor>
        New persona · step {shown.index + 1} of {WIZARD_STEPS.length} · Enter to accept{step.required ? '' : ' (empty skips)'} · ↑ back ·
        Esc cancel
      </Text>
      <Text>
        <Text bold>{step.label}</Text> <Text dimColor>{step.help}</Text>
      </Text>
      <EditorView editor={shown.field} placeholder="" focused />
      {shown.error ? <Text color={theme.error}>{shown.error}</Text> : null}
    </Box>
  );
}

/** The wizard on step `index` (past the last: the review), its field holding that step's answer. */
function at(index: number, answers: PersonaAnswers): WizardState {
  const step = WIZARD_STEPS[index];
  return { index, answers, field: edit.editorWith(oneLine(step ? (answers[step.key] ?? '') : '')) };
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' ');
}
