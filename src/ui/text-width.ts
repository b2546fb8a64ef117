// Display width of text in terminal columns: wide (East Asian) characters and emoji count two,
// combining marks and joiners none. Enough for laying out table columns and pickers.

const WIDE = /\p{Extended_Pictographic}|\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}|\p{Script=Hangul}|[\u3000-\u303f\uff01-\uff60]/u;
const ZERO = /\p{Mark}|[\u200d\ufe0e\ufe0f]|[\u{1f3fb}-\u{1f3ff}]/u;

export function charWidth(ch: string): number {
  if (ZERO.test(ch)) return 0;
  return WIDE.test(ch) ? 2 : 1;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += charWidth(ch);
  return width;
}

/** Cuts text to at most `width` columns, ending with … when something was cut. */
export function fitWidth(text: string, width: number): string {
  if (textWidth(text) <= width) return text;
  let out = '';
  let used = 0;
  for (const ch of text) {
    const w = charWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
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
    for (const ch of word) {
      const cw = charWidth(ch);
      if (used + cw > limit) {
        lines.push(line);
        line = '';
        used = 0;
      }
      line += ch;
      used += cw;
    }
  }
  lines.push(line.trimEnd());
  return lines;
}
