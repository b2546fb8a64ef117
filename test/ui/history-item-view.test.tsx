import { Box } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { HistoryItemView } from '../../src/ui/chat/HistoryItemView.js';

const lines = (node: React.ReactElement) => (render(node).lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '').split('\n');

describe('transcript items', () => {
  it('shows an error with its hint indented under it, both wrapped within the width', () => {
    const out = lines(
      <Box width={44}>
        <HistoryItemView
          width={44}
          item={{
            id: 1,
            kind: 'error',
            message: 'cannot reach 127.0.0.1:9 (network error)',
            hint: 'check the base URL and the network; /retry to try again, or /provider offline to switch',
          }}
        />
      </Box>,
    ).filter((l) => l.trim() !== '');
    expect(out[0]).toBe('✗ cannot reach 127.0.0.1:9 (network error)');
    expect(out.length).toBeGreaterThan(2);
    for (const line of out.slice(1)) {
      expect(line.startsWith('  ') && !line.startsWith('   '), line).toBe(true);
      expect(line.trimEnd().length).toBeLessThanOrEqual(44);
    }
    expect(
      out
        .slice(1)
        .map((l) => l.trim())
        .join(' '),
    ).toBe('check the base URL and the network; /retry to try again, or /provider offline to switch');
  });
});
