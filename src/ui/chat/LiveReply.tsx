import { Box } from 'ink';
import { ProseText } from '../ProseText.js';
import { useThrottledStore } from '../hooks/useThrottledStore.js';
import { Spinner } from '../Spinner.js';
import type { LiveReplyStore } from './live-reply-store.js';
import { PersonaName } from './PersonaName.js';

/**
 * The reply being written: a spinner until the first token, then the unfinished tail as plain
 * text. Its own component with its own throttled subscription, so a token re-renders only this.
 */
export function LiveReply({ store, width }: { store: LiveReplyStore; width: number }) {
  const reply = useThrottledStore(store);
  if (reply.phase === 'idle' || !reply.persona) return null;
  const firstName = reply.persona.name.split(' ')[0] ?? reply.persona.name;
  return (
    <Box flexDirection="column" marginTop={reply.showName ? 1 : 0}>
      {reply.showName ? <PersonaName persona={reply.persona} /> : null}
      {reply.text ? (
        <Box paddingLeft={2} width={width}>
          <ProseText>{reply.text.replace(/\s+$/, '')}</ProseText>
        </Box>
      ) : null}
      {reply.phase === 'waiting' ? (
        <Box paddingLeft={2}>
          <Spinner label={`${firstName} is thinking… (Esc to stop)`} />
        </Box>
      ) : null}
    </Box>
  );
}
