import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { BIN } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

// A real `persona serve` (the built CLI) on a free loopback port, with its own PERSONA_HOME and
// no API keys: the offline engine answers. Stopped after each test.

export interface ServeProcess {
  url: string;
  home: string;
  child: ChildProcess;
  stderr(): string;
  /** SIGTERM, and the exit code. */
  stop(): Promise<number | null>;
}

const started: ServeProcess[] = [];

afterEach(async () => {
  for (const serve of started.splice(0)) if (serve.child.exitCode === null && serve.child.signalCode === null) await serve.stop();
});

/** `extraEnv`: e.g. DATABASE_URL, to put the server's history on PostgreSQL. */
export async function startServeProcess(
  args: string[] = [],
  config?: Record<string, unknown>,
  extraEnv: Record<string, string> = {},
): Promise<ServeProcess> {
  const home = tempDir('persona-serve-proc-');
  if (config) writeFileSync(join(home, 'config.json'), JSON.stringify(config));
  const env: NodeJS.ProcessEnv = { ...process.env, PERSONA_HOME: home };
  for (const key of [
    'OPENAI_API_KEY',
    'ANTHROPIC_API_KEY',
    'OPENAI_BASE_URL',
    'ANTHROPIC_BASE_URL',
    'PERSONA_SERVER_TOKEN',
    'DATABASE_URL',
    'PERSONA_STORE_THREAD',
  ])
    delete env[key];
  Object.assign(env, extraEnv);
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--quiet', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!.trim());
    });
    child.on('close', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
  });
  const serve: ServeProcess = {
    url,
    home,
    child,
    stderr: () => stderr,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  started.push(serve);
  return serve;
}
