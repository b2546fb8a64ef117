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

  it('turns tabs into spaces up to the next multiple of 4 columns, counted from where the line starts', () => {
    expect(edit.editorWith('col1\tcol2\tc\td').text).toBe('col1    col2    c   d');
    expect(edit.insertText({ text: 'ab', cursor: 2 }, '\tx')).toEqual({ text: 'ab  x', cursor: 5 });
    expect(edit.editorWith('日本\tx').text).toBe('日本    x'); // two wide characters fill four columns
    expect(edit.insertText(edit.editorWith('abc\nd'), '\te\n\tf').text).toBe('abc\nd   e\n    f');
  });

  it('keeps control characters other than line breaks out of the text', () => {
    expect(edit.editorWith('a\x1b[31mb\x07c\r\nd\x9be').text).toBe('a[31mbc\nde');
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
  const kinds = (raw: string) => parseKeys(raw).map((k) => (k.kind === 'text' ? `text:${k.text}` : k.kind));

  it('splits a read holding several control keys into each key, in order', () => {
    expect(kinds('\x17\x17')).toEqual(['delete-word', 'delete-word']); // Ctrl-W Ctrl-W
    expect(kinds('\x01\x0b')).toEqual(['home', 'kill-line-end']); // Ctrl-A Ctrl-K
    expect(kinds('\x15\x03')).toEqual(['kill-line-start', 'interrupt']); // Ctrl-U Ctrl-C
    expect(kinds('\x7f\x7f\x7f')).toEqual(['backspace', 'backspace', 'backspace']);
  });

  it('keeps runs of typed text whole between the keys around them', () => {
    expect(kinds('hi\x7f\x7f\x7fyo')).toEqual(['text:hi', 'backspace', 'backspace', 'backspace', 'text:yo']);
    expect(kinds('hello\r')).toEqual(['text:hello', 'submit']);
    expect(kinds('one\r\ntwo\rthree')).toEqual(['text:one', 'submit', 'text:two', 'submit', 'text:three']);
    expect(kinds('héllo 😀 日本')).toEqual(['text:héllo 😀 日本']);
  });

  it('reads escape sequences whole: arrows, CSI with modifiers, Alt-keys, Esc', () => {
    expect(kinds('a\x1b[Ab\x1bOBc')).toEqual(['text:a', 'up', 'text:b', 'down', 'text:c']);
    expect(kinds('\x1b[1;5D\x1b[1;3C\x1bb\x1bf')).toEqual(['word-left', 'word-right', 'word-left', 'word-right']);
    expect(kinds('\x1b[1;2A\x1b[1;2H\x1b[3;5~')).toEqual(['up', 'home', 'delete']); // Shift-Up, Shift-Home, Ctrl-Delete
    expect(kinds('\x1b\r\x1b\x7fx')).toEqual(['newline', 'delete-word', 'text:x']); // Alt-Enter, Alt-Backspace
    expect(kinds('\x1bxy')).toEqual(['ignored', 'text:y']); // Alt-X is not ours, and does not eat the y
    expect(kinds('\x1b[15~z\x1b[13;2u')).toEqual(['ignored', 'text:z', 'newline']); // F5, Shift-Enter
    expect(kinds('\x1b')).toEqual(['escape']);
    expect(kinds('\x1b\x03')).toEqual(['escape', 'interrupt']); // Esc then Ctrl-C, not an Alt-Ctrl-C chord
    expect(kinds('\x1b\x15x')).toEqual(['escape', 'kill-line-start', 'text:x']);
  });

  it('tells Enter from the keys that insert a newline', () => {
    expect(parseKey('\r').kind).toBe('submit');
    expect(parseKey('\n').kind).toBe('newline'); // Ctrl-J
    expect(parseKey('\x1b\r').kind).toBe('newline'); // Alt-Enter
  });

  it('tells Backspace from Delete, and reads Ctrl-C, Ctrl-D and Tab', () => {
    expect(parseKey('\x7f').kind).toBe('backspace');
    expect(parseKey('\x1b[3~').kind).toBe('delete');
    expect(parseKey('\x03').kind).toBe('interrupt');
    expect(parseKey('\x04').kind).toBe('eof');
    expect(parseKey('\t').kind).toBe('tab');
  });

  it('never turns a control character it does not use into text', () => {
    expect(kinds('a\x07b\x00c\x9bd\x1b[5;9Pe')).toEqual([
      'text:a',
      'ignored',
      'text:b',
      'ignored',
      'text:c',
      'ignored',
      'text:d',
      'ignored',
      'text:e',
    ]);
    expect(parseKey('x\x07').kind).toBe('ignored'); // handed more than one key, it still never yields a control as text
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

  it('collapses repeats in a row in the saved history it starts from', () => {
    expect(new HistoryNavigator(['a', 'a', 'b', 'a', 'a']).all).toEqual(['a', 'b', 'a']);
  });

  it('offers a cleared draft with Up, and says it is not one to save', () => {
    const h = new HistoryNavigator(['sent before']);
    h.setAside('half a thought');
    expect(h.older('')).toBe('half a thought');
    expect(h.older('half a thought')).toBe('sent before');
    h.reset();
    // Sending the draft unchanged makes it a sent message, asking to save it once.
    h.older('');
    expect(h.add('half a thought')).toBe(true);
    expect(h.add('half a thought')).toBe(false);
    expect(h.all).toEqual(['sent before', 'half a thought']);
  });

  it('replaces a recalled draft with its edited version instead of keeping near-copies', () => {
    const h = new HistoryNavigator(['sent before']);
    h.setAside('draft one');
    expect(h.older('')).toBe('draft one');
    h.reset(); // edited in the prompt
    h.setAside('draft one, edited');
    expect(h.all).toEqual(['sent before', 'draft one, edited']);
    h.older('');
    h.reset();
    expect(h.add('draft one, edited and sent')).toBe(true);
    expect(h.all).toEqual(['sent before', 'draft one, edited and sent']);
    // A draft that was not brought back stays when something else is sent.
    h.setAside('unrelated draft');
    h.add('another message');
    expect(h.all).toEqual(['sent before', 'draft one, edited and sent', 'unrelated draft', 'another message']);
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
