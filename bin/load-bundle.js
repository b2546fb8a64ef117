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
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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
  let cachedData;
  try {
    cachedData = readFileSync(cachePath);
  } catch {
    // no cache yet: compiled from source, and the cache is written at exit
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  if (cachedData === undefined || script.cachedDataRejected) {
    process.once('exit', (code) => {
      if (code !== 2) saveCache(script, cachePath);
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return module.exports;
}

function saveCache(script, cachePath) {
  const partial = `${cachePath}.${process.pid}`;
  try {
    mkdirSync(dirname(cachePath), { recursive: true });
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cachePath);
  } catch {
    // read-only install or full disk: the next start compiles from source, as without a cache
  }
}
