import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the launcher is plain JavaScript, without type declarations
import { cacheNameFor } from '../../bin/load-bundle.js';
import { tempDir, writeFile } from '../support/temp.js';

const LOADER = fileURLToPath(new URL('../../bin/load-bundle.js', import.meta.url));
const nameFor = cacheNameFor as (args: string[], onTerminal: boolean) => string;

/** The source of a small CommonJS bundle, like dist/cli.cjs; `firstLine` stands for the build's banner. */
function bundleSource(rounds = 10, firstLine = ''): string {
  return `${firstLine}
const double = require('./vendor/helper.cjs');
function work(n) { let total = 0; for (let i = 0; i < n; i++) total += double(i); return total; }
exports.main = (code) => { process.stdout.write(String(work(${rounds})) + ' ' + __filename + '\\n'); process.exitCode = code; };`;
}

/** A small CommonJS bundle with its own helper file, like dist/cli.cjs and dist/vendor/. */
function bundleFolder(source = bundleSource()): { dist: string; bundle: string; cacheDir: string } {
  const dist = tempDir();
  writeFile(join(dist, 'vendor', 'helper.cjs'), 'module.exports = (n) => n * 2;');
  const bundle = writeFile(join(dist, 'cli.cjs'), source);
  return { dist, bundle, cacheDir: join(dist, 'code-cache') };
}

/** Runs the bundle through the loader in a fresh process, as bin/persona.js does. */
function start(bundle: string, exitCode = 0) {
  const script = `import { loadBundle } from ${JSON.stringify(LOADER)}; loadBundle(${JSON.stringify(bundle)}, 'chat-tty').main(${exitCode});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

const cacheFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir) : []);

describe('loadBundle (the CLI bundle through V8 code cache)', () => {
  it('runs the bundle with require() beside it and writes a cache at exit, which the next start uses as it is', () => {
    const { bundle, cacheDir } = bundleFolder();
    const first = start(bundle);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(`90 ${bundle}\n`);
    expect(cacheFiles(cacheDir)).toEqual([`chat-tty-${process.version}-${process.arch}.bin`]);
    const cache = join(cacheDir, cacheFiles(cacheDir)[0]!);
    const written = statSync(cache).mtimeMs;
    const bytes = readFileSync(cache);
    // Accepted by V8, so not written again.
    expect(start(bundle).stdout).toBe(`90 ${bundle}\n`);
    expect(statSync(cache).mtimeMs).toBe(written);
    expect(readFileSync(cache).equals(bytes)).toBe(true);
  });

  it('does not run the code of another build of the same length from its cache (a new dist/ copied over an old one)', () => {
    // V8 checks a cache against the source's length only: this one would run work(10) for work(12).
    const before = bundleSource(10, '"use strict";// persona-build 1111111111111111');
    const after = bundleSource(12, '"use strict";// persona-build 2222222222222222');
    expect(after.length).toBe(before.length);
    const { bundle, cacheDir } = bundleFolder(before);
    expect(start(bundle).stdout).toBe(`90 ${bundle}\n`);
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    writeFileSync(bundle, after);
    expect(start(bundle).stdout).toBe(`132 ${bundle}\n`);
    // The old build's cache was replaced by the new one's, which the next start uses as it is.
    const cache = join(cacheDir, cacheFiles(cacheDir)[0]!);
    const written = statSync(cache).mtimeMs;
    expect(start(bundle).stdout).toBe(`132 ${bundle}\n`);
    expect(statSync(cache).mtimeMs).toBe(written);
    expect(cacheFiles(cacheDir)).toHaveLength(1);
  });

  it('replaces a cache V8 refuses (damaged, or from other flags) and still runs', () => {
    const { bundle, cacheDir } = bundleFolder();
    writeFile(join(cacheDir, `chat-tty-${process.version}-${process.arch}.bin`), 'not a code cache');
    const run = start(bundle);
    expect(run.stdout).toBe(`90 ${bundle}\n`);
    const cache = readFileSync(join(cacheDir, cacheFiles(cacheDir)[0]!));
    expect(cache.toString('latin1')).not.toBe('not a code cache');
    expect(cache.length).toBeGreaterThan(16);
  });

  it('leaves no cache behind after a mistyped command line (exit code 2), and none is left half-written', () => {
    const { bundle, cacheDir } = bundleFolder();
    const run = start(bundle, 2);
    expect(run.status).toBe(2);
    expect(cacheFiles(cacheDir)).toEqual([]);
    start(bundle, 1);
    expect(cacheFiles(cacheDir)).toHaveLength(1);
    expect(cacheFiles(cacheDir)[0]).toMatch(/\.bin$/);
  });

  it("removes the command's caches for other Node versions when it writes its own, and keeps other commands'", () => {
    const { bundle, cacheDir } = bundleFolder();
    const mine = `chat-tty-${process.version}-${process.arch}.bin`;
    for (const old of ['chat-tty-v18.20.4-x64.bin', 'chat-tty-v22.1.0-arm64.bin', 'chat-v18.20.4-x64.bin', 'ask-tty-v18.20.4-x64.bin'])
      writeFile(join(cacheDir, old), 'an old cache');
    start(bundle);
    expect(cacheFiles(cacheDir).sort()).toEqual(['ask-tty-v18.20.4-x64.bin', 'chat-v18.20.4-x64.bin', mine].sort());
  });

  it('runs without a cache where it cannot write one (an install it may not change)', () => {
    const { bundle, cacheDir } = bundleFolder();
    // Root may write anywhere, so a file where the folder should be stands in for a read-only install.
    writeFileSync(cacheDir, '');
    const run = start(bundle);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`90 ${bundle}\n`);
    expect(run.stderr).toBe('');
  });

  it('leaves no half-written cache behind when the disk refuses it (full, or over a size limit)', () => {
    const { bundle, cacheDir } = bundleFolder();
    // A file-size limit of 512 bytes makes the write fail part-way, as a full disk does.
    const script = `import { loadBundle } from ${JSON.stringify(LOADER)}; loadBundle(${JSON.stringify(bundle)}, 'ask').main(0);`;
    const run = spawnSync('/bin/sh', ['-c', 'ulimit -f 1 && exec "$0" "$@"', process.execPath, '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`90 ${bundle}\n`);
    expect(cacheFiles(cacheDir)).toEqual([]);
  });

  it('says how to build the CLI when dist/ is missing (a checkout pulled without building)', () => {
    const checkout = tempDir();
    cpSync(fileURLToPath(new URL('../../bin', import.meta.url)), join(checkout, 'bin'), { recursive: true });
    writeFile(join(checkout, 'package.json'), '{"type":"module","version":"1.2.3"}');
    const run = spawnSync(process.execPath, [join(checkout, 'bin', 'persona.js'), 'personas', 'list'], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `persona: the built CLI (${join(checkout, 'dist', 'cli.cjs')}) is missing; run \`npm run build\` (or \`npm install\`) in ${checkout}\n`,
    );
    // --version needs no build.
    expect(spawnSync(process.execPath, [join(checkout, 'bin', 'persona.js'), '--version'], { encoding: 'utf8' }).stdout).toBe('1.2.3\n');
  });

  it("with PERSONA_DEBUG set, names the source files and lines of a stack trace (through the bundle's source map)", () => {
    const checkout = tempDir();
    cpSync(fileURLToPath(new URL('../../bin', import.meta.url)), join(checkout, 'bin'), { recursive: true });
    writeFile(join(checkout, 'package.json'), '{"type":"module","version":"1.2.3"}');
    const source = [
      'export function main() {',
      '  return fail();',
      '}',
      'function fail() {',
      "  throw new Error('deep inside');",
      '}',
    ].join('\n');
    const built = transformSync(source, { format: 'cjs', minifyWhitespace: true, sourcemap: 'external', sourcefile: '../src/app.ts' });
    writeFile(join(checkout, 'dist', 'cli.cjs'), `${built.code}//# sourceMappingURL=cli.cjs.map\n`);
    writeFile(join(checkout, 'dist', 'cli.cjs.map'), built.map);
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, [join(checkout, 'bin', 'persona.js'), 'personas', 'list'], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
    const debug = run({ PERSONA_DEBUG: '1' });
    expect(debug.status).toBe(1);
    expect(debug.stderr).toContain('deep inside');
    expect(debug.stderr).toMatch(/at fail \(.*[\\/]src[\\/]app\.ts:5:\d+\)/);
    expect(debug.stderr).toMatch(/at (Object\.)?main \(.*[\\/]src[\\/]app\.ts:2:\d+\)/);
  });

  it('runs from a folder whose path has a space and a percent sign (a URL path would be escaped)', () => {
    const install = join(tempDir(), 'my apps 100%', 'persona-chat');
    for (const part of ['bin', 'dist', 'personas', 'package.json'])
      cpSync(fileURLToPath(new URL(`../../${part}`, import.meta.url)), join(install, part), { recursive: true });
    symlinkSync(fileURLToPath(new URL('../../node_modules', import.meta.url)), join(install, 'node_modules'));
    const run = spawnSync(process.execPath, [join(install, 'bin', 'persona.js'), 'personas', 'list'], {
      encoding: 'utf8',
      env: { ...process.env, PERSONA_HOME: tempDir() },
    });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^cfo +.*Diane Kowalczyk/m);
  });

  it('keeps one cache per command and kind of terminal', () => {
    expect(nameFor([], true)).toBe('chat-tty');
    expect(nameFor(['chat', 'cfo', '--continue'], true)).toBe('chat-tty');
    expect(nameFor(['ask', 'cfo', 'hello'], false)).toBe('ask');
    expect(nameFor(['--help'], false)).toBe('options');
    expect(nameFor(['../../etc/passwd'], false)).toBe('other');
    expect(nameFor(['Chat'], false)).toBe('other');
  });
});
