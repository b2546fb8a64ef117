// (2) 5,000 tokens streamed as fast as the server can, into a session that already has 500
// messages, in a real terminal (tmux). Targets (issue 4): under 2 s wall (Enter to the last
// token on screen), under 200 MB peak memory (VmHWM of the chat process).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, cliEnv, freshHome, panePid, peakRssMb, tmux, waitFor, wireServer } from './pty-support.mjs';

const PRIOR_TURNS = 250; // 500 messages
const TOKENS = 5000;

/** A long reply that looks like one: paragraphs, a list, a code block, a table; ends with a marker. */
export function longReply(tokens) {
  const words = [];
  for (let i = 0; words.length < tokens - 1; i++) {
    const block = i % 12;
    if (block === 5) words.push('\n\n-', 'first', 'point', 'here\n-', 'second', 'point', 'here\n-', 'third', 'point\n\n');
    else if (block === 9) words.push('\n\n```ts\nconst', 'total', '=', 'items.reduce((sum,', 'x)', '=>', 'sum', '+', 'x,', '0);\n```\n\n');
    else if (block === 11) words.push('\n\n|', 'plan', '|', 'price', '|\n|---|---|\n|', 'basic', '|', '$5', '|\n\n');
    else for (let w = 0; w < 60; w++) words.push(w === 59 ? 'end.\n\n' : `word${words.length}`);
  }
  words.length = tokens - 1;
  words.push('LAST-TOKEN-OF-THE-REPLY');
  return words.join(' ');
}

export async function run() {
  const home = freshHome();
  const questions = join(home, 'questions.txt');
  writeFileSync(questions, Array.from({ length: PRIOR_TURNS }, (_, i) => `Prior question number ${i}?`).join('\n'));
  const seeded = spawnSync(process.execPath, [BIN, 'ask', 'cfo', '--script', questions], {
    env: cliEnv({ PERSONA_HOME: home }),
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seeding failed: ${seeded.stderr}`);

  const wire = await wireServer();
  const text = longReply(TOKENS);
  wire.enqueue({ text, usage: { input: 12_000, output: TOKENS } });
  const Terminal = await tmux();
  const terminal = Terminal.start({
    command: ['exec', process.execPath, BIN, 'chat', 'cfo', '--continue', '--provider', 'openai'],
    env: cliEnv({ PERSONA_HOME: home, OPENAI_BASE_URL: `${wire.url}/v1`, OPENAI_API_KEY: 'sk-bench' }),
    columns: 120,
    rows: 40,
  });
  try {
    await waitFor(terminal, (s) => s.includes('essage Diane'), 30_000);
    const pid = panePid(terminal);
    terminal.type('Tell me everything.');
    const start = Date.now();
    terminal.press('Enter');
    await waitFor(terminal, (s) => s.includes('LAST-TOKEN-OF-THE-REPLY') && s.includes('/help · Ctrl-D quits'), 30_000, 5);
    const wallMs = Date.now() - start;
    const peak = peakRssMb(pid);
    const wallOk = wallMs < 2000;
    const memoryOk = peak < 200;
    console.log(`\nchat: ${TOKENS} tokens as fast as the server sends, after ${PRIOR_TURNS * 2} messages`);
    console.log(`  wall, Enter to last token on screen   ${String(wallMs).padStart(6)} ms  (target < 2000 ms) ${wallOk ? 'ok' : 'MISSED'}`);
    console.log(
      `  peak memory of the chat process      ${peak.toFixed(0).padStart(6)} MB  (target < 200 MB) ${memoryOk ? 'ok' : 'MISSED'}`,
    );
    return wallOk && memoryOk;
  } finally {
    terminal.kill();
    await wire.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
