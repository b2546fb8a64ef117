import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { numberFlag, parseOptions } from '../../src/cli/options.js';
import { fromSrc, importsOf, sourceFiles } from '../support/imports.js';

// Start-up time: every command loads zod. The classic `zod` entry costs ~30 ms to load (a ~390 KB
// bundled chunk); `zod/mini` ~10 ms. One classic import anywhere on a command's path brings the
// whole classic chunk back, so schemas must use `zod/mini`.

const NOT_YET: RegExp[] = [];
/** Entries that load the classic API: `zod`, `zod/v4`, `zod/v4/classic`, `zod/v3`. */
const CLASSIC = /^zod(\/v4(\/classic)?|\/v3)?(\/index(\.js)?)?$/;

const checked = sourceFiles().filter((file) => !NOT_YET.some((re) => re.test(fromSrc(file))));
const imports = checked.flatMap(importsOf);

describe('zod/mini only (start-up time)', () => {
  it('finds the schema files it guards', () => {
    const miniUsers = imports.filter((i) => i.specifier === 'zod/mini').map((i) => i.file);
    expect(miniUsers).toEqual(expect.arrayContaining(['persona/schema.ts', 'core/config.ts', 'store/rows.ts', 'cli/options.ts']));
  });

  it('no file outside the work in progress imports the classic zod API', () => {
    const classic = imports.filter((i) => CLASSIC.test(i.specifier)).map((i) => `${i.file}: '${i.specifier}'`);
    expect(classic).toEqual([]);
  });

  it('every file using zod/mini at run time also loads core/zod-setup (English error messages)', () => {
    const missing = checked.filter((file) => {
      const own = importsOf(file);
      const usesMini = own.some((i) => i.specifier === 'zod/mini' && !i.typeOnly);
      return usesMini && !file.endsWith('zod-setup.ts') && !own.some((i) => /\/zod-setup\.js$/.test(i.specifier));
    });
    expect(missing.map(fromSrc)).toEqual([]);
  });

  it('mini schemas report English messages, as the classic API did', () => {
    expect(() => parseOptions(z.object({ limit: numberFlag(1, 5, true) }), { limit: '0' })).toThrow(
      '--limit: must be a whole number between 1 and 5',
    );
    expect(() => parseOptions(z.object({ size: z.number().check(z.minimum(1)) }), { size: 0 })).toThrow(
      '--size: Too small: expected number to be >=1',
    );
    expect(() => parseOptions(z.object({ name: z.string() }), { name: 3 })).toThrow(
      '--name: Invalid input: expected string, received number',
    );
  });
});
