import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every test file runs with HOME and PERSONA_HOME in a temp folder; writing under the real one fails.
    setupFiles: ['test/setup/home-guard.ts'],
    // Says where the PostgreSQL tests get a server (test/support/postgres.ts starts it on first use),
    // and drops NODE_EXTRA_CA_CERTS, which costs every process start 45 ms (no-ca-bundle.ts).
    globalSetup: ['test/setup/postgres-cluster.ts', 'test/setup/no-ca-bundle.ts'],
    // Many tests start the built CLI as a child process: on a 2-core runner with every file running
    // in parallel, 5 s is too tight for a cold start plus the work, and a timeout proves nothing.
    testTimeout: 30_000,
    // One file more than there are cores. Vitest's default (one fewer) ran one file at a time on a
    // 2-core runner, and most files wait on the child processes they start rather than compute:
    // measured on 2 cores, the suite took 429 s with one file at a time and 275 s with three.
    maxWorkers: availableParallelism() + 1,
    hookTimeout: 30_000,
    // `npm run coverage` only (not in npm test): which source lines the suite runs, as text and HTML.
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      reporter: ['text-summary', 'html'],
      reportsDirectory: 'coverage',
    },
  },
});
