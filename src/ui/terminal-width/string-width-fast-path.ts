// Ink measures and wraps every string with `string-width`. For text that is not plain ASCII it
// segments graphemes and tests each against `\p{RGI_Emoji}`, a regular expression whose first
// compilation alone costs 20-40 ms here: the chat's first frame (the persona's emoji, "·", "…")
// paid it before the prompt appeared. Model output is full of ’ “ — and every word of it then
// took the slow path too.
//
// Most non-ASCII text is made of code points that always stand alone as a grapheme cluster and
// are not emoji sequences: accented Latin, Greek, Cyrillic, punctuation, arrows, box drawing,
// CJK, Hangul syllables and single-code-point emoji. For such a code point string-width's answer
// is exactly its East Asian Width, so this module answers from that table and hands everything
// else (combining marks, joiners, variation selectors, flags, skin tones, other scripts) to
// string-width itself. test/ui/terminal-width proves the two agree on every code point the fast
// path accepts. The build points Ink's `string-width` imports here (scripts/build.mjs).
//
// string-width itself loads only when a string needs it: evaluating it builds its `\p{RGI_Emoji}`
// and visibility patterns, 30-70 ms measured, which every chat paid before its first frame
// although most chats never meet a cluster the fast path cannot measure.
import { createRequire } from 'node:module';
import type { Options } from 'string-width';
import stripAnsi from 'strip-ansi';
import { eastAsianWidth } from 'get-east-asian-width';

const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/**
 * Code points that form a grapheme cluster on their own, beyond ASCII. The ranges are whole
 * blocks; marks, joiners and other cluster-extending characters inside them are excluded by
 * CLUSTER_EXTENDING below. U+00AD (soft hyphen) and U+3164 (Hangul filler) are invisible and are
 * left to string-width.
 */
const STANDALONE_RANGES = [
  '\\u00a0-\\u00ac\\u00ae-\\u02ff', // Latin-1, Latin Extended-A/B, IPA, spacing modifiers
  '\\u0370-\\u04ff', // Greek, Cyrillic
  '\\u1e00-\\u1fff', // Latin Extended Additional, Greek Extended
  '\\u2010-\\u2027\\u2030-\\u205e', // punctuation (no zero-width, bidi or separator characters)
  '\\u2070-\\u20c0', // super- and subscripts, currency
  '\\u2100-\\u2bff', // letterlike, arrows, maths, technical, box drawing, shapes, symbols, braille
  '\\u2e80-\\u3163\\u3165-\\u9fff', // CJK radicals, punctuation, kana, Bopomofo, compatibility jamo, ideographs
  '\\uac00-\\ud7a3', // Hangul syllables
  '\\uf900-\\ufaff', // CJK compatibility ideographs
  '\\uff01-\\uff60\\uffe0-\\uffe6', // fullwidth forms
  '\\u{1f000}-\\u{1f1e5}\\u{1f200}-\\u{1f3fa}\\u{1f400}-\\u{1faff}', // emoji and symbols, without regional indicators and skin tones
  '\\u{20000}-\\u{3fffd}', // CJK extensions
].join('');

/** Printable ASCII, tab and line ends (controls: no width) and the standalone ranges. */
const STANDALONE_BLOCKS = new RegExp(`^[\\t\\n\\r\\u0020-\\u007e${STANDALONE_RANGES}]*$`, 'u');

/** All of ASCII (each a cluster of its own, but CR LF) and the standalone ranges: for segmenting. */
const ASCII_AND_STANDALONE_BLOCKS = new RegExp(`^[\\u0000-\\u007f${STANDALONE_RANGES}]*$`, 'u');

/**
 * The characters inside STANDALONE_RANGES that join the one before into a cluster (Grapheme_Extend
 * and spacing marks: combining Cyrillic signs, ideographic tone marks, kana voicing marks). Spelled
 * out rather than written \p{Grapheme_Extend}\p{Mc}: a property class loads ICU's property data
 * when first used, 6-8 ms of the chat's first frame. test/ui/terminal-width checks every accepted
 * code point over the whole of Unicode, so a Unicode version that adds one here fails it.
 */
const CLUSTER_EXTENDING = /[\u0483-\u0489\u302a-\u302f\u3099\u309a]/;

let stringWidth: ((text: string, options?: Options) => number) | undefined;
function slowStringWidth(text: string, options: Options): number {
  stringWidth ??= (createRequire(import.meta.url)('string-width') as typeof import('string-width')).default;
  return stringWidth(text, options);
}

/** Whether every code point of `text` (ANSI codes removed) stands alone and has its table width. */
export function takesFastPath(text: string): boolean {
  return STANDALONE_BLOCKS.test(text) && !CLUSTER_EXTENDING.test(text);
}

/** Whether each code point of `text` is a grapheme cluster of its own (control characters too, ANSI codes unstripped). */
export function segmentsByCodePoint(text: string): boolean {
  return ASCII_AND_STANDALONE_BLOCKS.test(text) && !CLUSTER_EXTENDING.test(text) && !text.includes('\r\n');
}

/** The width of a string in terminal columns: the same answer as `string-width`, faster. */
export default function stringWidthFastPath(input: string, options: Options = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  if (PRINTABLE_ASCII.test(input)) return input.length;
  const text = !options.countAnsiEscapeCodes && (input.includes('\x1b') || input.includes('\x9b')) ? stripAnsi(input) : input;
  if (!takesFastPath(text)) return slowStringWidth(input, options);
  const eastAsianOptions = { ambiguousAsWide: options.ambiguousIsNarrow === false };
  let width = 0;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    if (codePoint >= 0x20) width += eastAsianWidth(codePoint, eastAsianOptions);
  }
  return width;
}
