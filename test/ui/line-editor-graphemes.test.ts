import { afterEach, describe, expect, it, vi } from 'vitest';
import { clusterAt } from '../../src/ui/input/graphemes.js';
import * as edit from '../../src/ui/input/line-editor.js';

const THUMB_MEDIUM = '👍🏽'; // thumbs up + skin-tone modifier
const FLAG_JP = '🇯🇵'; // two regional indicators
const FAMILY = '👨‍👩‍👧'; // three emoji joined by ZWJ
const E_ACUTE = 'e\u0301'; // e + combining acute accent
const HAN = '\u1112\u1161\u11ab'; // Hangul jamo ᄒ + ᅡ + ᆫ, drawn as one syllable 한

const CLUSTERS = { THUMB_MEDIUM, FLAG_JP, FAMILY, E_ACUTE, HAN };

function atEnd(text: string): edit.EditorState {
  return { text, cursor: text.length };
}

describe('line editor, whole characters (grapheme clusters)', () => {
  it.each(Object.entries(CLUSTERS))('Backspace and Delete remove all of %s', (_name, cluster) => {
    expect(edit.deleteBackward(atEnd(`ab${cluster}`))).toEqual({ text: 'ab', cursor: 2 });
    expect(edit.deleteForward({ text: `ab${cluster}c`, cursor: 2 })).toEqual({ text: 'abc', cursor: 2 });
  });

  it.each(Object.entries(CLUSTERS))('← and → step over all of %s', (_name, cluster) => {
    const text = `a${cluster}b`;
    const left = edit.moveLeft({ text, cursor: 1 + cluster.length });
    expect(left.cursor).toBe(1);
    expect(edit.moveRight(left).cursor).toBe(1 + cluster.length);
  });

  it('does what the tester typed: Backspace after ab🇯🇵👍🏽 leaves ab🇯🇵, and X typed two to the left of é lands before the flag', () => {
    let s = edit.editorWith(`ab${FLAG_JP}${THUMB_MEDIUM}`);
    s = edit.deleteBackward(s);
    expect(s.text).toBe(`ab${FLAG_JP}`);
    s = edit.insertText(s, 'é');
    s = edit.moveLeft(edit.moveLeft(s));
    s = edit.insertText(s, 'X');
    expect(s).toEqual({ text: `abX${FLAG_JP}é`, cursor: 3 });
  });

  it('moves and deletes by words without splitting an emoji at either end of the word', () => {
    const text = `say ${FAMILY}${THUMB_MEDIUM} ok`;
    const wordStart = 4;
    const wordEnd = wordStart + FAMILY.length + THUMB_MEDIUM.length;
    expect(edit.moveWordLeft({ text, cursor: wordEnd }).cursor).toBe(wordStart);
    expect(edit.moveWordRight({ text, cursor: wordStart }).cursor).toBe(wordEnd);
    expect(edit.deleteWordBackward({ text, cursor: wordEnd })).toEqual({ text: 'say  ok', cursor: wordStart });
  });

  it('keeps a combining accent typed after a space with its space when deleting a word', () => {
    // " \u0301" is one cluster; the word after it must not start in the middle of it.
    const text = `ab \u0301cd`;
    expect(edit.moveWordLeft(atEnd(text)).cursor).toBe(2);
  });

  it('Home and End land on line edges, which are always whole-character boundaries', () => {
    const s = { text: `${FLAG_JP}x\n${E_ACUTE}${FAMILY}`, cursor: FLAG_JP.length + 3 };
    expect(edit.moveLineStart(s).cursor).toBe(FLAG_JP.length + 2);
    expect(edit.moveLineEnd(s).cursor).toBe(s.text.length);
  });

  it('keeps the cursor out of a cluster that an edit forms around it', () => {
    // Deleting the x between two regional indicators makes them one flag: the cursor goes before it.
    expect(edit.deleteBackward({ text: '🇯x🇵', cursor: 3 })).toEqual({ text: FLAG_JP, cursor: 0 });
    // Typing a regional indicator before another makes a flag: the cursor goes after it.
    expect(edit.insertText({ text: '🇵', cursor: 0 }, '🇯')).toEqual({ text: FLAG_JP, cursor: 4 });
  });

  it('moves up and down between lines onto whole characters', () => {
    // Column 3 of the second line would fall between the two halves of the flag on the first.
    const text = `a${FLAG_JP}\nxyz`;
    const up = edit.moveLineUp({ text, cursor: text.length })!;
    expect(up.cursor).toBe(1);
    expect(edit.moveLineDown({ text: `xy\n${FLAG_JP}`, cursor: 1 })!.cursor).toBe(3);
  });
});

describe('grapheme clusters in a long input', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('segments only a few characters around the cursor of a 10 kB paste', () => {
    const segment = vi.spyOn(Intl.Segmenter.prototype, 'segment');
    const paste = `Some words ${THUMB_MEDIUM} and ${FLAG_JP} flags, ${E_ACUTE}t${E_ACUTE}. `.repeat(300);
    expect(paste.length).toBeGreaterThan(10_000);
    let s = edit.editorWith(paste);
    s = edit.moveLeft(s);
    s = edit.deleteBackward(s);
    s = edit.insertText(s, THUMB_MEDIUM);
    s = edit.moveWordLeft(s);
    edit.deleteWordBackward(s);
    expect(segment).toHaveBeenCalled();
    const longest = Math.max(...segment.mock.calls.map(([text]) => text.length));
    expect(longest).toBeLessThan(16);
  });

  it('finds the same clusters in a window as in the whole text, even in a run of emoji with no ASCII to anchor on', () => {
    // 40 flags: a run of regional indicators longer than the window reaches, where pairing them
    // from the middle of the run would get every flag wrong.
    const text = `x${FLAG_JP.repeat(40)}${FAMILY}${THUMB_MEDIUM}\n${HAN}${E_ACUTE}ab`;
    const whole = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)];
    for (const { index, segment: cluster } of whole) {
      for (let unit = index; unit < index + cluster.length; unit++) {
        expect(clusterAt(text, unit)).toEqual({ start: index, end: index + cluster.length });
      }
    }
  });
});
