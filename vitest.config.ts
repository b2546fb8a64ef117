import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every test file runs with HOME and PERSONA_HOME in a temp folder; writing under the real one fails.
    setupFiles: ['test/setup/home-guard.ts'],
    // `npm run coverage` only (not in npm test): which source lines the suite runs, as text and HTML.
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      reporter: ['text-summary', 'html'],
      reportsDirectory: 'coverage',
    },
  },
});
