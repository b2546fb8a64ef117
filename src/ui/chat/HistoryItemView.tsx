import { Box, Text } from 'ink';
import { memo } from 'react';
import { Markdown } from '../markdown/Markdown.js';
import { ProseText } from '../ProseText.js';
import { theme } from '../theme.js';
import { GroupHeader, Header } from './Header.js';
import type { PersonaView } from './persona-view.js';
import { HelpView } from './HelpView.js';
import type { HistoryItem } from './history-items.js';
import { PersonaName } from './PersonaName.js';

/**
 * One transcript item. Rendered once: items live in <Static>, whose children Ink does not fit to
 * the terminal, so every item is given the terminal's width here (or long lines would run past
 * the edge and be folded by the terminal instead of wrapped by Ink).
 */
export const HistoryItemView = memo(function HistoryItemView({ item, width }: { item: HistoryItem; width: number }) {
  return (
    <Box width={width} flexDirection="column">
      <ItemBody item={item} width={width} />
    </Box>
  );
});

function ItemBody({ item, width }: { item: HistoryItem; width: number }) {
  switch (item.kind) {
    case 'header':
      return <Header persona={item.persona} width={width} />;
    case 'group-header':
      return <GroupHeader personas={item.personas} width={width} />;
    case 'user':
      return <UserMessage text={item.text} to={item.to} />;
    case 'persona':
      return (
        <Box flexDirection="column" marginTop={item.showName ? 1 : item.continues ? 0 : 1}>
          {item.showName ? <PersonaName persona={item.persona} /> : null}
          <Box paddingLeft={2} width={width}>
            <Markdown text={item.text} width={width - 3} />
          </Box>
        </Box>
      );
    case 'notice':
      return (
        <Box paddingLeft={2}>
          <Text color={item.tone === 'warning' ? theme.warning : theme.dim}>{item.tone === 'warning' ? `⏸ ${item.text}` : item.text}</Text>
        </Box>
      );
    case 'info':
      return (
        <Box flexDirection="column" marginTop={1}>
          {item.lines.map((line, i) => (
            <Text key={i} color={i === 0 ? undefined : theme.dim}>
              {line}
            </Text>
          ))}
        </Box>
      );
    case 'error':
      return (
        <Box marginTop={1} flexDirection="column">
          <ProseText color={theme.error}>✗ {item.message}</ProseText>
          {item.hint ? (
            <Box paddingLeft={2}>
              <ProseText color={theme.dim}>{item.hint}</ProseText>
            </Box>
          ) : null}
        </Box>
      );
    case 'text':
      return (
        <Box flexDirection="column" marginTop={1} borderStyle="single" borderColor={theme.dim} paddingX={1}>
          <Text bold>{item.title}</Text>
          {item.markdown ? <Markdown text={item.text} width={width - 4} /> : <Text>{item.text}</Text>}
        </Box>
      );
    case 'help':
      return <HelpView commands={item.commands} width={width} />;
  }
}

function UserMessage({ text, to }: { text: string; to?: PersonaView }) {
  return (
    <Box
      marginTop={1}
      borderStyle="bold"
      borderTop={false}
      borderBottom={false}
      borderRight={false}
      borderColor={theme.user}
      paddingLeft={1}
    >
      <Text>
        {to ? (
          <Text color={theme.dim}>
            to <Text color={to.color}>{to.name}</Text>:{' '}
          </Text>
        ) : null}
        {text}
      </Text>
    </Box>
  );
}
