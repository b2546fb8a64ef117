import { tokenize as library } from '@alcalzone/ansi-tokenize';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/ui/terminal-width/tokenize-fast-path.js';
import { randomStyledLine, styled } from './random-styled-line.js';

const TEXTS = ['ab c', 'Diane · CFO', '日本語', '📊 ok', 'e\u0301', 'tab\there', 'cr\r\nlf', '\x9b31m', '\x1b[', '~!@#'];

// Ink splits each line of a frame into cells with this function (the build redirects Ink's import
// to it). It must give exactly the library's tokens for any line, or frames would differ.

describe('tokenize fast path', () => {
  it('gives the library tokens for the lines of a chat frame', () => {
    const lines = [
      '',
      ' '.repeat(100),
      'plain text, with punctuation: (a) [b] {c} ~!',
      `${styled.bold('Diane')} - ${styled.dim('CFO')}   `,
      styled.red(`red ${styled.bold('bold red')} red`) + ' after',
      styled.rgb(10, 20, 30).bgRgb(200, 100, 0)('true colour'),
      '\x1b[mreset with no parameters',
      '\x1b[1mopen and never closed',
      'a lone escape at the end \x1b',
      'an unfinished code \x1b[31',
      'not a colour code \x1b[2J cleared',
    ];
    for (const line of lines) expect(tokenize(line), JSON.stringify(line)).toEqual(library(line));
  });

  it('gives the library tokens for two thousand random lines', () => {
    for (let seed = 1; seed <= 2000; seed++) {
      const line = randomStyledLine(seed, TEXTS);
      expect(tokenize(line), JSON.stringify(line)).toEqual(library(line));
    }
  });

  it('stops where the library stops when asked for a number of visible cells', () => {
    const line = `${styled.green('abcdef')}ghij`;
    for (const endChar of [0, 1, 3, 6, 8, 20]) expect(tokenize(line, endChar)).toEqual(library(line, endChar));
  });

  it('hands out fresh tokens, so a caller changing one cannot change the next line', () => {
    const first = tokenize(styled.bold('x'));
    (first[0] as { code: string }).code = 'changed';
    expect(tokenize(styled.bold('x'))).toEqual(library(styled.bold('x')));
  });
});
