// `persona serve` under load (issue 7): N concurrent clients (default 50), each holding a streaming
// chat with the offline engine (one session per client, turn after turn) for a bounded time on
// loopback. Reports requests/s, p50/p99 latency to the first token, errors (target: none) and
// whether every turn was stored. Baseline, measured in the same run: the same load against a
// minimal node:http server (its own process too) that streams the same SSE bytes per request.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../bin/persona.js', import.meta.url));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const DURATION_MS = Number(process.env.BENCH_SERVE_MS ?? 5000);
/** Unmeasured load first, for both servers: start-up work (module loading, the JIT) is not what is compared. */
const WARMUP_MS = 1000;
const QUESTION = 'What would make you switch from the tool you use now?';

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

const baselineScript = (bytes) => `
import { createServer } from 'node:http';
const body = ${JSON.stringify(bytes)}.split('\\n\\n').filter(Boolean).map((e) => e + '\\n\\n');
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store' });
    for (const event of body) res.write(event);
    res.end();
  });
});
server.listen(0, '127.0.0.1', () => console.log('http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

async function oneTurn(url, sessionId) {
  const started = performance.now();
  const response = await fetch(`${url}/api/personas/cfo/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(sessionId ? { message: QUESTION, sessionId } : { message: QUESTION }),
  });
  if (response.status !== 200) {
    await response.text();
    return { ok: false, status: response.status };
  }
  const decoder = new TextDecoder();
  let text = '';
  let firstTokenMs;
  for await (const part of response.body) {
    text += decoder.decode(part, { stream: true });
    if (firstTokenMs === undefined && text.includes('event: delta')) firstTokenMs = performance.now() - started;
  }
  const ok = text.includes('event: done') && firstTokenMs !== undefined;
  return { ok, firstTokenMs, sessionId: /"sessionId":"([0-9a-z]+)"/.exec(text)?.[1], text };
}

/** CLIENTS loops, each sending its next turn as soon as the last one ended, until time is up. */
async function load(url, durationMs = DURATION_MS) {
  const until = performance.now() + durationMs;
  const latencies = [];
  const sessions = new Map();
  let errors = 0;
  const client = async (n) => {
    let sessionId;
    while (performance.now() < until) {
      try {
        const turn = await oneTurn(url, sessionId);
        if (!turn.ok) {
          errors++;
          continue;
        }
        latencies.push(turn.firstTokenMs);
        sessionId ??= turn.sessionId;
        if (sessionId) sessions.set(n, { id: sessionId, turns: (sessions.get(n)?.turns ?? 0) + 1 });
      } catch {
        errors++;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN;
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: pct(0.5),
    p99: pct(0.99),
    max: latencies.at(-1),
    errors,
    sessions,
  };
}

/** Every completed turn is two stored messages in that client's session. */
async function storedTurnsMatch(url, sessions) {
  const { sessions: listed } = await (await fetch(`${url}/api/sessions?limit=500`)).json();
  const counts = new Map(listed.map((s) => [s.id, s.messageCount]));
  let expected = 0;
  let stored = 0;
  for (const { id, turns } of sessions.values()) {
    expected += turns * 2;
    stored += counts.get(id) ?? 0;
  }
  return { expected, stored, ok: expected === stored };
}

function line(name, r) {
  return `  ${name.padEnd(36)} ${r.perSecond.toFixed(0).padStart(6)} req/s   first token p50 ${r.p50.toFixed(1).padStart(6)} ms  p99 ${r.p99.toFixed(1).padStart(6)} ms  max ${r.max.toFixed(0).padStart(5)} ms   errors ${r.errors}`;
}

export async function run() {
  const home = mkdtempSync(join(tmpdir(), 'persona-bench-serve-'));
  // The offline engine is not what is measured: the per-user rate limit and turn cap are off.
  writeFileSync(join(home, 'config.json'), JSON.stringify({ limits: { messagesPerMinute: 0, maxTurns: 0 } }));
  const env = { ...process.env, PERSONA_HOME: home };
  for (const key of ['OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'OPENAI_BASE_URL', 'ANTHROPIC_BASE_URL', 'PERSONA_SERVER_TOKEN'])
    delete env[key];

  const persona = await startProcess([bin, 'serve', '--port', '0', '--quiet', '--provider', 'offline'], env);
  let baseline;
  try {
    // The baseline streams the bytes of one real reply, recorded from the server under test.
    const sample = await oneTurn(persona.url);
    const script = join(home, 'baseline-sse.mjs');
    writeFileSync(script, baselineScript(sample.text));
    baseline = await startProcess([script], env);
    await load(baseline.url, WARMUP_MS);
    const base = await load(baseline.url);
    await load(persona.url, WARMUP_MS);
    const measured = await load(persona.url);
    const storage = await storedTurnsMatch(persona.url, measured.sessions);
    const code = await persona.stop();

    console.log(`\nserve: ${CLIENTS} clients, each holding a streaming chat for ${DURATION_MS / 1000} s (offline engine, loopback)`);
    console.log(line('baseline: node:http streaming SSE', base));
    console.log(line('persona serve', measured));
    console.log(
      `  ratio to baseline: throughput ${(measured.perSecond / base.perSecond).toFixed(2)}x, first token p50 ${(measured.p50 / base.p50).toFixed(2)}x, p99 ${(measured.p99 / base.p99).toFixed(2)}x`,
    );
    console.log(
      `  turns stored: ${storage.stored / 2} of ${storage.expected / 2} ${storage.ok ? 'ok' : 'MISSED'} · errors ${measured.errors} (target 0) ${measured.errors === 0 ? 'ok' : 'MISSED'} · clean exit on SIGTERM ${code === 0 ? 'ok' : `MISSED (${code})`}`,
    );
    return storage.ok && measured.errors === 0 && code === 0;
  } finally {
    await persona.stop();
    if (baseline) await baseline.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
