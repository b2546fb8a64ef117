// Loads the bundled CLI (dist/cli.cjs) through V8's code cache, so a start-up does not parse and
// compile again the code the same command compiled last time: the largest part of a chat's first
// frame after Ink's own work. Node 20 has no such cache of its own (module.enableCompileCache
// arrived in 22.1), and none for ES modules, which is why the bundle is CommonJS.
//
// One cache per command and per kind of terminal (the chat's Ink screen needs other code than the
// chat in a pipe, or `persona ask`), kept beside the bundle so a rebuild, which replaces dist/,
// drops it. It is written at exit when it was missing or refused by V8 (another Node version or
// other V8 flags), unless the command line was wrong (exit code 2: a mistyped command leaves no
// file behind). A read-only install just runs without it.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** The cache a command line uses: its command word (or a stand-in) and whether it runs on a terminal. */
export function cacheNameFor(args, onTerminal) {
  const word = args.find((arg) => !arg.startsWith('-'));
  const command = word === undefined ? (args.length === 0 ? 'chat' : 'options') : /^[a-z][a-z-]{0,30}$/.test(word) ? word : 'other';
  return onTerminal ? `${command}-tty` : command;
}

/** Runs the CommonJS bundle at `bundlePath` and returns its exports. */
export function loadBundle(bundlePath, cacheName) {
  // The build makes the bundle pure ASCII, so latin1 reads it as UTF-8 would, and much faster.
  const source = readFileSync(bundlePath, 'latin1');
  const cachePath = join(dirname(bundlePath), 'code-cache', `${cacheName}-${process.version}-${process.arch}.bin`);
  const stale = (file) => file.startsWith(`${cacheName}-v`) && file.endsWith('.bin') && file !== basename(cachePath);
  // V8 checks a cache against the length of the source only, so a cache left by another build of
  // the same length (a new dist/ copied over an old one, a one-character fix) would run the old
  // build's code. Each cache starts with the build id it was made from; another build's is ignored
  // and replaced at exit.
  const header = Buffer.from(`${buildIdOf(source)}\n`, 'latin1');
  let cachedData;
  try {
    const file = readFileSync(cachePath);
    if (file.subarray(0, header.length).equals(header)) cachedData = file.subarray(header.length);
  } catch {
    // no cache yet: compiled from source, and the cache is written at exit
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', (code) => {
      if (code !== 2) saveCache(script, header, cachePath, stale);
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return module.exports;
}

/**
 * The build's content hash, which scripts/build.mjs writes at the end of the bundle's first line
 * (`// persona-build <hex>`); empty for a bundle without one.
 */
function buildIdOf(source) {
  const firstLine = source.slice(0, source.indexOf('\n'));
  return /\/\/ persona-build ([0-9a-f]+)$/.exec(firstLine)?.[1] ?? '';
}

/** Writes the cache, and removes the command's caches for other Node versions: none will be read again. */
function saveCache(script, header, cachePath, stale) {
  const partial = `${cachePath}.${process.pid}`;
  try {
    mkdirSync(dirname(cachePath), { recursive: true });
    writeFileSync(partial, Buffer.concat([header, script.createCachedData()]));
    renameSync(partial, cachePath);
    for (const file of readdirSync(dirname(cachePath)).filter(stale)) rmSync(join(dirname(cachePath), file), { force: true });
  } catch {
    // read-only install or full disk: the next start compiles from source, as without a cache.
    // A write that failed part-way leaves no file behind (every start would add another).
    try {
      rmSync(partial, { force: true });
    } catch {
      // nothing was written (a read-only install)
    }
  }
}
