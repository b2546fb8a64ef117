import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every test file runs with HOME and PERSONA_HOME in a temp folder; writing under the real one fails.
    setupFiles: ['test/setup/home-guard.ts'],
  },
});
