import { config, globalRegistry, locales, type ZodMiniType } from 'zod/mini';

// Schemas are written with `zod/mini`, not the classic `zod` API: the classic entry costs ~30 ms of
// every command's start-up to load, mini ~10 ms (test/core/zod-mini-only.test.ts keeps it so). Each
// schema file imports `* as z from 'zod/mini'` itself: a `z` re-exported from here would defeat the
// bundler's tree-shaking (~35 KB of zod becomes ~350 KB).
// Unlike the classic API, mini registers no error messages, and every issue would read "Invalid
// input"; every schema file imports this module, so the English ones are set before any parse.
config(locales.en());

/**
 * A copy of `schema` carrying `description` (shown in the JSON Schema), like classic `.describe()`:
 * a copy, so describing a schema shared by several fields leaves the others as they were.
 */
export function described<T extends ZodMiniType>(schema: T, description: string): T {
  const copy = schema.clone();
  globalRegistry.add(copy, { description });
  return copy;
}
