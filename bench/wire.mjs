// Starts the test suite's wire-format server from a plain node process: one esbuild step turns
// test/support/wire-server.ts (node built-ins only) into an .mjs in a temp folder.
import { build } from 'esbuild';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export async function startBenchWireServer(options = {}) {
  const out = join(mkdtempSync(join(tmpdir(), 'persona-wire-')), 'wire-server.mjs');
  await build({
    entryPoints: [fileURLToPath(new URL('../test/support/wire-server.ts', import.meta.url))],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'warning',
  });
  const { startWireServer } = await import(out);
  return startWireServer(options);
}
