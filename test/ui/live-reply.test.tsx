import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LiveReply } from '../../src/ui/chat/LiveReply.js';
import { LiveReplyStore } from '../../src/ui/chat/live-reply-store.js';
import { personaView } from '../../src/ui/chat/persona-view.js';
import { PERSONAS } from './fake-services.js';
import { eventually, settle } from './keyboard.js';

const diane = personaView(PERSONAS[0]!);

describe('LiveReply', () => {
  it('shows a spinner until the first token, then the streamed text', async () => {
    const store = new LiveReplyStore();
    const view = render(<LiveReply store={store} width={60} />);
    store.set({ phase: 'waiting', persona: diane, text: '', showName: true }, true);
    await eventually(() => expect(view.lastFrame()).toContain('Diane is thinking'), view);
    store.set({ phase: 'streaming', text: 'Honestly, the price' });
    await eventually(() => expect(view.lastFrame()).toContain('Honestly, the price'), view);
    expect(view.lastFrame()).not.toContain('thinking');
  });

  it('renders a fast token stream at most about once per 33 ms, ending on the latest text', async () => {
    const store = new LiveReplyStore();
    const view = render(<LiveReply store={store} width={60} />);
    store.set({ phase: 'streaming', persona: diane, text: '', showName: true }, true);
    await settle(view);
    const before = view.frames.length;
    const started = Date.now();
    let text = '';
    for (let i = 0; i < 300; i++) {
      text += `w${i} `;
      store.set({ text });
      // The stream's pace, not a wait for the screen: tokens arrive over time, as from a model.
      if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
    // The last tokens land with the next throttled frame.
    await eventually(() => expect(view.lastFrame()).toContain('w299'), view);
    const elapsed = Date.now() - started;
    const renders = view.frames.length - before;
    expect(renders).toBeLessThanOrEqual(Math.ceil(elapsed / 33) + 2);
    expect(renders).toBeLessThan(300 / 10);
  });

  it('shows an urgent change at once (text moving into the transcript is never shown twice)', async () => {
    // The throttle's timer stands still: only a render that does not wait for it can show the change.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const store = new LiveReplyStore();
    const view = render(<LiveReply store={store} width={60} />);
    store.set({ phase: 'streaming', persona: diane, text: 'first paragraph', showName: true }, true);
    store.set({ text: 'second', showName: false }, true);
    await settle(view);
    expect(view.lastFrame()).toContain('second');
    expect(view.lastFrame()).not.toContain('first paragraph');
  });
});

afterEach(() => {
  vi.useRealTimers();
});
