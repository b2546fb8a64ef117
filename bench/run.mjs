// `npm run bench`: every benchmark, each measured against a baseline in the same run.
import { readdirSync } from 'node:fs';

const dir = new URL('./', import.meta.url);
let ok = true;
const { benchStartup } = await import('./startup.mjs');
ok = benchStartup() && ok;
const { benchAsk } = await import('./ask.mjs');
ok = (await benchAsk()) && ok;
// Benchmarks of the chat UI (chat-*.mjs) and the HTTP server (serve-*.mjs); each exports `run()`.
for (const file of readdirSync(dir)
  .filter((f) => /^(chat|serve)-.*\.mjs$/.test(f))
  .sort()) {
  const mod = await import(new URL(file, dir).href);
  if (typeof mod.run === 'function') ok = (await mod.run()) && ok;
}
process.exitCode = ok ? 0 : 1;
