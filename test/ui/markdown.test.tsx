import chalk from 'chalk';
import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadHighlighter } from '../../src/ui/markdown/highlight.js';
import { loadMarkdownParser } from '../../src/ui/markdown/lexer.js';
import { Markdown } from '../../src/ui/markdown/Markdown.js';
import { layoutTable } from '../../src/ui/markdown/table-layout.js';
import { textWidth } from '../../src/ui/terminal-width/text-width.js';

// Styling must come from Ink props: with colour on, the frame carries SGR codes Ink made; the
// assertions check the Markdown syntax is gone and the right styles are present.
const BOLD = '\x1b[1m';
const ITALIC = '\x1b[3m';
const MAGENTA = '\x1b[35m';
const GREEN = '\x1b[32m';

let level: typeof chalk.level;
beforeAll(async () => {
  level = chalk.level;
  chalk.level = 1;
  await Promise.all([loadHighlighter(), loadMarkdownParser()]);
});
afterAll(() => {
  chalk.level = level;
});

const frame = (text: string, width = 60) => render(<Markdown text={text} width={width} />).lastFrame() ?? '';
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('Markdown', () => {
  it('renders emphasis with styles instead of asterisks', () => {
    const out = frame('Some **bold** and *soft* words');
    expect(plain(out)).toBe('Some bold and soft words');
    expect(out).toContain(`${BOLD}bold`);
    expect(out).toContain(`${ITALIC}soft`);
  });

  it('starts every wrapped line flush, even after a line that fills the width exactly', () => {
    // "I spend most of it chasing receipts from" is exactly 40 columns: Ink's wrap would start the
    // next line with the space it broke at.
    const text =
      "Honestly, the **close takes nine days** and I spend most of it *chasing* receipts from the sales team, which is a waste of my controller's time.";
    const out = render(
      <Box width={40}>
        <Markdown text={text} width={40} />
      </Box>,
    ).lastFrame();
    const lines = plain(out ?? '').split('\n');
    expect(lines[1]).toBe('I spend most of it chasing receipts from');
    expect(lines[2]).toBe('the sales team, which is a waste of my');
    for (const line of lines) expect(line).not.toMatch(/^ /);
  });

  it('puts a blank line between blocks only where the text has one, as the live reply showed it', () => {
    expect(plain(frame('Let me set this out clearly:\n1. first\n2. second')).split('\n')).toEqual([
      'Let me set this out clearly:',
      '1. first',
      '2. second',
    ]);
    expect(plain(frame('Para one.\n\nPara two.')).split('\n')).toEqual(['Para one.', '', 'Para two.']);
    expect(plain(frame('- a\n- b\n\nAfter the list.')).split('\n')).toEqual(['• a', '• b', '', 'After the list.']);
    expect(plain(frame('# Title\n\nBody')).split('\n')).toEqual(['Title', '', 'Body']);
  });

  it('renders bullet and numbered lists, nested lists indented', () => {
    const out = plain(frame('- apples\n- pears\n  1. green\n  2. red'));
    expect(out.split('\n')).toEqual(['• apples', '• pears', '  1. green', '  2. red']);
  });

  it('highlights a code block by language, without the fences', () => {
    const out = frame('```js\nconst greeting = "hi";\n```');
    expect(plain(out)).toBe('  const greeting = "hi";');
    expect(out).toContain(`${MAGENTA}const`);
    expect(out).toContain(`${GREEN}"hi"`);
  });

  it('shows a link with its address, never as a hidden terminal hyperlink', () => {
    const out = frame('see [the docs](https://example.com/docs)');
    expect(plain(out)).toBe('see the docs (https://example.com/docs)');
    expect(out).not.toContain('\x1b]8;');
  });

  it('lays a table out in aligned columns', () => {
    const out = plain(frame('| plan | price |\n|---|--:|\n| Basic | $5 |\n| Enterprise | $120 |'));
    expect(out.split('\n')).toEqual(['plan       │ price', '───────────┼──────', 'Basic      │    $5', 'Enterprise │  $120']);
  });

  it('strips escape sequences hidden in the text before rendering it', () => {
    const out = frame('safe \x1b]52;c;ZXZpbA==\x07text and \x1b[2J more');
    expect(plain(out)).toBe('safe text and  more');
    expect(out).not.toContain('\x1b]');
    expect(out).not.toContain('\x1b[2J');
  });
});

describe('table layout', () => {
  it('shrinks the widest column and wraps its cells when the table is wider than the terminal', () => {
    const layout = layoutTable(
      ['name', 'notes'],
      [['Ada', 'a very long note that cannot possibly fit in the room we have']],
      [null, null],
      30,
    );
    expect(layout.widths.reduce((a, b) => a + b, 0) + 3).toBeLessThanOrEqual(30);
    const lines = layout.rows[0]!.map((cells) => cells.join(' │ '));
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line)).toBeLessThanOrEqual(30);
    expect(lines.map((l) => l.slice(l.indexOf('│') + 2).trim()).join(' ')).toBe(
      'a very long note that cannot possibly fit in the room we have',
    );
  });

  it('takes room from columns with spare width before breaking any word', () => {
    // At 40 columns the naive way (shrink the widest) cut "reconciliation" while "Monthly cost"
    // kept room to spare.
    const layout = layoutTable(
      ['Option', 'Monthly cost', 'Payback'],
      [
        ['Automation (reconciliation)', '$1,200', '4 months'],
        ['Extra hire', '$7,500', 'never'],
      ],
      [null, 'right', null],
      40,
    );
    const cells = [layout.header, ...layout.rows]
      .flat()
      .flat()
      .map((c) => c.trim());
    for (const word of ['(reconciliation)', 'Automation', 'Monthly', 'Payback', 'months'])
      expect(
        cells.some((c) => c.split(' ').includes(word)),
        word,
      ).toBe(true);
    expect(layout.widths.reduce((a, b) => a + b, 0) + 6).toBeLessThanOrEqual(40);
  });
});
