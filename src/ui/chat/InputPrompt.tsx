import { Box, Text } from 'ink';
import { useRawInput } from '../hooks/useRawInput.js';
import { useLineEditor, type LineEditorOptions } from '../input/useLineEditor.js';
import { theme } from '../theme.js';
import type { VoiceState } from '../voice/useVoiceInput.js';
import { VoiceMeter } from '../voice/VoiceMeter.js';
import { EditorView } from './EditorView.js';

interface Props extends LineEditorOptions {
  placeholder: string;
  /** A voice message being recorded or transcribed: the meter stands in for the editor meanwhile. */
  voice?: VoiceState;
}

/** The prompt box: editor (or the voice meter), completion candidates and a one-line hint. */
export function InputPrompt(props: Props) {
  const { editor, candidates, hint, feed } = useLineEditor(props);
  useRawInput(feed);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Box borderStyle="round" borderColor={props.voice && props.voice.phase !== 'idle' ? theme.error : props.busy ? theme.dim : theme.user} paddingX={1}>
        {props.voice && props.voice.phase !== 'idle' ? <VoiceMeter state={props.voice} /> : <EditorView editor={editor} placeholder={props.placeholder} focused />}
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
