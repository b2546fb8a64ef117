import { Box, Text } from 'ink';
import { highlightLines } from './highlight.js';

interface Props {
  code: string;
  language?: string;
}

/**
 * A fenced code block: highlighted lines, indented. No label or border: a long block arrives in
 * several pieces (see reply-assembler.ts) and must read as one.
 */
export function CodeBlock({ code, language }: Props) {
  const lines = highlightLines(code.replace(/\n+$/, ''), language);
  return (
    <Box flexDirection="column" paddingLeft={2}>
      {lines.map((segments, i) => (
        <Text key={i}>
          {segments.length === 0
            ? ' '
            : segments.map((s, j) =>
                s.color ? (
                  <Text key={j} color={s.color}>
                    {s.text}
                  </Text>
                ) : (
                  <Text key={j}>{s.text}</Text>
                ),
              )}
        </Text>
      ))}
    </Box>
  );
}
