import { transformSync } from 'esbuild';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { regexLiteralsInAsciiWithMap } from '../../scripts/regex-literals-in-ascii.mjs';

type RawMap = SourceMapPayload;
const toAsciiWithMap = regexLiteralsInAsciiWithMap as (source: string, map: RawMap, file: string) => { code: string; map: RawMap };

// The escaper lengthens a line (é becomes \u00e9) after esbuild wrote the bundle's source map, and
// the bundle's lines are long (whitespace-minified): what follows an escaped regular expression on
// the same line must still map to where it was written, or a stack trace read through the map
// points at the wrong line.
describe('the source map of the ASCII bundle', () => {
  const source = [
    'export function clean(text) {',
    "  return text.replace(/[‘’“”–—é]/g, '').replace(/😀/gu, '');",
    '}',
    'export function afterwards(n) {',
    '  return n + 1;',
    '}',
  ].join('\n');

  it('maps what follows an escaped regular expression on the same line to where it was written', () => {
    const built = transformSync(source, { format: 'cjs', minifyWhitespace: true, sourcemap: 'external', sourcefile: 'src.js' });
    const map = JSON.parse(built.map) as RawMap;
    const { code, map: shifted } = toAsciiWithMap(built.code, map, 'bundle.cjs');
    expect(code).toMatch(/^[\x00-\x7f]*$/);
    const lines = code.split('\n');
    const line = lines.findIndex((l) => l.includes('function afterwards('));
    const column = lines[line]!.indexOf('afterwards(');
    // The escapes come first on that line, or this test would prove nothing.
    expect(lines[line]!.indexOf('\\u2018')).toBeGreaterThanOrEqual(0);
    expect(lines[line]!.indexOf('\\u2018')).toBeLessThan(column);
    const entry = new SourceMap(shifted).findEntry(line, column) as { originalLine: number; originalColumn: number };
    expect([entry.originalLine, entry.originalColumn]).toEqual([3, 'export function '.length]);
    // Code before the first escape is where it was.
    const before = new SourceMap(shifted).findEntry(line, lines[line]!.indexOf('clean(')) as { originalLine: number };
    expect(before.originalLine).toBe(0);
  });

  it('leaves the map as it was when nothing needed escaping', () => {
    const built = transformSync('export const f = (s) => s.replace(/a/g, "b");\n', { format: 'cjs', sourcemap: 'external' });
    const map = JSON.parse(built.map) as RawMap;
    expect(toAsciiWithMap(built.code, map, 'bundle.cjs').map.mappings).toBe(map.mappings);
  });
});
