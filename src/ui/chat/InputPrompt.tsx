import { Box, Text } from 'ink';
import { useRawInput } from '../hooks/useRawInput.js';
import { useLineEditor, type LineEditorOptions } from '../input/useLineEditor.js';
import { theme } from '../theme.js';
import type { VoiceState } from '../voice/useVoiceInput.js';
import { VoiceMeter } from '../voice/VoiceMeter.js';
import type { Suggestion } from '../commands/completion.js';
import { EditorView } from './EditorView.js';

/** At most this many suggestions show; the rest are counted. */
const SHOWN_SUGGESTIONS = 6;

function Suggestions({ items }: { items: Suggestion[] }) {
  const shown = items.slice(0, SHOWN_SUGGESTIONS);
  const width = Math.max(...shown.map((s) => s.usage.length)) + 2;
  return (
    <Box flexDirection="column" paddingX={1}>
      {shown.map((s) => (
        <Text key={s.usage} wrap="truncate-end">
          <Text color={theme.user}>{s.usage.padEnd(width)}</Text>
          <Text color={theme.dim}>{s.description}</Text>
        </Text>
      ))}
      <Text color={theme.dim}>{items.length > shown.length ? `… ${items.length - shown.length} more · ` : ''}Tab completes</Text>
    </Box>
  );
}

interface Props extends LineEditorOptions {
  placeholder: string;
  /** Commands the input so far could be, listed under the prompt as you type. */
  suggest?(text: string): Suggestion[];
  /** A voice message being recorded or transcribed: the meter stands in for the editor meanwhile. */
  voice?: VoiceState;
}

/** The prompt box: editor (or the voice meter), completion candidates and a one-line hint. */
export function InputPrompt(props: Props) {
  const { editor, candidates, hint, feed } = useLineEditor(props);
  useRawInput(feed);
  const suggestions = props.voice && props.voice.phase !== 'idle' ? [] : (props.suggest?.(editor.text) ?? []);
  return (
    <Box flexDirection="column" marginTop={1}>
      <Box
        borderStyle="round"
        borderColor={props.voice && props.voice.phase !== 'idle' ? theme.error : props.busy ? theme.dim : theme.user}
        paddingX={1}
      >
        {props.voice && props.voice.phase !== 'idle' ? (
          <VoiceMeter state={props.voice} />
        ) : (
          <EditorView editor={editor} placeholder={props.placeholder} focused />
        )}
      </Box>
      {suggestions.length > 0 ? <Suggestions items={suggestions} /> : null}
      {suggestions.length === 0 && candidates.length > 0 ? (
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
