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

/** The top of a group chat: everyone taking part, and how to address one of them. */
export function GroupHeader({ personas, width }: { personas: PersonaView[]; width: number }) {
  return (
    <Box flexDirection="column" borderStyle="round" borderColor={theme.user} paddingX={1} marginTop={1} width={width}>
      <Text bold>Group chat · you moderate</Text>
      {personas.map((p) => (
        <ProseText key={p.id}>
          {p.emoji}{' '}
          <Text bold color={p.color}>
            {p.name}
          </Text>
          <Text color={theme.dim}>
            {' '}
            ({p.id}){p.role ? ` · ${p.role}` : ''}
          </Text>
        </ProseText>
      ))}
      <ProseText color={theme.dim}>{'Everyone answers each message in turn · /to <id> … asks one · /help'}</ProseText>
    </Box>
  );
}
