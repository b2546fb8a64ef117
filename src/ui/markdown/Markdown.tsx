import { Box, Text } from 'ink';
import type { Token, Tokens } from 'marked';
import { memo, type ReactNode } from 'react';
import { sanitizeText } from '../../core/sanitize.js';
import { CodeBlock } from './CodeBlock.js';
import { lexMarkdown } from './lexer.js';
import { renderInline } from './Inline.js';
import { ProseText } from '../ProseText.js';
import { Table } from './Table.js';
import { theme } from '../theme.js';

// Finished Markdown (a whole reply, or a finished paragraph of one) as Ink elements. Parsed once
// per render of a finished piece; the live, still-growing text is shown plain instead.

interface Props {
  text: string;
  /** Columns available, for tables and rules. */
  width: number;
}

export const Markdown = memo(function Markdown({ text, width }: Props) {
  const tokens = lexMarkdown(sanitizeText(text));
  return <Blocks tokens={tokens} width={width} />;
});

/**
 * Blocks separated the way the text separates them: a blank line where the source has one (a
 * `space` token), none where a list or code block follows its lead-in line directly. The live
 * reply shows the raw text, so this keeps a finished reply from jumping when it turns into Markdown.
 */
function Blocks({ tokens, width }: { tokens: readonly Token[]; width: number }) {
  const blocks: Array<{ token: Token; gap: boolean }> = [];
  let gap = false;
  for (const token of tokens) {
    if (token.type === 'space') {
      gap = true;
      continue;
    }
    blocks.push({ token, gap: blocks.length > 0 && (gap || /\n\n$/.test(blocks.at(-1)!.token.raw)) });
    gap = false;
  }
  return (
    <Box flexDirection="column">
      {blocks.map(({ token, gap }, i) => (
        <Box key={i} marginTop={gap ? 1 : 0} flexDirection="column">
          {block(token, width)}
        </Box>
      ))}
    </Box>
  );
}

function block(token: Token, width: number): ReactNode {
  switch (token.type) {
    case 'heading': {
      const heading = token as Tokens.Heading;
      return (
        <ProseText bold color={theme.heading} underline={heading.depth === 1}>
          {renderInline(heading.tokens)}
        </ProseText>
      );
    }
    case 'paragraph':
      return <ProseText>{renderInline((token as Tokens.Paragraph).tokens)}</ProseText>;
    case 'text': {
      const text = token as Tokens.Text;
      return <ProseText>{text.tokens ? renderInline(text.tokens) : text.text}</ProseText>;
    }
    case 'code': {
      const code = token as Tokens.Code;
      return <CodeBlock code={code.text} language={code.lang || undefined} />;
    }
    case 'list':
      return <List token={token as Tokens.List} width={width} />;
    case 'blockquote':
      return (
        <Box borderStyle="single" borderTop={false} borderBottom={false} borderRight={false} borderColor={theme.dim} paddingLeft={1}>
          <Blocks tokens={(token as Tokens.Blockquote).tokens} width={width - 2} />
        </Box>
      );
    case 'table':
      return <Table token={token as Tokens.Table} width={width} />;
    case 'hr':
      return <Text color={theme.dim}>{'─'.repeat(Math.max(3, Math.min(width, 80)))}</Text>;
    default:
      return <Text>{token.raw.replace(/\n+$/, '')}</Text>;
  }
}

function List({ token, width }: { token: Tokens.List; width: number }) {
  const start = typeof token.start === 'number' ? token.start : 1;
  const markers = token.items.map((item, i) => {
    if (item.task) return item.checked ? '☑' : '☐';
    return token.ordered ? `${start + i}.` : '•';
  });
  const markerWidth = Math.max(...markers.map((m) => m.length)) + 1;
  return (
    <Box flexDirection="column">
      {token.items.map((item, i) => (
        <Box key={i} flexDirection="row" marginTop={token.loose && i > 0 ? 1 : 0}>
          <Box width={markerWidth} flexShrink={0}>
            <Text color={theme.accent}>{markers[i]}</Text>
          </Box>
          <Box flexDirection="column" flexGrow={1}>
            <ListItemBody tokens={item.tokens.filter((t) => t.type !== 'checkbox')} width={width - markerWidth} />
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** A list item's content: its text and any nested lists, tight (no blank lines between). */
function ListItemBody({ tokens, width }: { tokens: readonly Token[]; width: number }) {
  const blocks = tokens.filter((t) => t.type !== 'space');
  return (
    <>
      {blocks.map((t, i) => (
        <Box key={i} flexDirection="column">
          {block(t, width)}
        </Box>
      ))}
    </>
  );
}
