import { spawn } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Runs the BUILT CLI (bin/persona.js -> dist/), as a user would, with its own PERSONA_HOME.

export const BIN = fileURLToPath(new URL('../../bin/persona.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  home: string;
  input?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs?: number;
}

/** Variables a developer's shell may have that would change what the CLI does. */
const SCRUBBED = [
  'OPENAI_API_KEY',
  'ANTHROPIC_API_KEY',
  'OPENAI_BASE_URL',
  'ANTHROPIC_BASE_URL',
  'NO_COLOR',
  'FORCE_COLOR',
  'PERSONA_DEBUG',
  // npm's own variables make the CLI's hints say `npx persona` (see src/core/invocation.ts).
  'npm_command',
  'npm_lifecycle_event',
  // A PostgreSQL URL would put every command of the tests on that database.
  'DATABASE_URL',
];

let installedBin: string | undefined;

/**
 * A folder holding `persona` -> the built CLI, put first on PATH: the CLI runs as after a global
 * install, so its hints say `persona …` however the suite itself was started (npm, npx, node).
 */
function installedBinDir(): string {
  if (!installedBin) {
    installedBin = mkdtempSync(join(tmpdir(), 'persona-bin-'));
    symlinkSync(BIN, join(installedBin, 'persona'));
  }
  return installedBin;
}

export function runCli(args: string[], options: CliOptions): Promise<CliResult> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const key of SCRUBBED) delete env[key];
  env.PATH = [installedBinDir(), env.PATH].filter(Boolean).join(delimiter);
  Object.assign(env, { PERSONA_HOME: options.home, NO_UPDATE_NOTIFIER: '1' }, options.env);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: env as NodeJS.ProcessEnv,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
