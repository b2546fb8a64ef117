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

/** What ink-testing-library's render() returns, as far as these helpers need it. */
export interface RenderedView {
  stdin: { write(data: string): void; listenerCount(event: string): number };
  frames: string[];
  lastFrame(): string | undefined;
}

// Taken before any test fakes timers: React's scheduler and Ink's Esc flush run on the real one.
const realSetImmediate = globalThis.setImmediate;
/** One turn of the event loop: everything already queued for its check phase has run. */
const turn = () => new Promise<void>((resolve) => realSetImmediate(resolve));

const plain = (frame: string | undefined) => (frame ?? '').replace(/\x1b\[[0-9;]*m/g, '');

/**
 * Waits until `check` passes (the screen shows what it should, a callback was called), polling every
 * few milliseconds: a loaded machine takes longer to render a frame than any fixed sleep assumes.
 * With `view`, a failure shows the last screen under the failed check.
 */
export async function eventually(check: () => void, view?: Pick<RenderedView, 'lastFrame'>, timeoutMs = 5000): Promise<void> {
  try {
    await vi.waitFor(check, { timeout: timeoutMs, interval: 5 });
  } catch (error) {
    if (!view) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n(waited ${timeoutMs} ms) the screen:\n${plain(view.lastFrame())}`, { cause: error });
  }
}

/**
 * Lets Ink and React finish what the last input set off. Ink parses a read at once but holds a lone
 * Esc until the next turn of the event loop (it might start a sequence); React renders, then runs
 * effects, each on a later turn. So this waits turns, not time, until three in a row add no frame: on a
 * slow machine it takes longer, it never gives up early. Work the app does on its own (a reply that
 * streams, a timer) is not waited for: check its effect with eventually().
 */
export async function settle(view: Pick<RenderedView, 'frames'>): Promise<void> {
  let quiet = 0;
  // Bounded so a screen that keeps changing (a spinner, a stream) cannot hold a test forever.
  for (let turns = 0; quiet < 3 && turns < 10_000; turns++) {
    const before = view.frames.length;
    await turn();
    quiet = view.frames.length === before ? quiet + 1 : 0;
  }
}

/**
 * Writes each sequence as its own read, as keys typed one after another arrive, and waits until the
 * app has handled it (see settle) before the next. Several keys in one read: pass them as one string.
 * The effect a test expects is then on screen or in a callback, unless the app still works on it
 * (a reply, a transcription): wait for that with eventually().
 */
export async function press(view: RenderedView, ...sequences: string[]): Promise<void> {
  // Ink reads the keyboard once a component asked for raw mode (in an effect after the first render):
  // a key written before that would be lost.
  // Checked before polling: eventually() would move a faked clock.
  if (view.stdin.listenerCount('readable') === 0) {
    await eventually(() => {
      if (view.stdin.listenerCount('readable') === 0) throw new Error('nothing reads the keyboard yet');
    }, view);
  }
  await settle(view); // whatever came before (a first render, a rerender) has finished too
  for (const sequence of sequences) {
    view.stdin.write(sequence);
    await settle(view);
  }
}
