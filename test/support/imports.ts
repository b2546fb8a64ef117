import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// A small import scanner for the tests that guard the source tree's shape (layers, cycles, zod/mini).
// It reads `import … from`, `export … from`, side-effect imports and `import('…')` with a literal path:
// the only forms the code base uses. Paths are relative to src/ with forward slashes.

export const SRC = fileURLToPath(new URL('../../src/', import.meta.url));

const SPECIFIER = /\b(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export interface ImportOf {
  /** The importing file, relative to src/. */
  file: string;
  specifier: string;
  typeOnly: boolean;
  /** For a relative import: the file it resolves to, relative to src/ (undefined for packages). */
  target?: string;
}

export function sourceFiles(dir: string = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    })
    .sort();
}

export const fromSrc = (path: string): string => relative(SRC, path).split('\\').join('/');

/** `./x.js` in TypeScript source means `./x.ts` or `./x.tsx`. */
function resolveSource(file: string, specifier: string): string {
  const base = resolve(dirname(file), specifier);
  const candidates = [base.replace(/\.js$/, '.ts'), base.replace(/\.js$/, '.tsx'), base];
  return fromSrc(candidates.find((c) => existsSync(c)) ?? candidates[0]!);
}

export function importsOf(file: string): ImportOf[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(SPECIFIER)].map((m) => {
    const specifier = (m[2] ?? m[3])!;
    return {
      file: fromSrc(file),
      specifier,
      typeOnly: Boolean(m[1]),
      target: specifier.startsWith('.') ? resolveSource(file, specifier) : undefined,
    };
  });
}
