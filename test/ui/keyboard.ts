import { vi } from 'vitest';

/** Keys as a terminal sends them, for ink-testing-library's stdin. */
export const KEY = {
  enter: '\r',
  ctrlJ: '\n',
  altEnter: '\x1b\r',
  up: '\x1b[A',
  down: '\x1b[B',
  left: '\x1b[D',
  home: '\x01',
  backspace: '\x7f',
  tab: '\t',
  escape: '\x1b',
  ctrlC: '\x03',
  ctrlD: '\x04',
  pasteStart: '\x1b[200~',
  pasteEnd: '\x1b[201~',
};

export const tick = (ms = 15) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `check` passes (the screen shows what it should, a callback was called), polling every
 * few milliseconds: a loaded machine takes longer to render a frame than any fixed sleep assumes.
 */
export const eventually = (check: () => void, timeoutMs = 5000): Promise<void> => vi.waitFor(check, { timeout: timeoutMs, interval: 5 });

/** Writes each sequence as its own read, waiting for Ink to handle it. */
export async function press(stdin: { write(data: string): void }, ...sequences: string[]): Promise<void> {
  for (const sequence of sequences) {
    stdin.write(sequence);
    await tick();
  }
}
