import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

// Gives the PostgreSQL tests a server without slowing the other test files: this global setup only
// decides where PostgreSQL comes from. A throwaway cluster is started by the first test file that
// asks for one (test/support/postgres.ts), so a run without PostgreSQL tests never pays for initdb.
// At the end of the run, this stops that cluster and removes its folder.

/** Where the PostgreSQL tests get a server: given, started on demand, or nowhere (and why). */
export type PostgresSource =
  { kind: 'external'; url: string } | { kind: 'local'; dir: string; bin: string } | { kind: 'none'; reason: string };

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresSource;
  }
}

const SERVER_BINARIES = '/usr/lib/postgresql';

/** The newest installed server's bin folder (Debian's layout: /usr/lib/postgresql/<major>/bin). */
export function findServerBinaries(root = SERVER_BINARIES): string | undefined {
  if (!existsSync(root)) return undefined;
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] === undefined ? undefined : join(root, majors[0], 'bin');
}

function source(): PostgresSource {
  const given = process.env.PERSONA_TEST_DATABASE_URL;
  if (given) return { kind: 'external', url: given };
  const bin = findServerBinaries();
  if (bin) return { kind: 'local', dir: mkdtempSync(join(tmpdir(), 'persona-pg-')), bin };
  return {
    kind: 'none',
    reason: `no PostgreSQL for the tests: set PERSONA_TEST_DATABASE_URL, or install the server (apt-get install postgresql) so ${SERVER_BINARIES}/*/bin/initdb exists`,
  };
}

export default function setup(project: TestProject): () => void {
  const postgres = source();
  project.provide('postgres', postgres);
  return () => {
    if (postgres.kind !== 'local') return;
    const data = join(postgres.dir, 'data');
    if (existsSync(join(data, 'postmaster.pid'))) {
      const stop = [join(postgres.bin, 'pg_ctl'), '-D', data, '-m', 'immediate', '-w', 'stop'];
      try {
        if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', ...stop], { stdio: 'ignore' });
        else execFileSync(stop[0]!, stop.slice(1), { stdio: 'ignore' });
      } catch {
        // Already stopped: nothing to do but remove the folder.
      }
    }
    rmSync(postgres.dir, { recursive: true, force: true });
  };
}
