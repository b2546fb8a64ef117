// (3) A paced stream of 200 tokens/s in a real terminal (tmux): the chat must keep up with the
// source (at most 5% behind) using under 40% of one core. The source's own duration is measured
// in the same run by reading the same scripted stream straight from the server.
import { BIN, cliEnv, cpuMs, freshHome, panePid, tmux, waitFor, wireServer } from './pty-support.mjs';
import { longReply } from './chat-stream-5000.mjs';

const TOKENS = 1000;
const DELAY_MS = 5; // 200 tokens a second

async function sourceDurationMs(wire, script) {
  wire.enqueue(script);
  const start = Date.now();
  const response = await fetch(`${wire.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-bench' },
    body: JSON.stringify({ model: 'gpt-4o-mini', stream: true, messages: [{ role: 'user', content: 'pace' }] }),
  });
  await response.text();
  return Date.now() - start;
}

export async function run() {
  const wire = await wireServer();
  const script = { text: longReply(TOKENS), chunkDelayMs: DELAY_MS, usage: { input: 1000, output: TOKENS } };
  const home = freshHome();
  const Terminal = await tmux();
  const terminal = Terminal.start({
    command: ['exec', process.execPath, BIN, 'chat', 'cfo', '--provider', 'openai'],
    env: cliEnv({ PERSONA_HOME: home, OPENAI_BASE_URL: `${wire.url}/v1`, OPENAI_API_KEY: 'sk-bench' }),
    columns: 120,
    rows: 40,
  });
  try {
    await waitFor(terminal, (s) => s.includes('essage Diane'), 30_000);
    // The source's own pace, read while this process polls the screen exactly as it will during
    // the chat run: the server shares this event loop, so both runs carry the same load.
    let reading = true;
    const polling = waitFor(terminal, () => !reading, 120_000, 25);
    const sourceMs = await sourceDurationMs(wire, script);
    reading = false;
    await polling;
    const pid = panePid(terminal);
    wire.enqueue(script);
    terminal.type('Take your time.');
    const cpuBefore = cpuMs(pid);
    const start = Date.now();
    terminal.press('Enter');
    await waitFor(terminal, (s) => s.includes('LAST-TOKEN-OF-THE-REPLY'), 60_000, 25);
    const wallMs = Date.now() - start;
    const cpu = (cpuMs(pid) - cpuBefore) / wallMs;
    const behind = (wallMs - sourceMs) / sourceMs;
    const behindOk = behind <= 0.05;
    const cpuOk = cpu < 0.4;
    console.log(
      `\nchat: a paced stream of ${TOKENS} tokens (the source takes ${sourceMs} ms: ${Math.round((TOKENS * 1000) / sourceMs)} tokens/s)`,
    );
    console.log(
      `  on screen after                       ${String(wallMs).padStart(6)} ms  ${(behind * 100).toFixed(1)}% behind (target <= 5%) ${behindOk ? 'ok' : 'MISSED'}`,
    );
    console.log(
      `  CPU of the chat process               ${(cpu * 100).toFixed(1).padStart(6)} %   of one core (target < 40%) ${cpuOk ? 'ok' : 'MISSED'}`,
    );
    return behindOk && cpuOk;
  } finally {
    terminal.kill();
    await wire.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
