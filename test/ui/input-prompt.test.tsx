import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { InputPrompt } from '../../src/ui/chat/InputPrompt.js';
import { completeSlash } from '../../src/ui/commands/completion.js';
import { SLASH_COMMANDS } from '../../src/ui/commands/registry.js';
import type { CommandContext } from '../../src/ui/commands/types.js';
import { HistoryNavigator } from '../../src/ui/input/history-navigator.js';
import { DOUBLE_PRESS_MS } from '../../src/ui/input/useLineEditor.js';
import { eventually, KEY, press, settle } from './keyboard.js';

function setup(options: { busy?: boolean; history?: string[]; now?: () => number } = {}) {
  const calls = { submit: vi.fn(), cancel: vi.fn(), quit: vi.fn(), remember: vi.fn() };
  const ctx = { commands: SLASH_COMMANDS } as unknown as CommandContext;
  const props = {
    busy: options.busy ?? false,
    placeholder: 'Message Diane…',
    history: new HistoryNavigator(options.history ?? []),
    onSubmit: calls.submit,
    onCancelReply: calls.cancel,
    onQuit: calls.quit,
    onClearScreen: () => {},
    onRemember: calls.remember,
    complete: (text: string) => completeSlash(text, ctx),
    now: options.now,
  };
  const view = render(<InputPrompt {...props} />);
  const screen = () => (view.lastFrame() ?? '').replace(/\x1b\[[0-9;]*m/g, '');
  return { ...view, ...calls, props, screen };
}

describe('InputPrompt', () => {
  it('sends the typed line on Enter, remembers it, and clears the prompt', async () => {
    const p = setup();
    await press(p, 'hello', KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('hello');
    expect(p.remember).toHaveBeenCalledWith('hello');
    expect(p.screen()).toContain('Message Diane…');
  });

  it('edits at the cursor', async () => {
    const p = setup();
    await press(p, 'wrld', KEY.left, KEY.left, KEY.left, 'o', KEY.home, 'hello ', KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('hello world');
  });

  it('inserts a newline with Ctrl-J and Alt-Enter, and sends the lines together', async () => {
    const p = setup();
    await press(p, 'one', KEY.ctrlJ, 'two', KEY.altEnter, 'three');
    expect(p.screen()).toMatch(/› one\s*│\n│\s+two\s*│\n│\s+three/);
    await press(p, KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('one\ntwo\nthree');
  });

  it('keeps the line breaks of a bracketed paste instead of sending', async () => {
    const p = setup();
    await press(p, KEY.pasteStart, 'first\rsecond\r', KEY.pasteEnd);
    expect(p.submit).not.toHaveBeenCalled();
    await press(p, KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('first\nsecond\n');
  });

  it('brings back earlier inputs with Up and the draft with Down', async () => {
    const p = setup({ history: ['older question', 'newest question'] });
    await press(p, 'draft', KEY.up);
    expect(p.screen()).toContain('newest question');
    await press(p, KEY.up);
    expect(p.screen()).toContain('older question');
    await press(p, KEY.down, KEY.down);
    expect(p.screen()).toContain('draft');
  });

  it.each([
    ['Esc', KEY.escape],
    ['Ctrl-C', KEY.ctrlC],
  ])('stops a streaming reply on %s without touching what is typed', async (_name, stop) => {
    const p = setup({ busy: true });
    await press(p, 'next question', stop);
    expect(p.cancel).toHaveBeenCalledTimes(1);
    expect(p.screen()).toContain('next question');
    expect(p.quit).not.toHaveBeenCalled();
    await press(p, KEY.enter);
    expect(p.submit).not.toHaveBeenCalled();
    expect(p.screen()).toContain('a reply is streaming');
    p.rerender(<InputPrompt {...p.props} busy={false} />);
    await eventually(() => expect(p.screen()).not.toContain('a reply is streaming')); // the hint goes when the reply ends
  });

  it('sets a typed line aside on Ctrl-C (Up brings it back) and quits on a second Ctrl-C when empty', async () => {
    let now = 1000;
    const p = setup({ now: () => now });
    await press(p, 'half a thought', KEY.ctrlC);
    expect(p.screen()).toContain('input cleared');
    expect(p.remember).not.toHaveBeenCalled(); // a cleared draft is not saved for later sessions
    await press(p, KEY.up);
    expect(p.screen()).toContain('half a thought');
    await press(p, KEY.ctrlC, KEY.ctrlC);
    expect(p.screen()).toContain('Press Ctrl-C again to quit');
    expect(p.quit).not.toHaveBeenCalled();
    now += 500;
    await press(p, KEY.ctrlC);
    expect(p.quit).toHaveBeenCalledTimes(1);
  });

  it('quits on Ctrl-D only when the prompt is empty', async () => {
    const p = setup();
    await press(p, 'x', KEY.home, KEY.ctrlD);
    expect(p.quit).not.toHaveBeenCalled();
    await press(p, KEY.ctrlD);
    expect(p.quit).toHaveBeenCalledTimes(1);
  });

  it('completes slash commands with Tab and lists the candidates', async () => {
    const p = setup();
    await press(p, '/p', KEY.tab);
    expect(p.screen()).toContain('/persona  /provider  /prompt  /profile');
    await press(p, 'e', KEY.tab);
    expect(p.screen()).toContain('› /persona');
  });

  it('saves the message sent, not the drafts cleared on the way to it', async () => {
    const p = setup();
    await press(p, 'first try', KEY.ctrlC, KEY.up, ' again', KEY.ctrlC, KEY.up, KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('first try again');
    expect(p.remember.mock.calls).toEqual([['first try again']]);
    await press(p, KEY.up, KEY.up);
    expect(p.screen()).toContain('› first try again'); // no older near-copy to walk through
  });

  it('hides the quit hint when the double-press window runs out, and a late second press does not quit', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const p = setup();
    await press(p, KEY.ctrlC);
    expect(p.screen()).toContain('Press Ctrl-C again to quit');
    vi.advanceTimersByTime(DOUBLE_PRESS_MS - 100);
    await settle(p);
    expect(p.screen()).toContain('Press Ctrl-C again to quit');
    vi.advanceTimersByTime(200);
    // Fake timers here: eventually() would move the clock itself; settle() waits for the render.
    await settle(p);
    expect(p.screen()).not.toContain('again to quit');
    await press(p, KEY.ctrlC);
    expect(p.quit).not.toHaveBeenCalled();
    expect(p.screen()).toContain('Press Ctrl-C again to quit');
    vi.advanceTimersByTime(1500); // well inside the window: a person's pace
    await press(p, KEY.ctrlC);
    expect(p.quit).toHaveBeenCalledTimes(1);
  });
});

describe('InputPrompt, Ctrl-C while a reply streams', () => {
  // The first press stops the reply and, on an empty prompt, counts as the first of a double
  // press; the second within DOUBLE_PRESS_MS quits (gemini-cli does the same).
  it('stops the reply and quits on Ctrl-C Ctrl-C in one read', async () => {
    const p = setup({ busy: true, now: () => 1000 });
    await press(p, KEY.ctrlC + KEY.ctrlC);
    expect(p.cancel).toHaveBeenCalledTimes(1);
    expect(p.quit).toHaveBeenCalledTimes(1);
  });

  it('stops the reply and quits on Ctrl-C, then Ctrl-C a moment later, with the quit hint in between', async () => {
    let now = 1000;
    const p = setup({ busy: true, now: () => now });
    await press(p, KEY.ctrlC);
    expect(p.cancel).toHaveBeenCalledTimes(1);
    expect(p.quit).not.toHaveBeenCalled();
    expect(p.screen()).toContain('Press Ctrl-C again to quit');
    p.rerender(<InputPrompt {...p.props} busy={false} />); // the partial reply is saved
    now += 200;
    await press(p, KEY.ctrlC);
    expect(p.quit).toHaveBeenCalledTimes(1);
    expect(p.cancel).toHaveBeenCalledTimes(1);
  });

  it('quits on a second Ctrl-C that comes while the stopped reply is still winding down', async () => {
    let now = 1000;
    const p = setup({ busy: true, now: () => now });
    await press(p, KEY.ctrlC);
    now += 200;
    await press(p, KEY.ctrlC); // `busy` is still true
    expect(p.cancel).toHaveBeenCalledTimes(1);
    expect(p.quit).toHaveBeenCalledTimes(1);
  });

  it('does not quit on a second Ctrl-C after the window has passed: it asks again', async () => {
    let now = 1000;
    const p = setup({ busy: true, now: () => now });
    await press(p, KEY.ctrlC);
    p.rerender(<InputPrompt {...p.props} busy={false} />);
    now += DOUBLE_PRESS_MS + 100;
    await press(p, KEY.ctrlC);
    expect(p.quit).not.toHaveBeenCalled();
    expect(p.screen()).toContain('Press Ctrl-C again to quit');
  });

  it.each([
    ['in one read', [KEY.ctrlC + KEY.ctrlC]],
    ['a moment apart', [KEY.ctrlC, KEY.ctrlC]],
  ])('with a line typed, stops the reply then sets the line aside on Ctrl-C Ctrl-C %s, without quitting', async (_name, reads) => {
    const p = setup({ busy: true, now: () => 1000 });
    await press(p, 'next question', ...reads);
    expect(p.cancel).toHaveBeenCalledTimes(1);
    expect(p.quit).not.toHaveBeenCalled();
    expect(p.screen()).toContain('input cleared');
    expect(p.screen()).not.toContain('next question');
  });

  it('treats Ctrl-C after Esc stopped the reply as a press at rest: it asks before quitting', async () => {
    const p = setup({ busy: true, now: () => 1000 });
    await press(p, KEY.escape + KEY.ctrlC);
    expect(p.cancel).toHaveBeenCalledTimes(1);
    expect(p.quit).not.toHaveBeenCalled();
    expect(p.screen()).toContain('Press Ctrl-C again to quit');
  });
});

describe('InputPrompt, quit hint', () => {
  it('takes the quit away with its hint when another key comes between the presses', async () => {
    const p = setup({ now: () => 1000 });
    await press(p, KEY.ctrlC, 'a', KEY.backspace);
    expect(p.screen()).not.toContain('again to quit');
    await press(p, KEY.ctrlC);
    expect(p.quit).not.toHaveBeenCalled();
    expect(p.screen()).toContain('Press Ctrl-C again to quit');
  });
});

describe('InputPrompt, whole characters', () => {
  // The drawn cursor is an inverse span: colour must be on to see where it starts and ends.
  let level: typeof chalk.level;
  beforeAll(() => {
    level = chalk.level;
    chalk.level = 1;
  });
  afterAll(() => {
    chalk.level = level;
  });
  const inverse = (frame: string) => /\x1b\[7m(.*?)\x1b\[27m/.exec(frame)?.[1];

  it('deletes a whole emoji with its skin tone, and types before a flag, not inside it', async () => {
    const p = setup();
    await press(p, 'ab🇯🇵👍🏽', KEY.backspace);
    expect(p.screen()).toContain('› ab🇯🇵 ');
    expect(p.screen()).not.toContain('👍');
    await press(p, 'é', KEY.left, KEY.left, 'X', KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('abX🇯🇵é');
  });

  it.each([
    ['a flag', '🇯🇵'],
    ['an emoji with a skin tone', '👍🏽'],
    ['a ZWJ family', '👨‍👩‍👧'],
    ['e with a combining accent', 'e\u0301'],
  ])('draws the cursor over all of %s', async (_name, cluster) => {
    const p = setup();
    await press(p, `a${cluster}b`, KEY.left, KEY.left);
    expect(inverse(p.lastFrame() ?? '')).toBe(cluster);
  });
});

describe('InputPrompt, several keys in one read', () => {
  it('applies each control key of a read in order (Ctrl-W Ctrl-W, Ctrl-A Ctrl-K)', async () => {
    const p = setup();
    await press(p, 'hello big world', '\x17\x17');
    expect(p.screen()).toContain('› hello ');
    expect(p.screen()).not.toContain('big');
    await press(p, 'there', '\x01\x0b', 'fresh', KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('fresh');
  });

  it('applies Backspaces between typed text in the same read', async () => {
    const p = setup();
    await press(p, 'abc', 'hi\x7f\x7f\x7fyo', KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('abyo');
  });

  it('clears the draft and arms quit on Ctrl-U Ctrl-C in one read, so the next line is sent alone', async () => {
    const p = setup();
    await press(p, 'old draft', '\x15\x03');
    await eventually(() => expect(p.screen()).toContain('Press Ctrl-C again to quit'));
    await press(p, '/help', KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('/help');
  });

  it('sends on an Enter inside a read, keeps typing after it, and does not send twice before the reply starts', async () => {
    const p = setup();
    await press(p, 'one\rtwo');
    expect(p.submit).toHaveBeenCalledWith('one');
    await eventually(() => expect(p.screen()).toContain('› two'));
    const q = setup();
    await press(q, 'a\rb\r');
    expect(q.submit.mock.calls).toEqual([['a']]);
    await eventually(() => expect(q.screen()).toContain('› b')); // kept, to send once the reply is done
  });

  it('reads a bracketed paste that shares its read with typed keys as a paste', async () => {
    const p = setup();
    await press(p, `x${KEY.pasteStart}a\rb${KEY.pasteEnd}\r`);
    expect(p.submit.mock.calls).toEqual([['xa\nb']]);
  });

  it('turns a pasted tab into spaces so the box keeps its border', async () => {
    const p = setup();
    await press(p, KEY.pasteStart, 'col1\tcol2\tcol3', KEY.pasteEnd);
    const frame = p.screen();
    expect(frame).toContain('› col1    col2    col3');
    expect(frame).not.toContain('\t');
    const widths = frame
      .split('\n')
      .filter((line) => /[│╭╰]/.test(line))
      .map((line) => line.length);
    expect(new Set(widths).size).toBe(1); // every row of the box is as wide as its top border
  });

  it('indents with Tab in a message and completes with Tab in a command', async () => {
    const p = setup();
    await press(p, 'a', KEY.tab, 'b', KEY.enter);
    expect(p.submit).toHaveBeenCalledWith('a   b');
    await press(p, '/pers', KEY.tab);
    expect(p.screen()).toContain('› /persona');
  });
});

afterEach(() => {
  vi.useRealTimers();
});
