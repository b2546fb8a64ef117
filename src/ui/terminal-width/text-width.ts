// Display width of text in terminal columns, measured the way Ink measures it (string-width, via
// our fast path), so tables and the picker line up with what Ink lays out. Text is cut and broken
// between grapheme clusters, never inside one (an emoji with a skin tone stays whole).
import { graphemeSegmenter } from './grapheme-segmenter.js';
import stringWidth from './string-width-fast-path.js';

// ICU's segmenter loads only for text that is not ASCII (see grapheme-segmenter.ts).
const graphemes = graphemeSegmenter;

export function textWidth(text: string): number {
  return stringWidth(text);
}

function* clusters(text: string): Generator<string> {
  for (const { segment } of graphemes.segment(text)) yield segment;
}

/** Cuts text to at most `width` columns, ending with … when something was cut. */
export function fitWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const cluster of clusters(text)) {
    const w = stringWidth(cluster);
    if (used + w > width - 1) break;
    out += cluster;
    used += w;
  }
  return `${out}…`;
}

/** Pads text with spaces to exactly `width` columns (String#padEnd counts UTF-16 units, not columns). */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - textWidth(text)));
}

/** Word-wraps one line to `width` columns; words longer than a line are broken. */
export function wrapLine(text: string, width: number): string[] {
  const limit = Math.max(1, width);
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const word of text.split(/(\s+)/)) {
    if (!word) continue;
    const w = textWidth(word);
    if (used + w <= limit) {
      line += word;
      used += w;
      continue;
    }
    if (/^\s+$/.test(word)) {
      lines.push(line);
      line = '';
      used = 0;
      continue;
    }
    if (line.trim()) lines.push(line.trimEnd());
    line = '';
    used = 0;
    for (const cluster of clusters(word)) {
      const cw = stringWidth(cluster);
      if (used + cw > limit && line) {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += cluster;
      used += cw;
    }
  }
  lines.push(line.trimEnd());
  return lines;
}
