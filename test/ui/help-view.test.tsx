import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { HelpView } from '../../src/ui/chat/HelpView.js';
import { SLASH_COMMANDS } from '../../src/ui/commands/registry.js';

const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');

describe('/help', () => {
  it('wraps each description inside its own column on a narrow terminal', () => {
    const out = render(
      <Box width={60}>
        <HelpView commands={SLASH_COMMANDS} width={60} />
      </Box>,
    ).lastFrame();
    const lines = plain(out ?? '').split('\n');
    const commandColumn = lines.find((l) => l.startsWith('/retry'))!.search(/ [a-z]/) + 1;
    // A usage too long for the column (at most 40% of the width) puts its description below it.
    expect(commandColumn).toBeLessThanOrEqual(24);
    const provider = lines.findIndex((l) => l.startsWith('/provider'));
    expect(lines[provider]!.trim()).toBe('/provider <offline|openai|anthropic> [model]');
    expect(lines[provider + 1]!.slice(0, commandColumn).trim()).toBe('');
    expect(lines[provider + 1]!.trim().startsWith('answer with')).toBe(true);
    const commandLines = lines.slice(lines.indexOf('Commands') + 1, lines.indexOf('Keys') - 1);
    // Some description is long enough to wrap at 60 columns, and every continuation line stays
    // indented to the description column.
    const continuations = commandLines.filter((l) => !l.startsWith('/'));
    expect(continuations.length).toBeGreaterThan(0);
    for (const line of continuations) expect(line.slice(0, commandColumn).trim(), line).toBe('');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(60);
    // The keys table wraps the same way: the voice line is the longest.
    const voice = lines.findIndex((l) => l.startsWith('Ctrl-R (or /voice)'));
    expect(lines[voice + 1]!.startsWith(' '.repeat(10))).toBe(true);
  });
});
