import { styledCharsFromTokens, styledCharsToString as library, tokenize } from '@alcalzone/ansi-tokenize';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { styledCharsToString } from '../../../src/ui/terminal-width/styled-chars-fast-path.js';

// Ink builds each frame's text with this function (the build redirects Ink's import to it). It
// must give exactly what the library gives, for any mix of styles, or frames would differ.

const styled = new Chalk({ level: 3 });
const cells = (line: string) => styledCharsFromTokens(tokenize(line));

/** A deterministic pseudo-random line of styled runs: colours, bold/dim, resets, links. */
function randomLine(seed: number): string {
  let state = seed;
  const next = (n: number) => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state % n;
  };
  const styles = [
    (t: string) => styled.bold(t),
    (t: string) => styled.dim(t),
    (t: string) => styled.red(t),
    (t: string) => styled.bgBlue.white(t),
    (t: string) => styled.hex('#ff8800').italic(t),
    (t: string) => styled.underline.bold.dim(t),
    (t: string) => `\x1b]8;;https://example.com\x07${t}\x1b]8;;\x07`,
    (t: string) => `\x1b[1m${t}\x1b[0m`,
    (t: string) => t,
  ];
  let line = '';
  for (let run = next(8); run >= 0; run--) {
    const text = 'ab c'.repeat(1 + next(3)).slice(0, 1 + next(9));
    let piece = text;
    for (let layers = next(3); layers > 0; layers--) piece = styles[next(styles.length)]!(piece);
    line += piece;
  }
  return line;
}

describe('styledCharsToString fast path', () => {
  it('gives the library text for plain, styled and nested runs', () => {
    const lines = [
      '',
      ' '.repeat(100),
      'plain text',
      `${styled.bold('Diane')} · ${styled.dim('CFO')}   `,
      styled.red(`red ${styled.bold('bold red')} red`) + ' after',
      styled.bold.dim('both') + styled.bold('bold only') + styled.dim('dim only'),
      `\x1b[1mopen and never closed`,
      `${styled.bgGreen('   ')}${styled.bgGreen.black('x')}   `,
      `wide 日本語 ${styled.cyan('テキスト')} 📊`,
    ];
    for (const line of lines) expect(styledCharsToString(cells(line)), JSON.stringify(line)).toBe(library(cells(line)));
  });

  it('gives the library text for a thousand random lines of mixed styles', () => {
    for (let seed = 1; seed <= 1000; seed++) {
      const line = randomLine(seed);
      expect(styledCharsToString(cells(line)), JSON.stringify(line)).toBe(library(cells(line)));
    }
  });

  it('gives the library text when cells are padded with unstyled spaces, as Ink pads a row', () => {
    const row = [...cells(styled.green('ok')), ...cells(' '.repeat(20))];
    expect(styledCharsToString(row)).toBe(library(row));
    expect(styledCharsToString([])).toBe(library([]));
  });
});
