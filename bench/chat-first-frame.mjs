// (1) Time to the first interactive frame of `persona chat cfo` in a pseudo-terminal, against a
// one-frame Ink hello-world bundle built in the same run with the same esbuild settings.
// Target (issue 4): at most 1.3x. The terminal is `script` (util-linux): the program's output
// arrives on a pipe as it is written, so the moment the frame appears is measured directly.
import { spawn } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { median, report } from './stats.mjs';
import { BIN, ROOT, cliEnv, dropCodeCache, freshHome } from './pty-support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);

/**
 * A one-frame Ink hello world, bundled by esbuild as an ES module (as Ink apps ship): the baseline
 * the chat benchmarks divide by. The CLI is built otherwise (scripts/build.mjs: CommonJS, run
 * through V8's code cache), which is part of what they measure.
 */
export async function buildHelloWorld() {
  const dir = mkdtempSync(join(tmpdir(), 'persona-hello-'));
  const entry = join(dir, 'hello.mjs');
  writeFileSync(
    entry,
    "import { render, Text } from 'ink'; import { createElement } from 'react'; render(createElement(Text, null, 'hello, ready'));\n",
  );
  await build({
    entryPoints: { hello: entry },
    outdir: join(dir, 'out'),
    nodePaths: [join(ROOT, 'node_modules')],
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    external: ['react-devtools-core'],
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  return join(dir, 'out', 'hello.js');
}

/**
 * Milliseconds from spawn until `marker` (or every one of several) appears in what the program
 * draws. The program is then killed, or with `quit: true` asked to stop (SIGTERM, as a closed
 * terminal does) and waited for: a CLI that stops normally writes its code cache at exit.
 */
export function timeToFrame(args, marker, env, { quit = false } = {}) {
  const markers = [marker].flat();
  return new Promise((resolve, reject) => {
    // A 100x30 terminal; `exec` so the program is the pty's foreground process.
    const command = `stty rows 30 cols 100; exec ${[process.execPath, ...args].map((a) => `'${a}'`).join(' ')}`;
    const start = process.hrtime.bigint();
    const child = spawn('script', ['-qfec', command, '/dev/null'], { env, stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    let seen = '';
    const timer = setTimeout(() => finish(new Error(`no frame with ${JSON.stringify(markers)} in 15 s:\n${seen}`)), 15_000);
    const finish = (error, ms) => {
      clearTimeout(timer);
      if (quit && !error) {
        const killer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(killer);
          resolve(ms);
        });
        process.kill(-child.pid, 'SIGTERM');
        return;
      }
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
      if (error) reject(error);
      else resolve(ms);
    };
    child.stdout.on('data', (chunk) => {
      seen += chunk.toString('utf8');
      if (markers.every((m) => seen.includes(m))) finish(undefined, Number(process.hrtime.bigint() - start) / 1e6);
    });
    child.on('error', (e) => finish(e));
  });
}

export async function run() {
  const hello = await buildHelloWorld();
  const home = freshHome();
  const env = cliEnv({ PERSONA_HOME: home });
  const helloTimes = [];
  const chatTimes = [];
  const firstStartTimes = [];
  // The prompt's placeholder (its first letter is under the drawn cursor, styled apart).
  const chat = (options) => timeToFrame([BIN, 'chat', 'cfo'], 'essage Diane', env, options);
  // A first start after install: no code cache (killed, so it writes none).
  dropCodeCache();
  for (let i = 0; i < RUNS; i++) firstStartTimes.push(await chat());
  // Two warm-up starts that quit as a user does, writing the cache; then the measured ones.
  for (let i = 0; i < RUNS + 2; i++) {
    const h = await timeToFrame([hello], 'hello, ready', env);
    const c = await chat({ quit: i < 2 });
    if (i >= 2) {
      helloTimes.push(h);
      chatTimes.push(c);
    }
  }
  return report('chat: time to first interactive frame', median(helloTimes), [
    { name: 'persona chat cfo (prompt drawn)', ms: median(chatTimes), target: 1.3 },
    { name: 'the same, no code cache (first start)', ms: median(firstStartTimes) },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
