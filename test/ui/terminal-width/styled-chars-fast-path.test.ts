import { styledCharsFromTokens, styledCharsToString as library, tokenize } from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
import { styledCharsToString } from '../../../src/ui/terminal-width/styled-chars-fast-path.js';
import { randomStyledLine, styled } from './random-styled-line.js';

// Ink builds each frame's text with this function (the build redirects Ink's import to it). It
// must give exactly what the library gives, for any mix of styles, or frames would differ.

const cells = (line: string) => styledCharsFromTokens(tokenize(line));

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
      const line = randomStyledLine(seed, ['ab c', 'plain words', 'x']);
      expect(styledCharsToString(cells(line)), JSON.stringify(line)).toBe(library(cells(line)));
    }
  });

  it('gives the library text when cells are padded with unstyled spaces, as Ink pads a row', () => {
    const row = [...cells(styled.green('ok')), ...cells(' '.repeat(20))];
    expect(styledCharsToString(row)).toBe(library(row));
    expect(styledCharsToString([])).toBe(library([]));
  });
});
