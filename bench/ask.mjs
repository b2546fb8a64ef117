// `persona ask` end to end (issue 3):
//  - offline engine vs bare `node -e ""` (target <= 3x);
//  - `--provider openai` streaming a 500-token reply from the local wire server vs a minimal script
//    making the same request with the openai SDK directly (target <= 1.3x).
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, report } from './stats.mjs';
import { startBenchWireServer } from './wire.mjs';

const bin = fileURLToPath(new URL('../bin/persona.js', import.meta.url));
const openaiEntry = fileURLToPath(new URL('../node_modules/openai/index.mjs', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 15);

function run(args, env) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve(Number(process.hrtime.bigint() - start) / 1e6);
    });
  });
}

async function time(args, env) {
  const samples = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const ms = await run(args, env);
    if (i >= 2) samples.push(ms);
  }
  return median(samples);
}

const directScript = `
import OpenAI from ${JSON.stringify(openaiEntry)};
const client = new OpenAI({ apiKey: 'bench-key', baseURL: process.env.OPENAI_BASE_URL });
const stream = await client.chat.completions.create({
  model: 'gpt-4o-mini', stream: true, stream_options: { include_usage: true }, max_tokens: 500,
  messages: [{ role: 'system', content: 'You are Diane.' }, { role: 'user', content: 'What do you think of our pricing?' }],
});
let text = '';
for await (const chunk of stream) { const d = chunk.choices[0]?.delta?.content; if (d) { text += d; process.stdout.write(d); } }
`;

export async function benchAsk() {
  const home = mkdtempSync(join(tmpdir(), 'persona-bench-ask-'));
  const base = { ...process.env, PERSONA_HOME: home };
  delete base.OPENAI_API_KEY;
  delete base.ANTHROPIC_API_KEY;
  // On the default backend, the SQLite file: a DATABASE_URL in the shell would measure PostgreSQL.
  delete base.DATABASE_URL;
  const baseline = await time(['-e', ''], base);
  const offline = await time([bin, 'ask', 'cfo', 'What do you think of our pricing?', '--provider', 'offline'], base);
  const ok1 = report('ask (offline engine)', baseline, [{ name: 'persona ask cfo (offline)', ms: offline, target: 3 }]);

  const reply = Array.from({ length: 500 }, (_, i) => `word${i}`).join(' ');
  const wire = await startBenchWireServer({ fallback: () => ({ text: reply, usage: { input: 900, output: 500 } }) });
  try {
    const env = { ...base, OPENAI_API_KEY: 'bench-key', OPENAI_BASE_URL: `${wire.url}/v1` };
    const script = join(home, 'direct.mjs');
    writeFileSync(script, directScript);
    const direct = await time([script], env);
    const cli = await time([bin, 'ask', 'cfo', 'What do you think of our pricing?', '--provider', 'openai'], env);
    const ok2 = report('ask --provider openai, 500-token stream from the local server', direct, [
      { name: 'persona ask cfo --provider openai', ms: cli, target: 1.3 },
    ]);
    return ok1 && ok2;
  } finally {
    await wire.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await benchAsk()) ? 0 : 1;
