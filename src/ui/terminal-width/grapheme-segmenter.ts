// Creating the first Intl.Segmenter loads ICU's break-iterator data: 25-95 ms measured here. Ink's
// text helpers (@alcalzone/ansi-tokenize, slice-ansi) and our own width and editor modules each
// created one when they loaded, so every chat paid that before its first frame, although nearly
// all the text it draws needs no segmenter: ASCII (each character a cluster of its own, but CR
// LF; UAX #29 GB3-GB5) and the blocks the width fast path knows to stand alone (accented Latin,
// punctuation such as · and …, box drawing, CJK, single-code-point emoji).
//
// `graphemeSegmenter.segment(text)` segments such text itself, one code point a cluster, and
// creates the real segmenter the first time a text needs it. The build points those libraries at
// it (scripts/build.mjs); test/ui/terminal-width/grapheme-segmenter.test.ts holds it to Intl.Segmenter.
import { segmentsByCodePoint } from './string-width-fast-path.js';

let real: Intl.Segmenter | undefined;

/** What the callers use of Intl.Segments: its iteration and `containing`. */
export interface GraphemeSegments extends Iterable<Intl.SegmentData> {
  containing(codeUnitIndex?: number): Intl.SegmentData | undefined;
}

const isHighSurrogate = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** The segments of a text whose every code point is a cluster of its own. */
class CodePointSegments implements GraphemeSegments {
  constructor(private readonly input: string) {}

  containing(codeUnitIndex?: number): Intl.SegmentData | undefined {
    let index = Math.trunc(Number(codeUnitIndex ?? 0)) || 0;
    if (index < 0 || index >= this.input.length) return undefined;
    // Inside an astral character (a surrogate pair): the cluster starts at its first half.
    if (index > 0 && isLowSurrogate(this.input.charCodeAt(index))) index--;
    return { segment: String.fromCodePoint(this.input.codePointAt(index)!), index, input: this.input };
  }

  // A plain iterator rather than a generator over the string's code points: Ink walks every cell
  // of a frame through this, and a generator costs several times as much before V8 optimises it
  // (measured: 9 ms of a reopened chat's first frame). A surrogate pair is one code point, a lone
  // surrogate one of its own, as the string iterator has them.
  [Symbol.iterator](): IterableIterator<Intl.SegmentData> {
    const input = this.input;
    let index = 0;
    const iterator: IterableIterator<Intl.SegmentData> = {
      next(): IteratorResult<Intl.SegmentData> {
        if (index >= input.length) return { done: true, value: undefined };
        const unit = input.charCodeAt(index);
        const size = isHighSurrogate(unit) && isLowSurrogate(input.charCodeAt(index + 1)) ? 2 : 1;
        const value = { segment: size === 1 ? input[index]! : input.slice(index, index + 2), index, input };
        index += size;
        return { done: false, value };
      },
      [Symbol.iterator]: () => iterator,
    };
    return iterator;
  }
}

/** A grapheme segmenter that loads ICU's data only for text that needs it. */
export const graphemeSegmenter = {
  segment(text: string): GraphemeSegments {
    const input = String(text);
    if (segmentsByCodePoint(input)) return new CodePointSegments(input);
    real ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    return real.segment(input);
  },
};
