import { Box, Text } from 'ink';
import type { SlashCommand } from '../commands/types.js';
import { theme } from '../theme.js';

const KEYS: Array<[string, string]> = [
  ['Enter', 'send'],
  ['Ctrl-J or Alt-Enter', 'new line (pasted text keeps its line breaks)'],
  ['↑ / ↓', 'earlier inputs (kept across sessions)'],
  ['Tab', 'complete a command, persona id or format'],
  ['Esc or Ctrl-C', 'stop the reply (the partial reply is kept, marked interrupted)'],
  ['Ctrl-C on a typed line', 'clear it (↑ brings it back)'],
  ['Ctrl-C twice or Ctrl-D', 'quit'],
  ['Ctrl-A / Ctrl-E, Alt-←/→', 'start / end of line, word left / right'],
  ['Ctrl-W / Ctrl-U / Ctrl-K', 'delete word / to line start / to line end'],
  ['Ctrl-L', 'clear the screen'],
  ['Ctrl-R (or /voice)', 'record a message by voice: Enter or Ctrl-R stops, Esc cancels; the transcript lands in the input'],
];

export function HelpView({ commands }: { commands: readonly SlashCommand[] }) {
  const usage = commands.map((c) => `/${c.name}${c.args ? ` ${c.args}` : ''}`);
  const width = Math.max(...usage.map((u) => u.length)) + 2;
  const keyWidth = Math.max(...KEYS.map(([k]) => k.length)) + 2;
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>Commands</Text>
      {commands.map((c, i) => (
        <Text key={c.name}>
          <Text color={theme.user}>{usage[i]!.padEnd(width)}</Text>
          {c.description}
          {c.altNames?.length ? <Text color={theme.dim}> (also /{c.altNames.join(', /')})</Text> : null}
        </Text>
      ))}
      <Text bold>{'\n'}Keys</Text>
      {KEYS.map(([key, what]) => (
        <Text key={key}>
          <Text color={theme.user}>{key.padEnd(keyWidth)}</Text>
          {what}
        </Text>
      ))}
      <Text color={theme.dim}>{'\n'}Start a message with // to send one that begins with a slash.</Text>
    </Box>
  );
}
