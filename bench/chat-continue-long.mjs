// Issue 14 (9): time to the first interactive frame of `persona chat <id> --continue` on a long
// session (2,000 and 20,000 messages), against an Ink hello world measured in the same run.
// Target: at most 1.3x at both sizes. The chat draws only the session's end and reads only that
// from the store, so the ratio should not grow with the session.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { buildHelloWorld, timeToFrame } from './chat-first-frame.mjs';
import { median, report } from './stats.mjs';
import { BIN, cliEnv, dropCodeCache, freshHome } from './pty-support.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const SIZES = [2_000, 20_000];

/**
 * A PERSONA_HOME with one session of `size` messages: the CLI starts it (schema, snapshot,
 * session, a first exchange), the rest goes straight into its rows in one transaction.
 */
export function longSession(size) {
  const home = freshHome();
  const env = cliEnv({ PERSONA_HOME: home });
  const first = spawnSync(process.execPath, [BIN, 'chat', 'cfo'], { env, input: 'How do you judge a new tool?\n', encoding: 'utf8' });
  if (first.status !== 0) throw new Error(`persona chat cfo failed (${first.status}): ${first.stderr}`);
  const db = new Database(join(home, 'persona.db'));
  try {
    const { id, seq } = db.prepare('SELECT session_id AS id, max(seq) AS seq FROM messages GROUP BY session_id').get();
    const insert = db.prepare(
      `INSERT INTO messages (id, session_id, seq, role, content, created_at, provider, model, input_tokens, output_tokens, cost_usd, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete')`,
    );
    const start = Date.parse('2026-01-01T00:00:00Z');
    db.transaction(() => {
      for (let n = seq + 1; n <= size; n++) {
        const user = n % 2 === 1;
        const content = user
          ? `Question ${n}: how would you weigh the cost of **switching vendors** this quarter?`
          : `Answer ${n}: it depends on the *contract terms*.\n\n- renewal dates\n- exit fees\n- the team's time\n\n\`\`\`\ntotal = licences + migration\n\`\`\``;
        const at = new Date(start + n * 1000).toISOString();
        insert.run(
          `bench-${n}`,
          id,
          n,
          user ? 'user' : 'persona',
          content,
          at,
          user ? null : 'offline',
          user ? null : 'offline',
          user ? null : 50,
          user ? null : 80,
          user ? null : 0,
        );
      }
    })();
    return { env, id };
  } finally {
    db.close();
  }
}

export async function run() {
  const hello = await buildHelloWorld();
  const sessions = SIZES.map((size) => ({ size, ...longSession(size) }));
  const helloTimes = [];
  const times = SIZES.map(() => []);
  const firstStartTimes = SIZES.map(() => []);
  // The frame counts once it has the prompt and the session's last reply: a chat that drew its
  // prompt first and the transcript later would not be done yet.
  const reopen = (s, options) => timeToFrame([BIN, 'chat', 'cfo', '--continue'], ['essage Diane', `Answer ${s.size}:`], s.env, options);
  // First starts after install: no code cache (killed, so they write none).
  dropCodeCache();
  for (let i = 0; i < RUNS; i++) for (const [k, s] of sessions.entries()) firstStartTimes[k].push(await reopen(s));
  // Warm-up starts that quit as a user does, writing the cache; then the measured ones.
  for (let i = 0; i < RUNS + 2; i++) {
    const h = await timeToFrame([hello], 'hello, ready', sessions[0].env);
    const runTimes = [];
    for (const s of sessions) runTimes.push(await reopen(s, { quit: i < 2 }));
    if (i >= 2) {
      helloTimes.push(h);
      runTimes.forEach((ms, k) => times[k].push(ms));
    }
  }
  const label = (s) => `persona chat cfo --continue (${s.size.toLocaleString('en-US')} msgs)`;
  return report('chat --continue on a long session: time to first interactive frame', median(helloTimes), [
    ...sessions.map((s, k) => ({ name: label(s), ms: median(times[k]), target: 1.3 })),
    ...sessions.map((s, k) => ({ name: `${label(s)}, no code cache`, ms: median(firstStartTimes[k]) })),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
