import { Text } from 'ink';
import type { ReactNode } from 'react';
import type { Token, Tokens } from 'marked';
import { theme } from '../theme.js';

// Inline Markdown (emphasis, code, links) as nested Ink <Text>: styling comes from props only.

export function renderInline(tokens: readonly Token[] | undefined, keyPrefix = 'i'): ReactNode[] {
  return (tokens ?? []).map((token, index) => inlineToken(token, `${keyPrefix}${index}`));
}

function inlineToken(token: Token, key: string): ReactNode {
  switch (token.type) {
    case 'strong':
      return (
        <Text key={key} bold>
          {renderInline((token as Tokens.Strong).tokens, key)}
        </Text>
      );
    case 'em':
      return (
        <Text key={key} italic>
          {renderInline((token as Tokens.Em).tokens, key)}
        </Text>
      );
    case 'del':
      return (
        <Text key={key} strikethrough>
          {renderInline((token as Tokens.Del).tokens, key)}
        </Text>
      );
    case 'codespan':
      return (
        <Text key={key} color={theme.code}>
          {(token as Tokens.Codespan).text}
        </Text>
      );
    case 'link': {
      const link = token as Tokens.Link;
      const label = plainInline(link.tokens);
      // Shown as text plus the address: a hidden OSC 8 target is exactly what we refuse to emit.
      return (
        <Text key={key}>
          <Text color={theme.link} underline>
            {renderInline(link.tokens, key)}
          </Text>
          {label === link.href ? null : <Text color={theme.dim}> ({link.href})</Text>}
        </Text>
      );
    }
    case 'image': {
      const image = token as Tokens.Image;
      return (
        <Text key={key} color={theme.dim}>
          [image: {image.text || image.href}]
        </Text>
      );
    }
    case 'br':
      return <Text key={key}>{'\n'}</Text>;
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? <Text key={key}>{renderInline(text.tokens, key)}</Text> : <Text key={key}>{text.text}</Text>;
    }
    case 'escape':
    case 'html':
    default:
      return <Text key={key}>{'text' in token && typeof token.text === 'string' ? token.text : token.raw}</Text>;
  }
}

/** The visible text of inline tokens, for measuring (table cells, link labels). */
export function plainInline(tokens: readonly Token[] | undefined): string {
  return (tokens ?? [])
    .map((token) => {
      if ('tokens' in token && Array.isArray(token.tokens) && token.type !== 'codespan') return plainInline(token.tokens);
      if (token.type === 'br') return ' ';
      return 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
    })
    .join('');
}
