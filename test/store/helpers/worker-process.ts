import { execFile, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'esbuild';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export interface WorkerProcess {
  /** Runs the worker in its own Node process and returns its JSON line. */
  run(args: string[], options?: { unprivileged?: boolean }): Promise<Record<string, unknown>>;
  /** Starts `hold <file> <ms>`; resolves once the lock is taken, with a promise for the exit. */
  holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }>;
  dispose(): void;
}

/** Root ignores file permissions; permission tests run the worker as `nobody` in that case. */
export const runningAsRoot = process.getuid?.() === 0;
export const NOBODY = 65534;

/**
 * Bundles test/store/helpers/store-worker.ts into a temporary .mjs. better-sqlite3 stays external
 * (a native addon cannot be bundled) and is imported by absolute path, so the bundle works from a
 * folder outside the project.
 */
export async function bundleStoreWorker(): Promise<WorkerProcess> {
  const dir = mkdtempSync(join(tmpdir(), 'persona-worker-'));
  chmodSync(dir, 0o755);
  const outfile = join(dir, 'store-worker.mjs');
  const addon = require.resolve('better-sqlite3');
  await build({
    entryPoints: [new URL('./store-worker.ts', import.meta.url).pathname],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'error',
    plugins: [
      {
        name: 'better-sqlite3-by-path',
        setup(b) {
          b.onResolve({ filter: /^better-sqlite3$/ }, () => ({ path: addon, external: true }));
        },
      },
    ],
  });
  chmodSync(outfile, 0o644);
  return {
    async run(args, options = {}) {
      const identity = options.unprivileged && runningAsRoot ? { uid: NOBODY, gid: NOBODY } : {};
      const { stdout } = await run(process.execPath, [outfile, ...args], { ...identity, timeout: 60_000 });
      return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    },
    holdWriteLock(file, ms) {
      const child = spawn(process.execPath, [outfile, 'hold', file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
      const released = new Promise<void>((resolve, reject) => {
        child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lock holder exited with ${code}`))));
      });
      return new Promise((resolve, reject) => {
        child.stdout.once('data', () => resolve({ released }));
        child.once('error', reject);
      });
    },
    dispose() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
