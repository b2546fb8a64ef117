import { Box, Text } from 'ink';
import type { EditorState } from '../input/line-editor.js';
import { theme } from '../theme.js';

interface Props {
  editor: EditorState;
  placeholder: string;
  /** Draw the cursor (hidden while a reply streams and input waits). */
  focused: boolean;
}

/** The text being typed, with a drawn cursor; continuation lines line up under the first. */
export function EditorView({ editor, placeholder, focused }: Props) {
  if (!editor.text) {
    return (
      <Text>
        <Text color={theme.user}>› </Text>
        {focused ? <Text inverse>{placeholder[0] ?? ' '}</Text> : null}
        <Text color={theme.dim}>{focused ? placeholder.slice(1) : placeholder}</Text>
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
        const under = line.slice(column, column + ((line.codePointAt(column) ?? 0) > 0xffff ? 2 : 1));
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
