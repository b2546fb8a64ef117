// Issue 18: `persona db copy` of a large SQLite history to PostgreSQL and back, with identical row
// counts and checksum, and the time each way. Baseline, measured in the same run: SQLite's own
// whole-file copy (VACUUM INTO) of the same history, the fastest copy there is of it.
// PostgreSQL: PERSONA_BENCH_DATABASE_URL, a URL whose user may CREATE DATABASE (the bench makes
// one database and drops it); else a throwaway cluster started with the installed server binaries
// (bench/postgres-cluster.mjs). BENCH_MESSAGES sets the size (default 100,000).
// Besides the copy's own verification (counts and checksum, compared inside its transaction), the
// bench compares the history that came back with the one that left, table by table, itself.
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { serverBinaries, startThrowawayCluster } from './postgres-cluster.mjs';
import { BIN, cliEnv, freshHome } from './pty-support.mjs';
import { report } from './stats.mjs';

/** The session columns this bench writes (SQLite keeps each session's totals in the rest, by trigger). */
const SESSION_COLUMNS = ['id', 'persona_id', 'snapshot_id', 'user_id', 'provider', 'model', 'title', 'started_at', 'last_active_at'];

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100_000);
const PER_SESSION = 100;

function cli(env, args) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`persona ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return { ms, json: JSON.parse(result.stdout) };
}

/** A history of MESSAGES messages in sessions of PER_SESSION, written straight into the rows. */
function buildHistory(file) {
  const db = new Database(file);
  const start = Date.parse('2026-01-01T00:00:00Z');
  const at = (n) => new Date(start + n * 1000).toISOString();
  db.transaction(() => {
    for (let p = 0; p < 3; p++) {
      db.prepare('INSERT INTO persona_snapshots VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        `snap-${p}`,
        `persona-${p}`,
        `Persona ${p}`,
        `hash-${p}`,
        JSON.stringify({ id: `persona-${p}`, name: `Persona ${p}`, notes: 'ünïcödé ✓' }),
        '{"tone":"warm"}',
        `You are Persona ${p}.`,
        at(0),
      );
    }
    const session = db.prepare(
      `INSERT INTO sessions (${SESSION_COLUMNS.join(', ')}) VALUES (${SESSION_COLUMNS.map(() => '?').join(', ')})`,
    );
    const message = db.prepare(
      `INSERT INTO messages (id, session_id, seq, role, content, created_at, provider, model, input_tokens, output_tokens, cost_usd, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete')`,
    );
    for (let n = 0; n < MESSAGES; n++) {
      const s = Math.floor(n / PER_SESSION);
      const seq = (n % PER_SESSION) + 1;
      if (seq === 1) session.run(`session-${s}`, `persona-${s % 3}`, `snap-${s % 3}`, 'local', 'openai', 'gpt-4o-mini', null, at(n), at(n));
      const user = seq % 2 === 1;
      message.run(
        `message-${n}`,
        `session-${s}`,
        seq,
        user ? 'user' : 'persona',
        user
          ? `Question ${n}: how would you weigh the cost of switching vendors this quarter? «quotes» and émoji 🎉`
          : `Answer ${n}: it depends on the contract terms.\n- renewal dates\n- exit fees\n- the team's time\ttabbed`,
        at(n),
        user ? null : 'openai',
        user ? null : 'gpt-4o-mini',
        user ? null : 120,
        user ? null : 80,
        user ? null : 0.000123 * (n % 7),
      );
    }
    // The other tables, so the round trip covers every one: every 10th session is a group of two
    // personas; one event per session; a survey run over the first sessions with its answers; and
    // a minute's worth of a server's request counts.
    const participant = db.prepare('INSERT INTO session_participants VALUES (?, ?, ?, ?)');
    const event = db.prepare('INSERT INTO events VALUES (?, ?, ?, ?, ?, ?)');
    const sessions = Math.ceil(MESSAGES / PER_SESSION);
    for (let s = 0; s < sessions; s++) {
      if (s % 10 === 0) {
        participant.run(`session-${s}`, 1, `persona-${s % 3}`, `snap-${s % 3}`);
        participant.run(`session-${s}`, 2, `persona-${(s + 1) % 3}`, `snap-${(s + 1) % 3}`);
      }
      event.run(`event-${s}`, 'session_start', `session-${s}`, `persona-${s % 3}`, JSON.stringify({ source: 'bench', n: s }), at(s));
    }
    db.prepare('INSERT INTO runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      'run-1',
      'survey',
      'Vendor switch survey',
      JSON.stringify({ questions: [{ id: 'q1', text: 'Would you switch?' }] }),
      JSON.stringify(['persona-0', 'persona-1', 'persona-2']),
      'openai',
      'gpt-4o-mini',
      'complete',
      at(0),
      at(1),
    );
    const answer = db.prepare(
      `INSERT INTO run_answers (run_id, persona_id, question_id, snapshot_id, status, answer_json, raw, provider, model, input_tokens, output_tokens, cost_usd, latency_ms, created_at)
       VALUES ('run-1', ?, ?, ?, 'valid', ?, ?, 'openai', 'gpt-4o-mini', 50, 20, 0.00001, 900, ?)`,
    );
    for (let q = 0; q < 100; q++)
      for (let p = 0; p < 3; p++)
        answer.run(`persona-${p}`, `q${q}`, `snap-${p}`, JSON.stringify({ choice: q % 5 }), `raw answer ${q} ✓`, at(q));
    const runSession = db.prepare('INSERT INTO run_sessions VALUES (?, ?, ?)');
    for (let s = 0; s < Math.min(sessions, 30); s++) runSession.run('run-1', `session-${s}`, `persona-${s % 3}`);
    const request = db.prepare('INSERT INTO chat_requests VALUES (?, ?, ?)');
    for (let r = 0; r < 10; r++) request.run(`request-${r}`, `user-${r % 2}`, at(r));
  })();
  db.close();
}

async function admin(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Rows per table and a sha256 over every row (all columns, in key order), read straight from a SQLite file. */
function fingerprint(file, tables) {
  const db = new Database(file, { readonly: true });
  try {
    return tables.map((name) => {
      const columns = db
        .prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`)
        .all(name)
        .map((c) => `"${c.name}"`);
      const hash = createHash('sha256');
      let rows = 0;
      for (const row of db
        .prepare(`SELECT ${columns.join(', ')} FROM "${name}" ORDER BY ${columns.join(', ')}`)
        .raw()
        .iterate()) {
        hash.update(JSON.stringify(row));
        hash.update('\n');
        rows++;
      }
      return { name, rows, sha256: hash.digest('hex') };
    });
  } finally {
    db.close();
  }
}

export async function run() {
  let adminUrl = process.env.PERSONA_BENCH_DATABASE_URL;
  let cluster;
  if (!adminUrl) {
    const bin = serverBinaries();
    if (!bin) {
      console.log(
        '\ndb copy: skipped (set PERSONA_BENCH_DATABASE_URL to a PostgreSQL URL that may CREATE DATABASE, or install postgresql)',
      );
      return true;
    }
    cluster = await startThrowawayCluster(bin);
    adminUrl = cluster.url;
  }
  try {
    return await copyBothWays(adminUrl);
  } finally {
    cluster?.stop();
  }
}

async function copyBothWays(adminUrl) {
  const home = freshHome();
  const env = cliEnv({ PERSONA_HOME: home, DATABASE_URL: '' });
  const file = join(home, 'persona.db');
  cli(env, ['db', 'migrate', '--json']);
  buildHistory(file);

  const baselineStarted = performance.now();
  const db = new Database(file, { readonly: true });
  db.exec(`VACUUM INTO '${join(home, 'baseline.db')}'`);
  db.close();
  const baselineMs = performance.now() - baselineStarted;

  const name = `persona_bench_${randomBytes(4).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    const there = cli(env, ['db', 'copy', '--from', 'sqlite', '--to', 'postgres', '--url', url.toString(), '--json']);
    const back = cli(env, [
      'db',
      'copy',
      '--from',
      'postgres',
      '--to',
      'sqlite',
      '--url',
      url.toString(),
      '--sqlite',
      join(home, 'back.db'),
      '--json',
    ]);
    const counts = (r) => JSON.stringify(r.json.tables);
    const same = there.json.checksum === back.json.checksum && counts(there) === counts(back);
    console.log(
      `\ndb copy of ${MESSAGES} messages: checksum ${there.json.checksum.slice(0, 16)}… ${same ? 'identical' : 'DIFFERENT'} both ways`,
    );
    // The round trip, checked here rather than by the copy: the file that came back against the one that left.
    const tables = there.json.tables.map((t) => t.name);
    const before = fingerprint(file, tables);
    const after = fingerprint(join(home, 'back.db'), tables);
    let roundTrip = before.find((t) => t.name === 'messages')?.rows === MESSAGES;
    for (const [i, t] of before.entries()) {
      const match = after[i].rows === t.rows && after[i].sha256 === t.sha256;
      roundTrip &&= match;
      console.log(
        `  ${t.name.padEnd(22)}${String(t.rows).padStart(10)} rows  ${t.sha256.slice(0, 12)}…  ${match ? 'same after the round trip' : `DIFFERENT: ${after[i].rows} rows, ${after[i].sha256.slice(0, 12)}…`}`,
      );
    }
    const ok = report('db copy (whole CLI run, verified)', baselineMs, [
      { name: `SQLite -> PostgreSQL (${MESSAGES} messages)`, ms: there.ms },
      { name: `PostgreSQL -> SQLite (${MESSAGES} messages)`, ms: back.ms },
    ]);
    return ok && same && roundTrip;
  } finally {
    await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = (await run()) ? 0 : 1;
