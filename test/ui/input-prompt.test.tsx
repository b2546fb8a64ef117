import { render } from 'ink-testing-library';
import { describe, expect, it, vi } from 'vitest';
import { InputPrompt } from '../../src/ui/chat/InputPrompt.js';
import { completeSlash } from '../../src/ui/commands/completion.js';
import { SLASH_COMMANDS } from '../../src/ui/commands/registry.js';
import type { CommandContext } from '../../src/ui/commands/types.js';
import { HistoryNavigator } from '../../src/ui/input/history-navigator.js';
import { KEY, press } from './keyboard.js';

function setup(options: { busy?: boolean; history?: string[]; now?: () => number } = {}) {
  const calls = { submit: vi.fn(), cancel: vi.fn(), quit: vi.fn(), remember: vi.fn() };
  const ctx = { commands: SLASH_COMMANDS } as unknown as CommandContext;
  const view = render(
    <InputPrompt
      busy={options.busy ?? false}
      placeholder="Message Diane…"
      history={new HistoryNavigator(options.history ?? [])}
      onSubmit={calls.submit}
      onCancelReply={calls.cancel}
      onQuit={calls.quit}
      onClearScreen={() => {}}
      onRemember={calls.remember}
      complete={(text) => completeSlash(text, ctx)}
      now={options.now}
    />,
  );
  const screen = () => (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  return { ...view, ...calls, screen };
}

describe('InputPrompt', () => {
  it('sends the typed line on Enter, remembers it, and clears the prompt', async () => {
    const p = setup();
    await press(p.stdin, 'hello', KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('hello');
    expect(p.remember).toHaveBeenCalledWith('hello');
    expect(p.screen()).toContain('Message Diane…');
  });

  it('edits at the cursor', async () => {
    const p = setup();
    await press(p.stdin, 'wrld', KEY.left, KEY.left, KEY.left, 'o', KEY.home, 'hello ', KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('hello world');
  });

  it('inserts a newline with Ctrl-J and Alt-Enter, and sends the lines together', async () => {
    const p = setup();
    await press(p.stdin, 'one', KEY.ctrlJ, 'two', KEY.altEnter, 'three');
    expect(p.screen()).toMatch(/› one\s*│\n│\s+two\s*│\n│\s+three/);
    await press(p.stdin, KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('one\ntwo\nthree');
  });

  it('keeps the line breaks of a bracketed paste instead of sending', async () => {
    const p = setup();
    await press(p.stdin, KEY.pasteStart, 'first\rsecond\r', KEY.pasteEnd);
    expect(p.submit).not.toHaveBeenCalled();
    await press(p.stdin, KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('first\nsecond\n');
  });

  it('brings back earlier inputs with Up and the draft with Down', async () => {
    const p = setup({ history: ['older question', 'newest question'] });
    await press(p.stdin, 'draft', KEY.up);
    expect(p.screen()).toContain('newest question');
    await press(p.stdin, KEY.up);
    expect(p.screen()).toContain('older question');
    await press(p.stdin, KEY.down, KEY.down);
    expect(p.screen()).toContain('draft');
  });

  it('stops a streaming reply on Esc and on Ctrl-C without touching what is typed', async () => {
    const p = setup({ busy: true });
    await press(p.stdin, 'next question', KEY.escape, KEY.ctrlC);
    expect(p.cancel).toHaveBeenCalledTimes(2);
    expect(p.screen()).toContain('next question');
    await press(p.stdin, KEY.enter);
    expect(p.submit).not.toHaveBeenCalled();
  });

  it('sets a typed line aside on Ctrl-C (Up brings it back) and quits on a second Ctrl-C when empty', async () => {
    let now = 1000;
    const p = setup({ now: () => now });
    await press(p.stdin, 'half a thought', KEY.ctrlC);
    expect(p.screen()).toContain('input cleared');
    expect(p.remember).toHaveBeenCalledWith('half a thought');
    await press(p.stdin, KEY.up);
    expect(p.screen()).toContain('half a thought');
    await press(p.stdin, KEY.ctrlC, KEY.ctrlC);
    expect(p.screen()).toContain('Press Ctrl-C again to quit');
    expect(p.quit).not.toHaveBeenCalled();
    now += 500;
    await press(p.stdin, KEY.ctrlC);
    expect(p.quit).toHaveBeenCalledTimes(1);
  });

  it('quits on Ctrl-D only when the prompt is empty', async () => {
    const p = setup();
    await press(p.stdin, 'x', KEY.home, KEY.ctrlD);
    expect(p.quit).not.toHaveBeenCalled();
    await press(p.stdin, KEY.ctrlD);
    expect(p.quit).toHaveBeenCalledTimes(1);
  });

  it('completes slash commands with Tab and lists the candidates', async () => {
    const p = setup();
    await press(p.stdin, '/p', KEY.tab);
    expect(p.screen()).toContain('/persona  /provider  /prompt  /profile');
    await press(p.stdin, 'e', KEY.tab);
    expect(p.screen()).toContain('› /persona');
  });
});
