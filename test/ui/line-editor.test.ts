import { describe, expect, it } from 'vitest';
import { HistoryNavigator } from '../../src/ui/input/history-navigator.js';
import { parseKey, parseKeys } from '../../src/ui/input/keys.js';
import * as edit from '../../src/ui/input/line-editor.js';

describe('line editor', () => {
  it('inserts at the cursor and moves by characters, words and line ends', () => {
    let s = edit.editorWith('hello world');
    s = edit.moveWordLeft(s);
    expect(s.cursor).toBe(6);
    s = edit.insertText(s, 'big ');
    expect(s).toEqual({ text: 'hello big world', cursor: 10 });
    s = edit.moveLineStart(s);
    expect(s.cursor).toBe(0);
    s = edit.moveWordRight(s);
    expect(s.cursor).toBe(5);
    s = edit.moveLineEnd(s);
    expect(s.cursor).toBe(15);
  });

  it('never splits an emoji when moving or deleting', () => {
    let s = edit.editorWith('a😀');
    s = edit.moveLeft(s);
    expect(s.cursor).toBe(1);
    s = edit.moveLineEnd(s);
    s = edit.deleteBackward(s);
    expect(s).toEqual({ text: 'a', cursor: 1 });
  });

  it('deletes words and line parts like readline (Ctrl-W, Ctrl-U, Ctrl-K)', () => {
    expect(edit.deleteWordBackward(edit.editorWith('one two  ')).text).toBe('one ');
    const middle = { text: 'first\nsecond line', cursor: 12 };
    expect(edit.deleteToLineStart(middle)).toEqual({ text: 'first\n line', cursor: 6 });
    expect(edit.deleteToLineEnd(middle)).toEqual({ text: 'first\nsecond', cursor: 12 });
  });

  it('moves up and down between lines of a multi-line input, and says when it is at the edge', () => {
    const s = { text: 'short\na longer line', cursor: 14 };
    const up = edit.moveLineUp(s)!;
    expect(up.cursor).toBe(5); // column 8 clamps to the end of "short"
    expect(edit.moveLineUp(up)).toBeNull();
    expect(edit.moveLineDown(up)!.cursor).toBe(11);
    expect(edit.moveLineDown(s)).toBeNull();
  });
});

describe('keys', () => {
  it('turns several Backspaces delivered in one read (key repeat) into as many deletions', () => {
    expect(parseKeys('\x7f\x7f\x7f').map((k) => k.kind)).toEqual(['backspace', 'backspace', 'backspace']);
    expect(parseKeys('\x7f').map((k) => k.kind)).toEqual(['backspace']);
    expect(parseKeys('abc')).toEqual([{ kind: 'text', text: 'abc' }]);
  });

  it('tells Enter from the keys that insert a newline', () => {
    expect(parseKey('\r').kind).toBe('submit');
    expect(parseKey('\n').kind).toBe('newline'); // Ctrl-J
    expect(parseKey('\x1b\r').kind).toBe('newline'); // Alt-Enter
  });

  it('tells Backspace from Delete, and reads arrows, Ctrl-C, Ctrl-D and Esc', () => {
    expect(parseKey('\x7f').kind).toBe('backspace');
    expect(parseKey('\x1b[3~').kind).toBe('delete');
    expect(parseKey('\x1b[A').kind).toBe('up');
    expect(parseKey('\x03').kind).toBe('interrupt');
    expect(parseKey('\x04').kind).toBe('eof');
    expect(parseKey('\x1b').kind).toBe('escape');
  });

  it('keeps the line breaks of pasted text and drops other control characters', () => {
    expect(parseKey('one\r\ntwo\rthree\x07')).toEqual({ kind: 'text', text: 'one\ntwo\nthree' });
  });

  it('reads text that arrives together with its Enter as typed-then-sent', () => {
    expect(parseKey('hello\r')).toEqual({ kind: 'text-then-submit', text: 'hello' });
  });
});

describe('input history', () => {
  it('walks back and forth and restores the draft after the newest entry', () => {
    const h = new HistoryNavigator(['first', 'second']);
    expect(h.older('draft')).toBe('second');
    expect(h.older('second')).toBe('first');
    expect(h.older('first')).toBeUndefined();
    expect(h.newer()).toBe('second');
    expect(h.newer()).toBe('draft');
    expect(h.newer()).toBeUndefined();
  });

  it('skips blank entries and immediate repeats, and keeps only the newest `limit`', () => {
    const h = new HistoryNavigator([], 3);
    expect(h.add('a')).toBe(true);
    expect(h.add('a')).toBe(false);
    expect(h.add('  ')).toBe(false);
    h.add('b');
    h.add('c');
    h.add('d');
    expect(h.all).toEqual(['b', 'c', 'd']);
  });
});
