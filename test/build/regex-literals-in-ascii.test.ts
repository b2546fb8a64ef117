import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { regexLiteralsInAscii } from '../../scripts/regex-literals-in-ascii.mjs';

const toAscii = regexLiteralsInAscii as (source: string, file: string) => string;

/** Evaluates a JavaScript expression (here, a regular-expression literal). */
function evaluate(expression: string): RegExp {
  return new Function(`return ${expression};`)() as RegExp;
}

describe('regexLiteralsInAscii (the CLI bundle is read as latin1, so it must be ASCII)', () => {
  const samples = ['it’s', 'don’t “quoted”', 'a – b — c', 'naïve café', 'x 😀 y', '😀', 'plain', 'a\\–b', '\\'];

  it.each([
    '/[’‘]/g',
    '/^["“\']|["”\']$/g',
    '/[\\-\\–\\—]/g', // identity escapes of non-ASCII characters, as wink-nlp writes them
    '/\\\\–/', // an escaped backslash, then the character itself
    '/(?:’s)?(?![\\p{L}\\p{N}_])/u',
    '/😀+/u',
    '/[😀]/u', // with u, one code point in the class: an escaped pair must stay one
    '/😀/',
    '/caf[é]/i',
  ])('keeps %s matching exactly what it matched', (literal) => {
    const ascii = toAscii(`const r = ${literal};`, 'sample.js');
    expect(ascii).toMatch(/^[\x00-\x7f]*$/);
    const before = evaluate(literal);
    const after = evaluate(ascii.slice('const r = '.length, -1));
    expect(after.flags).toBe(before.flags);
    for (const sample of samples) expect([sample, sample.replace(after, '#')]).toEqual([sample, sample.replace(before, '#')]);
  });

  it('escapes a comment and leaves ASCII code as it was', () => {
    const code = 'let a = 1; // – a dash\nconst b = /x/g; /* “q” */';
    expect(toAscii(code, 'c.js')).toBe('let a = 1; // \\u2013 a dash\nconst b = /x/g; /* \\u201cq\\u201d */');
  });

  it('refuses a character outside ASCII anywhere else, naming the file and line', () => {
    expect(() => toAscii('let a = 1;\nconst s = "café";', 'dist/cli.cjs')).toThrow(/dist\/cli\.cjs:2: .*outside ASCII/);
    expect(() => toAscii('const t = String.raw`–`;', 'x.js')).toThrow(/x\.js:1/);
  });
});
