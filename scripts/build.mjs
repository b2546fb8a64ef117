// Bundles the CLI with esbuild. Measured: resolving ink+react and the SDKs from node_modules costs
// ~1 s at start-up; one bundle with code splitting loads only what a command imports, so
// `persona --version` and `persona personas list` never pay for Ink, the SDKs or SQLite.
import { build } from 'esbuild';
import { readFileSync, renameSync, rmSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const finalDir = new URL('../dist/', import.meta.url).pathname;
// Build beside dist/ and swap at the end, so a failed build leaves the last working CLI in place.
const outdir = new URL('../dist.next/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

// zod ships error messages in 40-odd languages and the classic API re-exports all of them; we use
// English only. Dropping the rest takes ~300 KB of source out of every command's start-up.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'/'}zod${'/'}`) ? { path: 'zod-locales', namespace: 'zod-locales' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: new URL('..', import.meta.url).pathname,
    }));
  },
};

await build({
  plugins: [zodEnglishOnly],
  entryPoints: { cli: 'src/cli/main.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  jsx: 'automatic',
  logLevel: 'warning',
  // Native addon and a module that resolves its recorder by module path: both must stay on disk.
  // react-devtools-core is an optional dev-only import of Ink.
  external: ['better-sqlite3', 'node-record-lpcm16', 'react-devtools-core'],
  define: { 'process.env.NODE_ENV': '"production"', __PERSONA_VERSION__: JSON.stringify(version) },
  // Bundled CommonJS dependencies call require(); give ESM chunks one.
  banner: {
    js: "import { createRequire as __personaCreateRequire } from 'node:module'; const require = __personaCreateRequire(import.meta.url);",
  },
});

rmSync(finalDir, { recursive: true, force: true });
renameSync(outdir, finalDir);
