import { Box, Text } from 'ink';
import { useRawInput } from '../hooks/useRawInput.js';
import { useLineEditor, type LineEditorOptions } from '../input/useLineEditor.js';
import { theme } from '../theme.js';
import { EditorView } from './EditorView.js';

interface Props extends LineEditorOptions {
  placeholder: string;
}

/** The prompt box: editor, completion candidates and a one-line hint. */
export function InputPrompt(props: Props) {
  const { editor, candidates, hint, feed } = useLineEditor(props);
  useRawInput(feed);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Box borderStyle="round" borderColor={props.busy ? theme.dim : theme.user} paddingX={1}>
        <EditorView editor={editor} placeholder={props.placeholder} focused />
      </Box>
      {candidates.length > 0 ? (
        <Box paddingX={1}>
          <Text color={theme.dim} wrap="wrap">
            {candidates.join('  ')}
          </Text>
        </Box>
      ) : null}
      {hint ? (
        <Box paddingX={1}>
          <Text color={theme.warning}>{hint}</Text>
        </Box>
      ) : null}
    </Box>
  );
}
