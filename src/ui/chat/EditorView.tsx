import { Box, Text } from 'ink';
import { nextBoundary } from '../input/graphemes.js';
import type { EditorState } from '../input/line-editor.js';
import { theme } from '../theme.js';

interface Props {
  editor: EditorState;
  placeholder: string;
  /** Draw the cursor (hidden while a reply streams and input waits). */
  focused: boolean;
}

/**
 * The text being typed, with a drawn cursor; continuation lines line up under the first. The
 * cursor covers the whole character under it (a flag, an emoji with its skin tone, a letter with
 * its accent): inverting part of a cluster would split it on screen.
 */
export function EditorView({ editor, placeholder, focused }: Props) {
  if (!editor.text) {
    const first = placeholder.slice(0, nextBoundary(placeholder, 0));
    return (
      <Text>
        <Text color={theme.user}>› </Text>
        {focused ? <Text inverse>{first || ' '}</Text> : null}
        <Text color={theme.dim}>{focused ? placeholder.slice(first.length) : placeholder}</Text>
      </Text>
    );
  }
  const lines = editor.text.split('\n');
  let offset = 0;
  return (
    <Box flexDirection="column">
      {lines.map((line, i) => {
        const start = offset;
        offset += line.length + 1;
        const prefix = <Text color={theme.user}>{i === 0 ? '› ' : '  '}</Text>;
        const hasCursor = focused && editor.cursor >= start && editor.cursor <= start + line.length;
        if (!hasCursor) {
          return (
            <Text key={i}>
              {prefix}
              {line || ' '}
            </Text>
          );
        }
        const column = editor.cursor - start;
        // A line break always ends a cluster, so the line's clusters are the text's.
        const under = line.slice(column, nextBoundary(line, column));
        return (
          <Text key={i}>
            {prefix}
            {line.slice(0, column)}
            <Text inverse>{under || ' '}</Text>
            {line.slice(column + under.length)}
          </Text>
        );
      })}
    </Box>
  );
}
