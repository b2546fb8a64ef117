import { Box, Text } from 'ink';
import { ProseText } from '../ProseText.js';
import type { PersonaView } from './persona-view.js';
import { theme } from '../theme.js';

/** The top of a session: who you are talking to. */
export function Header({ persona, width }: { persona: PersonaView; width: number }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={persona.color} paddingX={1} marginTop={1} width={width}>
      <ProseText>
        {persona.emoji}{' '}
        <Text bold color={persona.color}>
          {persona.name}
        </Text>
        {persona.role ? <Text color={theme.dim}> · {persona.role}</Text> : null}
      </ProseText>
      <ProseText color={theme.dim}>Type a message and press Enter · /help for commands and keys</ProseText>
    </Box>
  );
}
