// `persona serve` under load (issue 17): N concurrent streaming clients (50 and 200 by default),
// each sending its next turn as soon as the last one ended, on two routes: the seed's
// POST /api/personas/cfo/chat (SSE, one session per client, turn after turn) and the
// OpenAI-compatible POST /v1/chat/completions (stream, saved with X-Persona-Save). The offline
// engine answers. The floor, measured in the same run: a minimal node:http server (its own
// process too) replaying the same SSE bytes per request, event by event, as the server wrote them.
// The two take turns, five rounds each (BENCH_ROUNDS), and the ratio is the median of the rounds'.
// The load generator is this process; it prints its own CPU time per turn too, so a run where it
// (not the server) is the limit shows as such. The server's CPU time is given for the whole process
// and for its main thread (the event loop) alone: the rest is its threads (replies, checkpoints).
//
// Goals per route and client count: throughput >= 0.6x the floor, p99 <= 3x p50 (time to the
// first token), 0 errors. Afterwards the server is stopped and every completed turn (user message
// and reply) is counted in its SQLite file.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/persona.js', import.meta.url));
const CLIENT_COUNTS = (process.env.BENCH_CLIENTS ?? '50,200').split(',').map(Number);
const DURATION_MS = Number(process.env.BENCH_SERVE_MS ?? 4000);
/** Unmeasured load first, for both servers: start-up work (module loading, the JIT, connecting) is not what is compared. */
const WARMUP_MS = Number(process.env.BENCH_WARMUP_MS ?? 2000);
/** Measurements of each server per route and client count, taken in turns (see run()). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5));
const QUESTION = 'What would make you switch from the tool you use now?';
const GOALS = { throughput: 0.6, p99OverP50: 3 };
/**
 * BENCH_ROUTES=openai measures one route; BENCH_PROFILE_DIR=dir writes a CPU profile of `persona serve` there;
 * BENCH_SERVE_NODE_ARGS='--trace-gc' passes flags to the node running `persona serve`.
 */
const ROUTE_NAMES = (process.env.BENCH_ROUTES ?? 'seed,openai').split(',');
const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

const ROUTES = {
  seed: {
    path: '/api/personas/cfo/chat',
    headers: { accept: 'text/event-stream' },
    body: (sessionId) => (sessionId ? { message: QUESTION, sessionId } : { message: QUESTION }),
    firstToken: 'event: delta',
    finished: 'event: done',
    sessionOf: (text) => /"sessionId":"([0-9a-z]+)"/.exec(text)?.[1],
  },
  openai: {
    path: '/v1/chat/completions',
    headers: { 'x-persona-save': 'true' },
    body: () => ({ model: 'cfo', stream: true, messages: [{ role: 'user', content: QUESTION }] }),
    firstToken: '"content":"',
    finished: 'data: [DONE]',
    sessionOf: () => undefined,
  },
};

/** Starts a process that prints its URL as the first line of stdout. */
function startProcess(args, env) {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      if (out.includes('\n')) resolve({ url: out.split('\n')[0].trim(), child, stop: () => stop(child) });
    });
    child.on('close', (code) => reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`)));
  });
}

function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('close', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

/** The floor: replays the recorded events of each route, one write per event, like a naive server. */
const floorScript = (samples) => `
import { createServer } from 'node:http';
const samples = ${JSON.stringify(samples)};
const events = Object.fromEntries(Object.entries(samples).map(([path, text]) => [path, text.split('\\n\\n').filter(Boolean).map((e) => e + '\\n\\n')]));
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    for (const event of events[req.url] ?? []) res.write(event);
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/**
 * CPU time a process has used so far (ms), from /proc: on a shared machine wall-clock throughput
 * moves with everyone else's load, CPU per turn much less. Undefined where /proc is missing.
 */
function cpuMs(pid, thread) {
  try {
    // /proc/<pid>/stat counts every thread of the process; /proc/<pid>/task/<pid>/stat the main one alone.
    const file = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
    const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** One streamed turn over a keep-alive agent; times to the first token and to the end. */
function oneTurn(agent, url, route, sessionId) {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify(route.body(sessionId));
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: hostname,
        port,
        path: route.path,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...route.headers },
      },
      (res) => {
        let text = '';
        let firstTokenMs;
        res.setEncoding('utf8');
        res.on('data', (part) => {
          text += part;
          if (firstTokenMs === undefined && text.includes(route.firstToken)) firstTokenMs = performance.now() - started;
        });
        res.on('end', () => {
          const ok = res.statusCode === 200 && text.includes(route.finished) && firstTokenMs !== undefined;
          resolve({ ok, firstTokenMs, totalMs: performance.now() - started, sessionId: route.sessionOf(text), text });
        });
        res.on('error', () => resolve({ ok: false }));
      },
    );
    req.on('error', () => resolve({ ok: false }));
    req.end(body);
  });
}

/**
 * `clients` loops, each sending its next turn as soon as the last one ended. The first `warmupMs`
 * are not measured (start-up work, connections opening, every client's first request arriving at
 * once); the same connections and sessions then carry on for `durationMs`, which is measured:
 * turns that start in it, and the CPU time `pid` used meanwhile.
 */
async function load(url, route, clients, { warmupMs, durationMs, pid }) {
  const agent = new Agent({ keepAlive: true, maxSockets: clients });
  const measureFrom = performance.now() + warmupMs;
  const until = measureFrom + durationMs;
  let cpuBefore;
  let loopBefore;
  let ownBefore;
  const measuring = setTimeout(() => {
    cpuBefore = cpuMs(pid);
    loopBefore = cpuMs(pid, pid);
    ownBefore = process.cpuUsage();
  }, warmupMs);
  const first = [];
  const total = [];
  let errors = 0;
  let warm = 0;
  const client = async () => {
    let sessionId;
    while (performance.now() < until) {
      const measured = performance.now() >= measureFrom;
      const turn = await oneTurn(agent, url, route, sessionId);
      if (!turn.ok) {
        if (measured) errors++;
        continue;
      }
      sessionId ??= turn.sessionId;
      if (!measured) {
        warm++;
        continue;
      }
      first.push(turn.firstTokenMs);
      total.push(turn.totalMs);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  clearTimeout(measuring);
  const seconds = (performance.now() - measureFrom) / 1000;
  const cpuAfter = cpuMs(pid);
  const loopAfter = cpuMs(pid, pid);
  const own = process.cpuUsage(ownBefore);
  agent.destroy();
  return {
    completed: warm + first.length,
    seconds,
    first,
    total,
    errors,
    clientCpuMs: (own.user + own.system) / 1000,
    cpuMs: cpuBefore === undefined || cpuAfter === undefined ? NaN : cpuAfter - cpuBefore,
    loopCpuMs: loopBefore === undefined || loopAfter === undefined ? NaN : loopAfter - loopBefore,
  };
}

/** Rounds of one server pooled: turns over the time measured, percentiles over every turn, CPU per turn over all. */
function pooled(rounds) {
  const sum = (pick) => rounds.reduce((n, r) => n + pick(r), 0);
  const first = rounds.flatMap((r) => r.first);
  const total = rounds.flatMap((r) => r.total);
  const turns = Math.max(1, first.length);
  const pct = percentile;
  return {
    completed: sum((r) => r.completed),
    perSecond: first.length / sum((r) => r.seconds),
    p50: pct(first, 0.5),
    p99: pct(first, 0.99),
    totalP50: pct(total, 0.5),
    totalP99: pct(total, 0.99),
    errors: sum((r) => r.errors),
    clientCpuPerTurn: sum((r) => r.clientCpuMs) / turns,
    cpuPerTurn: sum((r) => r.cpuMs) / turns,
    loopCpuPerTurn: sum((r) => r.loopCpuMs) / turns,
  };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function line(name, r) {
  return `  ${name.padEnd(22)} ${r.perSecond.toFixed(0).padStart(5)} turns/s   first token p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(7)} ms   whole turn p50 ${r.totalP50.toFixed(1).padStart(6)} ms  p99 ${r.totalP99.toFixed(1).padStart(7)} ms   errors ${r.errors}   CPU per turn: server ${r.cpuPerTurn.toFixed(2)} ms (main thread ${r.loopCpuPerTurn.toFixed(2)}), load generator ${r.clientCpuPerTurn.toFixed(2)} ms`;
}

function countStored(file) {
  const Database = createRequire(import.meta.url)('better-sqlite3');
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT role, status, count(*) AS n FROM messages GROUP BY role, status').all();
  } finally {
    db.close();
  }
}

export async function run() {
  const home = mkdtempSync(join(tmpdir(), 'persona-bench-serve-'));
  // The offline engine is not what is measured: the conversation turn cap is off.
  writeFileSync(join(home, 'config.json'), JSON.stringify({ limits: { maxTurns: 0 } }));
  const env = { ...process.env, PERSONA_HOME: home };
  for (const key of ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'OPENAI_BASE_URL', 'ANTHROPIC_BASE_URL', 'PERSONA_SERVER_TOKEN'])
    delete env[key];

  const profile = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const nodeArgs = (process.env.BENCH_SERVE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const persona = await startProcess([...profile, ...nodeArgs, bin, 'serve', '--port', '0', '--quiet', '--provider', 'offline'], env);
  let floor;
  let completed = 0;
  let allMet = true;
  const rows = [];
  try {
    // The floor replays the bytes of one real reply per route, recorded from the server under test.
    const samples = {};
    const agent = new Agent({ keepAlive: true });
    for (const route of Object.values(ROUTES)) {
      const sample = await oneTurn(agent, persona.url, route);
      if (!sample.ok) throw new Error(`the sample turn on ${route.path} failed`);
      samples[route.path] = sample.text;
      completed++;
    }
    agent.destroy();
    const script = join(home, 'floor-sse.mjs');
    writeFileSync(script, floorScript(samples));
    floor = await startProcess([script], env);

    for (const [name, route] of Object.entries(ROUTES)) {
      if (!ROUTE_NAMES.includes(name)) continue;
      for (const clients of CLIENT_COUNTS) {
        // The floor and the server take turns, ROUNDS times each: this machine's speed moves over
        // tens of seconds, and a floor measured in a fast spell against a server in a slow one (or
        // the other way round) said more about the machine than about the server. The ratio is the
        // median of the rounds'; throughput, latencies and CPU are pooled over the rounds.
        const bases = [];
        const measures = [];
        for (let round = 0; round < ROUNDS; round++) {
          const warmupMs = round === 0 ? WARMUP_MS : Math.min(WARMUP_MS, 1000);
          bases.push(await load(floor.url, route, clients, { warmupMs, durationMs: DURATION_MS, pid: floor.child.pid }));
          measures.push(await load(persona.url, route, clients, { warmupMs, durationMs: DURATION_MS, pid: persona.child.pid }));
        }
        const base = pooled(bases);
        const measured = pooled(measures);
        completed += measured.completed;
        const ratios = measures.map((m, i) => m.first.length / m.seconds / (bases[i].first.length / bases[i].seconds));
        const ratio = median(ratios);
        // Likewise p99 / p50 within each round: pooled over rounds at different speeds, the
        // percentiles would measure the machine's spells too.
        const spreads = measures.map((m) => percentile(m.first, 0.99) / percentile(m.first, 0.5));
        const spread = median(spreads);
        const met = ratio >= GOALS.throughput && spread <= GOALS.p99OverP50 && measured.errors === 0;
        allMet &&= met;
        rows.push({ name, clients, base, measured, ratio, spread, met });
        console.log(
          `\n${name} route (${route.path}), ${clients} clients, ${ROUNDS} x ${DURATION_MS / 1000} s each, offline engine, loopback`,
        );
        console.log(line('floor: node:http replay', base));
        console.log(line('persona serve', measured));
        console.log(
          `  rounds: throughput ${ratios.map((r) => `${r.toFixed(2)}x`).join(', ')} of the floor; p99/p50 ${spreads.map((r) => r.toFixed(2)).join(', ')}`,
        );
        console.log(
          `  medians of the rounds: throughput ${ratio.toFixed(2)}x floor (goal >= ${GOALS.throughput}) · p99/p50 ${spread.toFixed(2)} (goal <= ${GOALS.p99OverP50}) · errors ${measured.errors} (goal 0) · ${met ? 'ok' : 'MISSED'}`,
        );
      }
    }
  } finally {
    const code = await persona.stop();
    if (floor) await floor.stop();
    const stored = countStored(join(home, 'persona.db'));
    const users = stored.filter((r) => r.role === 'user').reduce((n, r) => n + r.n, 0);
    const replies = stored.filter((r) => r.role === 'persona' && r.status === 'complete').reduce((n, r) => n + r.n, 0);
    const storedOk = users === completed && replies === completed;
    allMet &&= storedOk && code === 0;
    console.log(
      `\nturns stored: ${users} user messages and ${replies} complete replies for ${completed} completed turns ${storedOk ? 'ok' : 'MISSED'} · clean exit on SIGTERM ${code === 0 ? 'ok' : `MISSED (${code})`}`,
    );
    // Each run's database is tens of MB: left in the temp folder, runs filled it.
    rmSync(home, { recursive: true, force: true });
  }
  return allMet;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
