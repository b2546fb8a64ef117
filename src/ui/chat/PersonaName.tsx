import { Text } from 'ink';
import type { PersonaView } from './persona-view.js';

/** "🧮 Dana Whitfield" in the persona's colour: the label above each reply. */
export function PersonaName({ persona }: { persona: PersonaView }) {
  return (
    <Text>
      {persona.emoji}{' '}
      <Text bold color={persona.color}>
        {persona.name}
      </Text>
    </Text>
  );
}
