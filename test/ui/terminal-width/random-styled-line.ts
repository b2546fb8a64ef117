import { Chalk } from 'chalk';

// Deterministic pseudo-random terminal lines for the fast-path tests: runs of text wrapped in
// layers of styles (colours, bold/dim, resets, links, other escape codes), so a fast path can be
// held to its library on thousands of lines it was not written for.

export const styled = new Chalk({ level: 3 });

export const STYLES: ReadonlyArray<(text: string) => string> = [
  (t) => styled.bold(t),
  (t) => styled.dim.italic(t),
  (t) => styled.red(t),
  (t) => styled.bgBlue.white(t),
  (t) => styled.hex('#ff8800').italic(t),
  (t) => styled.ansi256(200)(t),
  (t) => styled.underline.bold.dim(t),
  (t) => `\x1b]8;;https://example.com\x07${t}\x1b]8;;\x07`,
  (t) => `\x1b[1;4m${t}\x1b[m`,
  (t) => `\x1b[1m${t}\x1b[0m`,
  (t) => `\x1b[2K${t}`,
  (t) => t,
];

/** A line of up to 8 runs, each a piece of one of `texts` (repeated, then cut) in 0-2 styles. */
export function randomStyledLine(seed: number, texts: readonly string[]): string {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  let line = '';
  for (let run = next(8); run >= 0; run--) {
    let piece = texts[next(texts.length)]!.repeat(1 + next(3)).slice(0, 1 + next(12));
    for (let layers = next(3); layers > 0; layers--) piece = STYLES[next(STYLES.length)]!(piece);
    line += piece;
  }
  return line;
}
