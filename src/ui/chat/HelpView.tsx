import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { ProseText } from '../ProseText.js';
import type { SlashCommand } from '../commands/types.js';
import { theme } from '../theme.js';

const KEYS: Array<[string, string]> = [
  ['Enter', 'send'],
  ['Ctrl-J or Alt-Enter', 'new line (pasted text keeps its line breaks)'],
  ['↑ / ↓', 'earlier messages (sent ones are kept across sessions)'],
  ['Tab', 'complete a command, persona id or format; in a message, indent'],
  ['Esc or Ctrl-C', 'stop the reply (the partial reply is kept, marked interrupted)'],
  ['Ctrl-C on a typed line', 'clear it (↑ brings it back)'],
  ['Ctrl-C twice or Ctrl-D', 'quit'],
  ['Ctrl-A / Ctrl-E, Alt-←/→', 'start / end of line, word left / right'],
  ['Ctrl-W / Ctrl-U / Ctrl-K', 'delete word / to line start / to line end'],
  ['Ctrl-L', 'clear the screen'],
  ['Ctrl-R (or /voice)', 'record a message by voice: Enter or Ctrl-R stops, Esc cancels; the transcript lands in the input'],
];

/**
 * A label column and a description that wraps within its own column, not back to the left edge.
 * A label too long for the column gets a line of its own, with the description below it.
 */
function Row({ label, labelWidth, children }: { label: string; labelWidth: number; children: ReactNode }) {
  const description = (
    <Box flexGrow={1} flexShrink={1}>
      <ProseText>{children}</ProseText>
    </Box>
  );
  if (label.length + 1 > labelWidth) {
    return (
      <Box flexDirection="column">
        <Text color={theme.user}>{label}</Text>
        <Box paddingLeft={labelWidth}>{description}</Box>
      </Box>
    );
  }
  return (
    <Box>
      <Box width={labelWidth} flexShrink={0}>
        <Text color={theme.user}>{label}</Text>
      </Box>
      {description}
    </Box>
  );
}

/** The label column: wide enough for the labels, but never more than ~40% of the terminal. */
function labelColumn(labels: readonly string[], width: number): number {
  const widest = Math.max(...labels.map((l) => l.length)) + 2;
  return Math.min(widest, Math.max(16, Math.floor(width * 0.4)));
}

export function HelpView({ commands, width }: { commands: readonly SlashCommand[]; width: number }) {
  const usage = commands.map((c) => `/${c.name}${c.args ? ` ${c.args}` : ''}`);
  const commandWidth = labelColumn(usage, width);
  const keyWidth = labelColumn(
    KEYS.map(([k]) => k),
    width,
  );
  return (
    <Box flexDirection="column" marginTop={1}>
      <Text bold>Commands</Text>
      {commands.map((c, i) => (
        <Row key={c.name} label={usage[i]!} labelWidth={commandWidth}>
          {c.description}
          {c.altNames?.length ? <Text color={theme.dim}> (also /{c.altNames.join(', /')})</Text> : null}
        </Row>
      ))}
      <Text bold>{'\n'}Keys</Text>
      {KEYS.map(([key, what]) => (
        <Row key={key} label={key} labelWidth={keyWidth}>
          {what}
        </Row>
      ))}
      <Text color={theme.dim}>{'\n'}Start a message with // to send one that begins with a slash.</Text>
    </Box>
  );
}
