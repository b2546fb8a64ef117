// Start-up: `persona --version` and `persona personas list` against bare `node -e ""`, measured
// in the same run. Targets (issue 2): --version <= 1.5x, personas list <= 2.5x.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report } from './stats.mjs';

const bin = fileURLToPath(new URL('../bin/persona.js', import.meta.url));
const env = { ...process.env, PERSONA_HOME: mkdtempSync(join(tmpdir(), 'persona-bench-')) };
// The default backend (the SQLite file) is what start-up is measured on.
delete env.DATABASE_URL;
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

function time(args) {
  const samples = [];
  for (let i = 0; i < RUNS + 3; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
    if (i >= 3) samples.push(ms); // the first runs warm the file cache
  }
  return median(samples);
}

export function benchStartup() {
  const baseline = time(['-e', '']);
  const version = time([bin, '--version']);
  const list = time([bin, 'personas', 'list']);
  return report('startup', baseline, [
    { name: 'persona --version', ms: version, target: 1.5 },
    { name: 'persona personas list', ms: list, target: 2.5 },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = benchStartup() ? 0 : 1;
