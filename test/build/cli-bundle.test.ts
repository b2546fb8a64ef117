import { parse } from 'acorn';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The built CLI (npm run build; `npm test` builds before it runs the tests), as bin/persona.js
// loads it: a CommonJS script, not an ES module.
const bundle = readFileSync(new URL('../../dist/cli.cjs', import.meta.url), 'latin1');

describe('dist/cli.cjs (the bundled CLI)', () => {
  it('runs in strict mode, as the ES modules it is built from (and the tests) do', () => {
    // A "use strict" after the banner's first statement is an ordinary expression, not a
    // directive: the bundle's top-level functions (the sanitizer, error handling, zod) would run
    // in sloppy mode, where a write to a frozen object or an undeclared name fails silently.
    const program = parse(bundle, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true });
    const first = program.body[0];
    expect(first?.type).toBe('ExpressionStatement');
    expect(first?.type === 'ExpressionStatement' ? first.directive : undefined).toBe('use strict');
  });

  it('names its build on its first line, a hash of its content, so a code cache from another build is not used', () => {
    const firstLine = bundle.slice(0, bundle.indexOf('\n'));
    const id = /\/\/ persona-build ([0-9a-f]{16})$/.exec(firstLine)?.[1];
    expect(id).toBeDefined();
    const unnamed = bundle.replace(`// persona-build ${id}`, `// persona-build ${'0'.repeat(16)}`);
    expect(createHash('sha256').update(unnamed, 'latin1').digest('hex').slice(0, 16)).toBe(id);
  });
});
