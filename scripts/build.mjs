// Bundles the CLI with esbuild into one CommonJS file, dist/cli.cjs, which bin/load-bundle.js
// compiles through V8's code cache (Node 20 caches neither ES modules nor anything by itself).
// Measured: resolving ink+react and the SDKs from node_modules file by file costs ~1 s at start-up.
// Inside the bundle a command's modules still load lazily: esbuild wraps each import() target in an
// initializer run on first use, so `persona --version` never initializes Ink, the SDKs or SQLite.
// The bundle is whitespace-minified (names kept, with a source map): every start reads all of it.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { regexLiteralsInAsciiWithMap } from './regex-literals-in-ascii.mjs';

/** Stands for the build id in the bundle's first line until the bundle is complete (its hash is known). */
const UNNAMED_BUILD = '0'.repeat(16);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const finalDir = fileURLToPath(new URL('../dist/', import.meta.url));
// Build beside dist/ and swap at the end, so a failed build leaves the last working CLI in place.
const outdir = fileURLToPath(new URL('../dist.next/', import.meta.url));
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
      resolveDir: fileURLToPath(new URL('..', import.meta.url)),
    }));
  },
};

// yoga-layout (Ink's layout engine) embeds its WebAssembly as a data: URL and starts it with a
// top-level await, which a CommonJS bundle cannot hold (and which we need: see the end of this
// file). Its Emscripten loader takes an `instantiateWasm` hook; given one that compiles and
// instantiates synchronously, the whole start finishes before loadYoga() returns. Ink's imports of
// yoga-layout go to a module that does that, with the data: URL moved out of the loader's closure
// so it is decoded once and never fetched (fetch() would pull in undici: ~30 ms). The build fails
// if the loader changes shape, and the module throws if yoga ever stops starting synchronously.
const yogaRequire = createRequire(fileURLToPath(new URL('../node_modules/', import.meta.url)));
const yogaSrc = dirname(yogaRequire.resolve('yoga-layout'));
const yogaBinary = join(yogaSrc, '..', 'binaries', 'yoga-wasm-base64-esm.js');
const yogaSynchronous = {
  name: 'yoga-synchronous',
  setup(b) {
    b.onResolve({ filter: /^yoga-layout$/ }, () => ({ path: 'yoga-layout', namespace: 'yoga-synchronous' }));
    b.onLoad({ filter: /.*/, namespace: 'yoga-synchronous' }, () => ({
      resolveDir: yogaSrc,
      loader: 'js',
      contents: `
import loadYoga, { personaYogaWasmDataUrl } from ${JSON.stringify(yogaBinary)};
import wrapAssembly from './wrapAssembly.js';
export * from './generated/YGEnums.js';
const bytes = Buffer.from(personaYogaWasmDataUrl.slice(personaYogaWasmDataUrl.indexOf(',') + 1), 'base64');
const runtime = {
  instantiateWasm(imports, receiveInstance) {
    const compiled = new WebAssembly.Module(bytes);
    const instance = new WebAssembly.Instance(compiled, imports);
    receiveInstance(instance, compiled);
    return instance.exports;
  },
};
loadYoga(runtime).catch(() => {});
if (!runtime.calledRun) throw new Error('yoga-layout did not start synchronously; review the yoga-synchronous build plugin');
export default wrapAssembly(runtime);
`,
    }));
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const dataUrls = source.match(/"data:application\/octet-stream;base64,[A-Za-z0-9+/=]+"/g) ?? [];
      if (dataUrls.length !== 1 || !source.includes('h.instantiateWasm(')) {
        throw new Error(`yoga-synchronous: ${args.path} no longer has the expected loader; review the plugin`);
      }
      const contents = `export const personaYogaWasmDataUrl = ${dataUrls[0]};\n${source.replace(dataUrls[0], 'personaYogaWasmDataUrl')}`;
      return { contents, loader: 'js' };
    });
  },
};

// Ink's reconciler awaits at its top level, but only when DEV=true (to load React DevTools and its
// own package.json), and a CommonJS bundle cannot hold a top-level await. Without the awaits it
// behaves as it does when react-devtools-core is missing: the DevTools warning, then no DevTools.
const inkReconciler = {
  name: 'ink-reconciler-without-top-level-await',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const devtools = "await import('./devtools.js');";
      const packageJson = '? await loadPackageJson()';
      if (!source.includes(devtools) || !source.includes(packageJson)) {
        throw new Error(`ink-reconciler-without-top-level-await: ${args.path} changed shape; review the plugin`);
      }
      const contents = source
        .replace(devtools, "throw Object.assign(new Error('react-devtools-core is not bundled'), { code: 'ERR_MODULE_NOT_FOUND' });")
        .replace(packageJson, '? { name: undefined, version: undefined }');
      return { contents, loader: 'js' };
    });
  },
};

// Ink and its wrapping helpers measure every string with string-width, whose first non-ASCII
// string costs 20-40 ms (see src/ui/terminal-width/string-width-fast-path.ts). Their imports go to
// our fast path, which answers the same and hands complex clusters back to string-width. The build
// fails if one of them stops importing string-width, so an Ink upgrade cannot silently bypass it.
const fastPath = fileURLToPath(new URL('../src/ui/terminal-width/string-width-fast-path.ts', import.meta.url));
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
const styledCharsFastPath = fileURLToPath(new URL('../src/ui/terminal-width/styled-chars-fast-path.ts', import.meta.url));
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
const graphemeSegmenterPath = fileURLToPath(new URL('../src/ui/terminal-width/grapheme-segmenter.ts', import.meta.url));
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
      path: fileURLToPath(new URL('../node_modules/jsonc-parser/lib/esm/main.js', import.meta.url)),
    }));
  },
};

// Packages the CLI loads only on demand (a provider's SDK, the offline engine's language model, the
// server's WebSocket library, the code-block grammars, the CSV reader, the config store) are each
// bundled into a file of their own in dist/vendor/, required when first needed. Every start reads
// the whole CLI bundle: these would add 2.6 MB to it, while loaded from node_modules file by file
// an SDK costs 60-100 ms. They share no module state with the CLI (each is used from one place),
// so a second copy of a small helper they both bundle is harmless.
const onDemand = {
  openai: 'openai',
  '@anthropic-ai/sdk': 'anthropic',
  'wink-nlp': 'wink-nlp',
  lowlight: 'lowlight',
  ws: 'ws',
  'csv-parse/sync': 'csv-parse',
  conf: 'conf',
};
// An import of one becomes an import of a small module that re-exports the vendor file: esbuild
// then reads the file's exports as a bundler does (its `default` is the package's default export),
// where importing it straight from our ES modules would read them as Node does (`default` would be
// the whole module object, and `new OpenAI()` would fail).
const onDemandToVendor = {
  name: 'on-demand-packages-to-vendor',
  setup(b) {
    b.onResolve({ filter: /^[@a-z]/ }, (args) =>
      Object.hasOwn(onDemand, args.path) ? { path: onDemand[args.path], namespace: 'on-demand' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'on-demand' }, (args) => {
      const file = JSON.stringify(`./vendor/${args.path}.cjs`);
      return { contents: `export * from ${file};\nexport { default } from ${file};\n`, loader: 'js' };
    });
    b.onResolve({ filter: /^\.\/vendor\//, namespace: 'on-demand' }, (args) => ({ path: args.path, external: true }));
  },
};

await build({
  plugins: [
    onDemandToVendor,
    zodEnglishOnly,
    yogaSynchronous,
    inkReconciler,
    stringWidthFastPath,
    ansiTokenizeFastPath,
    graphemeSegmenterOnDemand,
    jsoncParserEsm,
  ],
  // The worker threads of `persona serve`, the offline engine's (src/providers/offline/compose-threads.ts)
  // and the SQLite store's (src/store/thread/threaded-store.ts), are bundles of their own: a thread starts from a file.
  entryPoints: {
    cli: 'src/cli/main.ts',
    'offline-compose': 'src/providers/offline/compose-thread.ts',
    'store-thread': 'src/store/thread/store-thread.ts',
  },
  outExtension: { '.js': '.cjs' },
  outdir,
  bundle: true,
  format: 'cjs',
  // import() of what stays outside the bundle (pg, the language model, the SDKs: all CommonJS)
  // becomes require(): code compiled by vm.Script, as bin/load-bundle.js does, has no import().
  supported: { 'dynamic-import': false },
  minifyWhitespace: true,
  minifySyntax: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  jsx: 'automatic',
  logLevel: 'warning',
  // Native addon and a module that resolves its recorder by module path: both must stay on disk.
  // react-devtools-core is an optional dev-only import of Ink. pg (PostgreSQL) is imported only
  // when a database URL is configured; it requires its optional native binding and Cloudflare
  // socket by name at run time, which a bundle cannot resolve, and bundling it would save nothing
  // for the commands that never load it. It is a dependency, so it is on disk wherever we are.
  // The offline engine's language model is 3.5 MB of data that Node loads faster from its own
  // package (~105 ms) than from a bundle of it (~140 ms), and only on the engine's first reply.
  external: ['better-sqlite3', 'node-record-lpcm16', 'react-devtools-core', 'pg', 'wink-eng-lite-web-model'],
  define: {
    'process.env.NODE_ENV': '"production"',
    __PERSONA_VERSION__: JSON.stringify(version),
    'import.meta.url': '__personaBundleUrl',
  },
  // Bundled ES modules that find files beside themselves read import.meta.url, which CommonJS
  // lacks: it becomes the bundle's own URL. The banner comes before esbuild's own "use strict",
  // which is then no directive, so it opens with one: the ES modules it is built from are strict
  // code. It ends with a placeholder for the build id (below).
  banner: {
    js: `"use strict";var __personaBundleUrl = require('node:url').pathToFileURL(__filename).href;// persona-build ${UNNAMED_BUILD}`,
  },
});

// Pure ASCII, the bundle is read as latin1 (bin/load-bundle.js): see regex-literals-in-ascii.mjs
// (its source map shifted to match). Its first line then names the build by a hash of its content:
// V8 checks a code cache against the source's length only, so bin/load-bundle.js keeps a cache to
// the build it was made from.
const bundlePath = join(outdir, 'cli.cjs');
const mapPath = `${bundlePath}.map`;
const { code: ascii, map } = regexLiteralsInAsciiWithMap(
  readFileSync(bundlePath, 'utf8'),
  JSON.parse(readFileSync(mapPath, 'utf8')),
  'dist/cli.cjs',
);
writeFileSync(mapPath, JSON.stringify(map));
const buildId = createHash('sha256').update(ascii, 'latin1').digest('hex').slice(0, UNNAMED_BUILD.length);
writeFileSync(bundlePath, ascii.replace(`// persona-build ${UNNAMED_BUILD}`, `// persona-build ${buildId}`));

await build({
  plugins: [lowlightCommonOnly],
  entryPoints: Object.fromEntries(Object.entries(onDemand).map(([specifier, file]) => [`vendor/${file}`, specifier])),
  outExtension: { '.js': '.cjs' },
  outdir,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  external: ['better-sqlite3', 'pg'],
  define: { 'process.env.NODE_ENV': '"production"' },
});
rmSync(finalDir, { recursive: true, force: true });
renameSync(outdir, finalDir);
