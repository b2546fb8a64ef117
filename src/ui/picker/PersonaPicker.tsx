import { Box, Text } from 'ink';
import { useMemo, useState } from 'react';
import type { PersonaView } from '../chat/persona-view.js';
import { useRawInput } from '../hooks/useRawInput.js';
import { useTerminalSize } from '../hooks/useTerminalSize.js';
import { parseKeys } from '../input/keys.js';
import { fitWidth, padToWidth, textWidth } from '../terminal-width/text-width.js';
import { theme } from '../theme.js';
import { filterPersonas } from './filter-personas.js';

interface Props {
  personas: readonly PersonaView[];
  onPick(id: string): void;
  onCancel(): void;
}

/** Choose who to talk to: ↑/↓ move, typing filters, Enter picks, Esc quits. */
export function PersonaPicker({ personas, onPick, onCancel }: Props) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const { columns, rows } = useTerminalSize();
  const matches = useMemo(() => filterPersonas(personas, query), [personas, query]);
  const index = Math.min(selected, Math.max(0, matches.length - 1));

  useRawInput((sequence) => {
    for (const key of parseKeys(sequence)) handleKey(key);
  });

  function handleKey(key: ReturnType<typeof parseKeys>[number]) {
    switch (key.kind) {
      case 'up':
        return setSelected(Math.max(0, index - 1));
      case 'down':
        return setSelected(Math.min(matches.length - 1, index + 1));
      case 'submit': {
        const chosen = matches[index];
        if (chosen) onPick(chosen.id);
        return;
      }
      case 'escape':
      case 'interrupt':
      case 'eof':
        return onCancel();
      case 'backspace':
        setSelected(0);
        return setQuery((q) => [...q].slice(0, -1).join(''));
      case 'text':
        setSelected(0);
        return setQuery((q) => q + key.text.replace(/\s+/g, ' '));
      default:
        return;
    }
  }

  const visible = Math.max(3, rows - 6);
  const first = Math.min(Math.max(0, index - Math.floor(visible / 2)), Math.max(0, matches.length - visible));
  const shown = matches.slice(first, first + visible);
  const nameWidth = Math.min(28, Math.max(...personas.map((p) => textWidth(p.name)), 4));
  // The id is what `persona ask <id>` and `persona chat <id>` take: show it, so people learn it here.
  const idWidth = Math.min(24, Math.max(...personas.map((p) => textWidth(p.id)), 2));
  return (
    <Box flexDirection="column">
      <Text bold>Who do you want to talk to?</Text>
      <Text>
        <Text color={theme.user}>› </Text>
        {query}
        <Text inverse> </Text>
        {query ? null : <Text color={theme.dim}> type to filter · ↑/↓ choose · Enter start · Esc quit</Text>}
      </Text>
      {matches.length === 0 ? <Text color={theme.dim}>  no persona matches "{query}"</Text> : null}
      {shown.map((p, i) => {
        const active = first + i === index;
        return (
          <Text key={p.id} wrap="truncate-end">
            <Text color={theme.accent}>{active ? '❯ ' : '  '}</Text>
            {p.emoji} <Text bold={active} color={active ? p.color : undefined}>{padToWidth(fitWidth(p.name, nameWidth), nameWidth)}</Text>
            <Text color={theme.dim}>  {padToWidth(fitWidth(p.id, idWidth), idWidth)}  {fitWidth(p.summary, Math.max(10, columns - nameWidth - idWidth - 12))}</Text>
          </Text>
        );
      })}
      {matches.length > shown.length ? <Text color={theme.dim}>  {matches.length - shown.length} more…</Text> : null}
    </Box>
  );
}
