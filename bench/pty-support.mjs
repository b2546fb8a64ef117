// Shared by the chat benchmarks: the test suite's tmux terminal and wire server from plain node
// (one esbuild step each, into a temp folder), a fresh PERSONA_HOME, and process readings from /proc.
import { execFile } from 'node:child_process';
import { build } from 'esbuild';
import { writeFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** PERSONA_BENCH_BIN measures another build of the CLI (say, one with a dependency changed). */
export const BIN = process.env.PERSONA_BENCH_BIN ?? fileURLToPath(new URL('../bin/persona.js', import.meta.url));
export const ROOT = fileURLToPath(new URL('../', import.meta.url));

/**
 * Removes the measured CLI's V8 code caches (bin/load-bundle.js): its next start is a first start
 * after install. A CLI that exits normally writes them again.
 */
export function dropCodeCache() {
  rmSync(join(dirname(BIN), '..', 'dist', 'code-cache'), { recursive: true, force: true });
}

async function loadSupport(file) {
  const out = join(mkdtempSync(join(tmpdir(), 'persona-bench-')), file.replace(/\.ts$/, '.mjs'));
  await build({
    entryPoints: [join(ROOT, 'test/support', file)],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  return import(out);
}

export async function tmux() {
  return (await loadSupport('pty.ts')).TmuxTerminal;
}

export async function wireServer(options = {}) {
  return (await loadSupport('wire-server.ts')).startWireServer(options);
}

/**
 * A new PERSONA_HOME. The benchmarks measure rendering, not the product's limits: a seeded
 * 500-message session would otherwise sit behind the 10-messages-a-minute rate limit.
 */
export function freshHome() {
  const home = mkdtempSync(join(tmpdir(), 'persona-bench-home-'));
  writeFileSync(join(home, 'config.json'), JSON.stringify({ limits: { messagesPerMinute: 0, sessionBudgetUsd: 0, dailyBudgetUsd: 0 } }));
  return home;
}

/**
 * The environment a benchmark runs the CLI with: no keys or colour settings from the shell, and no
 * DATABASE_URL (the benchmarks measure the default, the SQLite file, unless one passes it in `extra`).
 * No NODE_EXTRA_CA_CERTS either: Node reads and parses that bundle when any process starts (45 ms
 * here, for the machine's 140-odd certificates), so it added the same 45 ms to the CLI and to the
 * baseline it is divided by, which made every start-up ratio look better than it is.
 */
export function cliEnv(extra = {}) {
  const env = { ...process.env, NO_UPDATE_NOTIFIER: '1', ...extra };
  for (const key of [
    'OPENAI_API_KEY',
    'ANTHROPIC_API_KEY',
    'OPENAI_BASE_URL',
    'ANTHROPIC_BASE_URL',
    'NO_COLOR',
    'FORCE_COLOR',
    'PERSONA_DEBUG',
    'DATABASE_URL',
    'NODE_EXTRA_CA_CERTS',
  ]) {
    if (!(key in extra)) env[key] = undefined;
  }
  return env;
}

/** The CLI's process in the terminal (the pane runs it under a wrapper that records its exit status). */
export function panePid(terminal) {
  return terminal.pid();
}

/** CPU time used so far by a process, in ms (user + system). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Peak resident memory of a process so far, in MB. */
export function peakRssMb(pid) {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmHWM:'));
  return Number(line.replace(/\D+/g, '')) / 1024;
}

/** The screen, read without blocking this process (the wire server shares its event loop). */
function screenAsync(terminal) {
  return new Promise((resolve, reject) =>
    execFile('tmux', ['-L', terminal.socket, 'capture-pane', '-p', '-t', 'main'], (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );
}

export async function waitFor(terminal, test, timeoutMs = 20_000, pollMs = 10) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = await screenAsync(terminal);
    if (test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out; the screen:\n${screen}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
