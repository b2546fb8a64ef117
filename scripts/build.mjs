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

// yoga-layout (Ink's layout engine) embeds its WebAssembly as a data: URL and, when a global fetch
// exists, loads it through fetch(). On Node that first fetch() pulls in undici: measured ~30 ms of
// every Ink start-up, a fifth of the chat's first frame. Shadowing `fetch` inside the loader makes
// it take its own synchronous base64 path, which yields the same bytes. The build fails if the
// loader changes shape, so a yoga upgrade cannot silently undo this.
const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const anchor = 'var _scriptDir = import.meta.url;';
      if (!source.includes(anchor) || !source.includes('"function"!=typeof fetch')) {
        throw new Error(`yoga-without-fetch: ${args.path} no longer has the expected loader; review the patch`);
      }
      return { contents: source.replace(anchor, `${anchor} var fetch;`), loader: 'js' };
    });
  },
};

// Ink and its wrapping helpers measure every string with string-width, whose first non-ASCII
// string costs 20-40 ms (see src/ui/terminal-width/string-width-fast-path.ts). Their imports go to
// our fast path, which answers the same and hands complex clusters back to string-width. The build
// fails if one of them stops importing string-width, so an Ink upgrade cannot silently bypass it.
const fastPath = new URL('../src/ui/terminal-width/string-width-fast-path.ts', import.meta.url).pathname;
const stringWidthUsers = ['ink', 'wrap-ansi', 'widest-line', 'cli-truncate'];
const stringWidthFastPath = {
  name: 'string-width-fast-path',
  setup(b) {
    const redirected = new Set();
    b.onResolve({ filter: /^string-width$/ }, (args) => {
      if (args.importer === fastPath) return undefined;
      const user = stringWidthUsers.find((name) => args.importer.includes(`${'/'}node_modules${'/'}${name}${'/'}`));
      if (user) redirected.add(user);
      return { path: fastPath };
    });
    b.onEnd((result) => {
      const missing = stringWidthUsers.filter((name) => !redirected.has(name));
      if (result.errors.length === 0 && missing.length > 0) {
        throw new Error(`string-width-fast-path: ${missing.join(', ')} no longer import string-width; review the redirect`);
      }
    });
  },
};

// Ink turns every frame into text with @alcalzone/ansi-tokenize's styledCharsToString, which
// diffs the styles of every cell with the one before: tens of ms for a reopened chat's first
// frame. Ink's import goes to our copy (src/ui/terminal-width/styled-chars-fast-path.ts), which
// skips the diff between cells styled alike and answers the same. The build fails if Ink stops
// importing the library, so an Ink upgrade cannot silently bypass it.
const styledCharsFastPath = new URL('../src/ui/terminal-width/styled-chars-fast-path.ts', import.meta.url).pathname;
const ansiTokenizeFastPath = {
  name: 'ansi-tokenize-fast-path',
  setup(b) {
    let redirected = false;
    b.onResolve({ filter: /^@alcalzone\/ansi-tokenize$/ }, (args) => {
      if (!args.importer.includes(`${'/'}node_modules${'/'}ink${'/'}`)) return undefined;
      redirected = true;
      return { path: styledCharsFastPath };
    });
    b.onEnd((result) => {
      if (result.errors.length === 0 && !redirected)
        throw new Error('ansi-tokenize-fast-path: ink no longer imports @alcalzone/ansi-tokenize; review the redirect');
    });
  },
};

// Ink's text helpers create an Intl.Segmenter when they load, and the first one loads ICU's
// break-iterator data: 25-95 ms of every chat's first frame, for text that is nearly always ASCII.
// Theirs becomes ours (src/ui/terminal-width/grapheme-segmenter.ts), which answers ASCII itself
// and creates the real segmenter for anything else. The build fails if one of them changes shape.
const graphemeSegmenterPath = new URL('../src/ui/terminal-width/grapheme-segmenter.ts', import.meta.url).pathname;
const segmenterUsers = ['@alcalzone/ansi-tokenize/build/tokenize.js', 'slice-ansi/tokenize-ansi.js'];
const graphemeSegmenterOnDemand = {
  name: 'grapheme-segmenter-on-demand',
  setup(b) {
    const patched = new Set();
    const construction = /new Intl\.Segmenter\(undefined,\s*\{\s*granularity:\s*['"]grapheme['"]\s*\}\)/g;
    b.onLoad({ filter: /[\\/]node_modules[\\/].*tokenize(-ansi)?\.js$/ }, (args) => {
      const user = segmenterUsers.find((file) => args.path.replaceAll('\\', '/').endsWith(`/node_modules/${file}`));
      if (!user) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const found = source.match(construction)?.length ?? 0;
      if (found !== 1)
        throw new Error(`grapheme-segmenter-on-demand: ${user} creates ${found} grapheme segmenters, expected 1; review the patch`);
      patched.add(user);
      const contents = `import { graphemeSegmenter as __personaGraphemeSegmenter } from ${JSON.stringify(graphemeSegmenterPath)};\n${source.replace(construction, '__personaGraphemeSegmenter')}`;
      return { contents, loader: 'js' };
    });
    b.onEnd((result) => {
      const missing = segmenterUsers.filter((file) => !patched.has(file));
      if (result.errors.length === 0 && missing.length > 0)
        throw new Error(`grapheme-segmenter-on-demand: ${missing.join(', ')} no longer loaded; review the patch`);
    });
  },
};

// lowlight's entry re-exports `all` (192 grammars) beside `common` (37); we use `common` only, but
// esbuild cannot drop the other 155 from a re-export chain of CommonJS-shaped grammar modules:
// the chunk was 1.5 MB and cost hundreds of ms to load whenever the chat waited for it (a reopened
// session with code in it). `all` becomes empty; the build fails if lowlight stops importing it.
const lowlightCommonOnly = {
  name: 'lowlight-common-only',
  setup(b) {
    let replaced = false;
    b.onResolve({ filter: /^\.\/lib\/all\.js$/ }, (args) => {
      if (!args.importer.includes(`${'/'}node_modules${'/'}lowlight${'/'}`)) return undefined;
      replaced = true;
      return { path: 'lowlight-all', namespace: 'lowlight-all' };
    });
    b.onLoad({ filter: /.*/, namespace: 'lowlight-all' }, () => ({ contents: 'export const grammars = {};', loader: 'js' }));
    b.onEnd((result) => {
      if (result.errors.length === 0 && !replaced)
        throw new Error('lowlight-common-only: lowlight no longer imports ./lib/all.js; review the plugin');
    });
  },
};

// jsonc-parser's `main` is a UMD build whose modules require() each other by relative path at
// run time, which a bundle cannot follow ("Cannot find module './impl/format'"). Its ESM build is
// the same code with static imports: bundle that one.
const jsoncParserEsm = {
  name: 'jsonc-parser-esm',
  setup(b) {
    b.onResolve({ filter: /^jsonc-parser$/ }, () => ({
      path: new URL('../node_modules/jsonc-parser/lib/esm/main.js', import.meta.url).pathname,
    }));
  },
};

await build({
  plugins: [
    zodEnglishOnly,
    yogaWithoutFetch,
    stringWidthFastPath,
    ansiTokenizeFastPath,
    graphemeSegmenterOnDemand,
    jsoncParserEsm,
    lowlightCommonOnly,
  ],
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
  // react-devtools-core is an optional dev-only import of Ink. pg (PostgreSQL) is imported only
  // when a database URL is configured; it requires its optional native binding and Cloudflare
  // socket by name at run time, which a bundle cannot resolve, and bundling it would save nothing
  // for the commands that never load it. It is a dependency, so it is on disk wherever we are.
  external: ['better-sqlite3', 'node-record-lpcm16', 'react-devtools-core', 'pg'],
  define: { 'process.env.NODE_ENV': '"production"', __PERSONA_VERSION__: JSON.stringify(version) },
  // Bundled CommonJS dependencies call require(); give ESM chunks one.
  banner: {
    js: "import { createRequire as __personaCreateRequire } from 'node:module'; const require = __personaCreateRequire(import.meta.url);",
  },
});

rmSync(finalDir, { recursive: true, force: true });
renameSync(outdir, finalDir);
