import { Box, Text } from 'ink';
import type { Tokens } from 'marked';
import { plainInline } from './Inline.js';
import { COLUMN_GAP, layoutTable } from './table-layout.js';
import { theme } from '../theme.js';

/** A Markdown table fitted to `width` columns; cells wrap when it would not fit. */
export function Table({ token, width }: { token: Tokens.Table; width: number }) {
  const header = token.header.map((cell) => plainInline(cell.tokens));
  const rows = token.rows.map((row) => row.map((cell) => plainInline(cell.tokens)));
  const layout = layoutTable(header, rows, token.align, width);
  const rule = layout.widths.map((w) => '─'.repeat(w)).join('─┼─');
  return (
    <Box flexDirection="column">
      {layout.header.map((cells, i) => (
        <Text key={`h${i}`} bold wrap="truncate-end">
          {cells.join(COLUMN_GAP)}
        </Text>
      ))}
      <Text color={theme.dim} wrap="truncate-end">
        {rule}
      </Text>
      {layout.rows.flatMap((lines, r) =>
        lines.map((cells, i) => (
          <Text key={`r${r}-${i}`} wrap="truncate-end">
            {cells.join(COLUMN_GAP)}
          </Text>
        )),
      )}
    </Box>
  );
}
