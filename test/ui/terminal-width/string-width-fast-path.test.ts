import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import stringWidthFastPath, { takesFastPath } from '../../../src/ui/terminal-width/string-width-fast-path.js';

// The fast path claims two things about every code point it accepts: it forms a grapheme cluster
// on its own, whatever stands beside it, and its width is exactly what string-width says. Both are
// checked here over the whole of Unicode, so a new Unicode version in Node or in string-width that
// breaks either claim fails this test instead of misaligning the chat.

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const clusterCount = (text: string): number => [...graphemes.segment(text)].length;

function acceptedCodePoints(): number[] {
  const accepted: number[] = [];
  for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
    if (takesFastPath(String.fromCodePoint(codePoint))) accepted.push(codePoint);
  }
  return accepted;
}

const accepted = acceptedCodePoints();

// Each exhaustive pass takes a few seconds (more on a busy 2-core runner): a generous timeout.
describe('string-width fast path', { timeout: 60_000 }, () => {
  it('accepts the text a chat is made of', () => {
    for (const text of [
      'Diane · CFO',
      '📊 Diane Okafor',
      'It’s “fine” — really…',
      'Привет, Ελλάδα',
      '日本語のテキスト',
      '한국어',
      '┌─┐ ⠋ → ✓',
    ]) {
      expect(takesFastPath(text), text).toBe(true);
    }
    // Clusters of several code points go to string-width.
    for (const text of ['✈️', '👩‍💼', 'e\u0301', '🇯🇵', '👍🏽', 'ﾊﾟ', 'क्ष']) expect(takesFastPath(text), text).toBe(false);
    expect(accepted.length).toBeGreaterThan(100_000);
  });

  it('accepts only code points that stand alone as a grapheme cluster', () => {
    // Tab and line ends are controls (CR LF is one cluster); they have no width either way.
    const joined = accepted.filter((codePoint) => {
      if (codePoint < 0x20) return false;
      const c = String.fromCodePoint(codePoint);
      return (
        clusterCount(`a${c}a`) !== 3 || clusterCount(`${c}${c}`) !== 2 || clusterCount(`😀${c}`) !== 2 || clusterCount(`${c}\u0301`) !== 1
      );
    });
    expect(joined.map((c) => c.toString(16))).toEqual([]);
  });

  it('gives the same width as string-width for every accepted code point, both ambiguity settings', () => {
    const differ: string[] = [];
    for (const codePoint of accepted) {
      const c = String.fromCodePoint(codePoint);
      for (const ambiguousIsNarrow of [true, false]) {
        if (stringWidthFastPath(c, { ambiguousIsNarrow }) !== stringWidth(c, { ambiguousIsNarrow }))
          differ.push(`${codePoint.toString(16)}/${ambiguousIsNarrow}`);
      }
    }
    expect(differ).toEqual([]);
  });

  it('gives the same width as string-width for mixed strings, with and without ANSI codes', () => {
    // A fixed-seed generator, so a failure names a string that can be replayed.
    let seed = 0x5eed;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const extras = [
      '\u0301',
      '\u200d',
      '\ufe0f',
      '🏽',
      '🇯',
      '🇵',
      '\x1b[31m',
      '\x1b[39m',
      '\x1b]8;;https://x\x07',
      '\t',
      '\n',
      '\u00ad',
      'ᄀ',
      'ᅡ',
    ];
    for (let i = 0; i < 5000; i++) {
      let text = '';
      const length = 1 + random(12);
      for (let j = 0; j < length; j++) {
        text += random(5) === 0 ? extras[random(extras.length)] : String.fromCodePoint(accepted[random(accepted.length)]!);
      }
      for (const options of [{}, { ambiguousIsNarrow: false }, { countAnsiEscapeCodes: true }]) {
        expect(stringWidthFastPath(text, options), JSON.stringify(text)).toBe(stringWidth(text, options));
      }
    }
  });

  it('handles what string-width handles at the edges', () => {
    expect(stringWidthFastPath('')).toBe(0);
    expect(stringWidthFastPath('plain ascii')).toBe(11);
    expect(stringWidthFastPath('\x1b[1m古\x1b[22m')).toBe(2);
    expect(stringWidthFastPath('\x1b[1m古\x1b[22m', { countAnsiEscapeCodes: true })).toBe(
      stringWidth('\x1b[1m古\x1b[22m', { countAnsiEscapeCodes: true }),
    );
    expect(stringWidthFastPath('…', { ambiguousIsNarrow: false })).toBe(2);
  });
});
