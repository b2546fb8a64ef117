import { Box, Text, useInput } from 'ink';
import { useRef, useState } from 'react';
import type { PersonaAnswers } from '../../persona/author.js';
import { sanitizeInline } from '../../core/sanitize.js';
import { theme } from '../theme.js';
import { answersFrom, WIZARD_STEPS } from './wizard-steps.js';

interface Props {
  base?: Record<string, unknown>;
  onDone: (answers: PersonaAnswers | null) => void;
}

/**
 * One question at a time. Enter accepts (empty skips an optional field), Up goes back a step,
 * Esc or Ctrl-C cancels without writing anything. The last screen asks to save.
 */
export function PersonaWizard({ base, onDone }: Props) {
  const [answers, setAnswers] = useState<PersonaAnswers>(() => answersFrom(base));
  const [index, setIndex] = useState(0);
  const step = WIZARD_STEPS[index];
  const [value, setValueState] = useState<string>(() => (step ? (answers[step.key] ?? '') : ''));
  // Keys typed faster than React re-renders (a paste, or Enter right after the text) must see the
  // latest value, not the one captured by the last render.
  const valueRef = useRef(value);
  const setValue = (next: string | ((v: string) => string)) => {
    valueRef.current = typeof next === 'function' ? next(valueRef.current) : next;
    setValueState(valueRef.current);
  };
  const [error, setError] = useState<string | undefined>();

  const goTo = (next: number, current: PersonaAnswers) => {
    setIndex(next);
    const s = WIZARD_STEPS[next];
    setValue(s ? (current[s.key] ?? '') : '');
    setError(undefined);
  };

  useInput((input, key) => {
    if (key.escape || (key.ctrl && input === 'c')) {
      onDone(null);
      return;
    }
    if (!step) {
      if (input === 'y' || input === 'Y' || key.return) onDone(answers);
      else if (input === 'n' || input === 'N') onDone(null);
      else if (key.upArrow) goTo(WIZARD_STEPS.length - 1, answers);
      return;
    }
    if (key.return) {
      const trimmed = valueRef.current.trim();
      if (step.required && !trimmed) return setError(`${step.label} is required`);
      const problem = step.validate?.(trimmed);
      if (problem) return setError(problem);
      const next = { ...answers, [step.key]: trimmed || undefined };
      setAnswers(next);
      goTo(index + 1, next);
      return;
    }
    if (key.upArrow && index > 0) return goTo(index - 1, answers);
    // Held Backspace arrives as several \x7f in one read.
    const deletions = key.backspace || key.delete ? 1 : /^[\x7f\b]+$/.test(input) ? input.length : 0;
    if (deletions > 0) return setValue((v) => [...v].slice(0, -deletions).join(''));
    if (input && !key.ctrl && !key.meta) setValue((v) => v + input.replace(/[\r\n]+/g, ' ').replace(/[\x00-\x1f\x7f-\x9f]/g, ''));
  });

  if (!step) {
    const filled = WIZARD_STEPS.filter((s) => answers[s.key]);
    return (
      <Box flexDirection="column">
        <Text bold>New persona: review</Text>
        {filled.map((s) => (
          <Text key={s.key}>
            <Text dimColor>{s.label.padEnd(12)}</Text> {sanitizeInline(answers[s.key] ?? '')}
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
        New persona · step {index + 1} of {WIZARD_STEPS.length} · Enter to accept{step.required ? '' : ' (empty skips)'} · ↑ back · Esc
        cancel
      </Text>
      <Text>
        <Text bold>{step.label}</Text> <Text dimColor>{step.help}</Text>
      </Text>
      <Text>
        <Text color={theme.user}>› </Text>
        {sanitizeInline(value)}
        <Text inverse> </Text>
      </Text>
      {error ? <Text color={theme.error}>{error}</Text> : null}
    </Box>
  );
}
