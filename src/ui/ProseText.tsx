import { Text, Transform, type TextProps } from 'ink';

// Ink wraps text with wrap-ansi's `trim: false` (so deliberate indentation survives). One side
// effect: when a line fills the width exactly, the space it broke at moves to the start of the
// next line, and that line is indented by one column. Prose never starts a wrapped line with a
// space, so for prose that space is dropped again (after any style codes that reopen the line).
const BROKEN_AT_SPACE = /^((?:\x1b\[[0-9;]*m)*) /;

export function dropBreakSpace(line: string, index: number): string {
  return index === 0 ? line : line.replace(BROKEN_AT_SPACE, '$1');
}

/** <Text> for prose: wrapped lines start flush with the first. */
export function ProseText(props: TextProps) {
  return (
    <Transform transform={dropBreakSpace}>
      <Text {...props} />
    </Transform>
  );
}
