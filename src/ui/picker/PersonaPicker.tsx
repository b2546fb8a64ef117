import { Box, Text } from 'ink';
import { useMemo, useRef, useState } from 'react';
import type { PersonaView } from '../chat/persona-view.js';
import { useRawInput } from '../hooks/useRawInput.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { parseKeys } from '../input/keys.js';
import { fitWidth, padToWidth, textWidth } from '../terminal-width/text-width.js';
import { theme } from '../theme.js';
import { filterPersonas } from './filter-personas.js';
import { INITIAL_PICKER_STATE, stepPicker, type PickerState } from './picker-state.js';
import { scrollWindow } from './scroll-window.js';

interface Props {
  personas: readonly PersonaView[];
  onPick(id: string): void;
  onCancel(): void;
}

/** Choose who to talk to: ↑/↓ move, typing filters, Enter picks, Esc clears the filter or quits. */
export function PersonaPicker({ personas, onPick, onCancel }: Props) {
  const [state, setState] = useState<PickerState>(INITIAL_PICKER_STATE);
  // The state as the keys handled so far left it: several keys can arrive before React re-renders,
  // and each must start from where the one before it ended, not from the last render.
  const latest = useRef(state);
  const { columns, rows } = useTerminalSize();
  const matches = useMemo(() => filterPersonas(personas, state.query), [personas, state.query]);

  useRawInput((sequence) => {
    for (const key of parseKeys(sequence)) {
      const step = stepPicker(latest.current, key, (query) => filterPersonas(personas, query).length);
      latest.current = step.state;
      setState(step.state);
      if (step.outcome === 'cancel') return onCancel();
      if (step.outcome === 'pick') {
        const chosen = filterPersonas(personas, step.state.query)[step.state.selected];
        if (chosen) return onPick(chosen.id);
      }
    }
  });

  const { query } = state;
  const index = Math.min(state.selected, Math.max(0, matches.length - 1));
  const { first, shown, above, below } = scrollWindow(matches, index, Math.max(3, rows - 7));
  // The id is what `persona ask <id>` and `persona chat <id>` take: show it, so people learn it
  // here. On a narrow terminal it keeps its room first; the name gets what is left.
  const ROW_FURNITURE = 9; // marker, emoji and the gaps between columns
  const SUMMARY_ROOM = 10;
  const MIN_NAME = 6;
  const idWidth = Math.min(24, Math.max(...personas.map((p) => textWidth(p.id)), 2), Math.max(8, columns - ROW_FURNITURE - MIN_NAME));
  const nameWidth = Math.min(
    28,
    Math.max(...personas.map((p) => textWidth(p.name)), 4),
    Math.max(MIN_NAME, columns - ROW_FURNITURE - idWidth - SUMMARY_ROOM),
  );
  return (
    <Box flexDirection="column">
      <Text bold>Who do you want to talk to?</Text>
      <Text>
        <Text color={theme.user}>› </Text>
        {query}
        <Text inverse> </Text>
        <Text color={theme.dim}>{query ? '  Esc clears' : ' type to filter · ↑/↓ choose · Enter start · Esc quit'}</Text>
      </Text>
      {matches.length === 0 ? <Text color={theme.dim}> no persona matches "{query}"</Text> : null}
      {above > 0 ? <Text color={theme.dim}> ↑ {above} more</Text> : null}
      {shown.map((p, i) => {
        const active = first + i === index;
        return (
          <Text key={p.id} wrap="truncate-end">
            <Text color={theme.accent}>{active ? '❯ ' : '  '}</Text>
            {p.emoji}{' '}
            <Text bold={active} color={active ? p.color : undefined}>
              {padToWidth(fitWidth(p.name, nameWidth), nameWidth)}
            </Text>
            <Text color={theme.dim}>
              {' '}
              {padToWidth(fitWidth(p.id, idWidth), idWidth)} {fitWidth(p.summary, Math.max(10, columns - nameWidth - idWidth - 12))}
            </Text>
          </Text>
        );
      })}
      {below > 0 ? <Text color={theme.dim}> ↓ {below} more</Text> : null}
    </Box>
  );
}
