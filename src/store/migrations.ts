import { RECOUNT_SESSION_TOTALS_SQL, SESSION_TOTALS_TRIGGER_SQL } from './session-queries.js';
import type BetterSqlite3 from 'better-sqlite3';

// Append-only, ordered, recorded by name (as simonw/llm does). Never edit or reorder a migration
// that has shipped: add a new one. A database that records a name missing from this list was
// written by a newer persona-chat, and `openDatabase` refuses it rather than guess.

export interface Migration {
  name: string;
  up(db: BetterSqlite3.Database): void;
}

const initialSchema = `
CREATE TABLE persona_snapshots (
  id TEXT PRIMARY KEY,
  persona_id TEXT NOT NULL,
  name TEXT NOT NULL,
  content_hash TEXT NOT NULL UNIQUE,
  persona_json TEXT NOT NULL,
  chat_profile_json TEXT NOT NULL,
  system_prompt TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX persona_snapshots_by_persona ON persona_snapshots (persona_id);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  persona_id TEXT NOT NULL,
  snapshot_id TEXT NOT NULL REFERENCES persona_snapshots (id),
  user_id TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  title TEXT,
  started_at TEXT NOT NULL,
  last_active_at TEXT NOT NULL
) STRICT;
CREATE INDEX sessions_by_persona_recent ON sessions (persona_id, last_active_at DESC);
CREATE INDEX sessions_by_recent ON sessions (last_active_at DESC);
CREATE INDEX sessions_by_snapshot ON sessions (snapshot_id);

-- pk is an explicit INTEGER PRIMARY KEY because the FTS index refers to rows by rowid, and only
-- an explicit one is guaranteed to survive VACUUM. UNIQUE (session_id, seq) doubles as the
-- "messages of a session in order" index.
CREATE TABLE messages (
  pk INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL CHECK (seq >= 1),
  role TEXT NOT NULL CHECK (role IN ('user', 'persona')),
  content TEXT NOT NULL,
  created_at TEXT NOT NULL,
  provider TEXT,
  model TEXT,
  input_tokens INTEGER,
  output_tokens INTEGER,
  cache_read_tokens INTEGER,
  cache_write_tokens INTEGER,
  cost_usd REAL,
  latency_first_ms INTEGER,
  latency_total_ms INTEGER,
  status TEXT NOT NULL CHECK (status IN ('complete', 'interrupted', 'error')),
  finish_reason TEXT,
  input_mode TEXT,
  error TEXT,
  fallback INTEGER NOT NULL DEFAULT 0 CHECK (fallback IN (0, 1)),
  UNIQUE (session_id, seq)
) STRICT;

CREATE VIRTUAL TABLE messages_fts USING fts5 (
  content,
  content = 'messages',
  content_rowid = 'pk',
  tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER messages_fts_after_insert AFTER INSERT ON messages BEGIN
  INSERT INTO messages_fts (rowid, content) VALUES (new.pk, new.content);
END;
CREATE TRIGGER messages_fts_after_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.pk, old.content);
END;
CREATE TRIGGER messages_fts_after_update AFTER UPDATE OF content ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.pk, old.content);
  INSERT INTO messages_fts (rowid, content) VALUES (new.pk, new.content);
END;

-- Analytics. No foreign keys: an event outlives nothing and must never make a write fail.
CREATE TABLE events (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  session_id TEXT,
  persona_id TEXT,
  data_json TEXT NOT NULL DEFAULT '{}',
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX events_by_kind_time ON events (kind, created_at);
CREATE INDEX events_by_session ON events (session_id);
`;

/**
 * A session with participants is a group session; its `persona_id`/`snapshot_id` are the first
 * participant's, so everything that reads one-to-one sessions still reads it. A persona message
 * names its speaker (null in a one-to-one session: the session's persona); a moderator message
 * addressed to one participant (`/to`) names the addressee.
 */
const groupSessions = `
CREATE TABLE session_participants (
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 1),
  persona_id TEXT NOT NULL,
  snapshot_id TEXT NOT NULL REFERENCES persona_snapshots (id),
  PRIMARY KEY (session_id, position),
  UNIQUE (session_id, persona_id)
) STRICT;
CREATE INDEX session_participants_by_persona ON session_participants (persona_id);
ALTER TABLE messages ADD COLUMN speaker_id TEXT;
ALTER TABLE messages ADD COLUMN addressee_id TEXT;
`;

const researchRunsSchema = `
CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('survey', 'ask')),
  title TEXT NOT NULL,
  spec_json TEXT NOT NULL,
  persona_ids_json TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'complete', 'interrupted', 'failed')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX runs_by_recent ON runs (created_at DESC);

-- One row per persona x question: UNIQUE is what makes a resumed run ask only what is missing.
CREATE TABLE run_answers (
  pk INTEGER PRIMARY KEY,
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  persona_id TEXT NOT NULL,
  question_id TEXT NOT NULL,
  snapshot_id TEXT REFERENCES persona_snapshots (id),
  status TEXT NOT NULL CHECK (status IN ('valid', 'invalid', 'error')),
  answer_json TEXT,
  reason TEXT,
  raw TEXT,
  error TEXT,
  attempts INTEGER NOT NULL DEFAULT 1,
  via TEXT,
  provider TEXT,
  model TEXT,
  input_tokens INTEGER,
  output_tokens INTEGER,
  cost_usd REAL,
  latency_ms INTEGER,
  created_at TEXT NOT NULL,
  UNIQUE (run_id, persona_id, question_id)
) STRICT;

-- The sessions a multi-persona ask created, so they list and export as one run.
CREATE TABLE run_sessions (
  run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  persona_id TEXT NOT NULL,
  PRIMARY KEY (run_id, session_id)
) STRICT;
CREATE INDEX run_sessions_by_session ON run_sessions (session_id);
`;

/** Every column a session's totals read, after the session: the sums are an index-only scan. */
const MESSAGE_TOTALS_INDEX =
  'CREATE INDEX messages_totals ON messages (session_id, role, provider, status, input_tokens, output_tokens, cost_usd)';

const chatRequestsSchema = `
CREATE TABLE chat_requests (id TEXT PRIMARY KEY, user_id TEXT NOT NULL, created_at TEXT NOT NULL) STRICT;
CREATE INDEX chat_requests_by_user ON chat_requests (user_id, created_at);
`;

/**
 * Two things readers of messages keep up with incrementally, in one row:
 * - The full-text index stops following messages through an insert trigger: indexing one message
 *   at a time, in the transaction that saves it, cost more than the rest of the write (FTS5 writes
 *   a new index segment per transaction). Messages are indexed afterwards in batches instead
 *   (fts-catch-up.ts): in idle time, and always before a search reads the index. The index holds
 *   exactly the messages with pk <= fts_indexed_through. When the rows with the highest keys are
 *   deleted, SQLite hands their keys out again, so the mark comes down to the highest key left and
 *   a reused key is indexed like any new one.
 * - `deletions` counts deleted messages: a running sum over messages (the day's spend) adds the
 *   rows above the last key it saw, and knows to sum afresh when this number moves.
 */
const messagesMarks = `
CREATE TABLE messages_marks (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  fts_indexed_through INTEGER NOT NULL,
  deletions INTEGER NOT NULL
) STRICT;
INSERT INTO messages_marks (id, fts_indexed_through, deletions) VALUES (1, (SELECT coalesce(max(pk), 0) FROM messages), 0);
DROP TRIGGER messages_fts_after_insert;
DROP TRIGGER messages_fts_after_delete;
DROP TRIGGER messages_fts_after_update;
CREATE TRIGGER messages_after_delete AFTER DELETE ON messages BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content)
    SELECT 'delete', old.pk, old.content WHERE old.pk <= (SELECT fts_indexed_through FROM messages_marks);
  UPDATE messages_marks SET
    deletions = deletions + 1,
    fts_indexed_through = min(fts_indexed_through, (SELECT coalesce(max(pk), 0) FROM messages));
END;
CREATE TRIGGER messages_fts_after_update AFTER UPDATE OF content ON messages
WHEN old.pk <= (SELECT fts_indexed_through FROM messages_marks) BEGIN
  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.pk, old.content);
  INSERT INTO messages_fts (rowid, content) VALUES (new.pk, new.content);
END;
`;

/**
 * A session's totals (its summary's, and its replies' for reopening it) are kept in its row, added
 * to by a trigger for every message saved, in the row the save touches anyway (last_active_at).
 * Summing them from a covering index of messages cost every saved message one more index entry,
 * in a page of its own per session: with 50 sessions served at once, a quarter of the pages each
 * commit wrote (bench:serve). A trigger rather than the store's own statement, so that every
 * writer keeps them (a copy, an older build still running on the file); only whole sessions are
 * ever deleted, so the row stays the sum of its messages.
 */
const sessionTotals = `
ALTER TABLE sessions ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN input_tokens_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN output_tokens_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN cost_total REAL NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN unknown_cost_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN reply_input_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN reply_output_tokens INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN reply_cost REAL NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN reply_cost_incomplete INTEGER NOT NULL DEFAULT 0;
${RECOUNT_SESSION_TOTALS_SQL};
DROP INDEX IF EXISTS messages_totals;
${SESSION_TOTALS_TRIGGER_SQL};
`;

export const MIGRATIONS: readonly Migration[] = [
  { name: '001_initial_schema', up: (db) => db.exec(initialSchema) },
  // The daily budget and `persona stats` select messages by time across sessions.
  { name: '002_messages_by_time', up: (db) => db.exec('CREATE INDEX messages_by_time ON messages (created_at)') },
  // A spoken message kept with --keep-audio records where its WAV is.
  { name: '003_message_audio_path', up: (db) => db.exec('ALTER TABLE messages ADD COLUMN audio_path TEXT') },
  // Group sessions (focus groups, `persona chat a,b,c`): who takes part, and who said each message.
  { name: '004_group_sessions', up: (db) => db.exec(groupSessions) },
  // Research runs: survey answers per persona x question, and the sessions of one multi-persona ask.
  { name: '005_research_runs', up: (db) => db.exec(researchRunsSchema) },
  // The per-user request limit of `persona serve`, counted in the database so it holds across servers.
  { name: '006_chat_requests', up: (db) => db.exec(chatRequestsSchema) },
  // Messages are full-text indexed in batches after they are saved, and deletions are counted.
  { name: '007_messages_marks', up: (db) => db.exec(messagesMarks) },
  // A session's totals (message count, tokens, cost) are summed from this index alone, never from
  // the rows with their text: reopening a 20,000-message session read all of them first.
  { name: '008_message_totals_index', up: (db) => db.exec(MESSAGE_TOTALS_INDEX) },
  // ...and then kept in the session's row instead, which every message updates anyway.
  { name: '009_session_totals', up: (db) => db.exec(sessionTotals) },
];

const MIGRATIONS_TABLE = 'migrations';

export function hasMigrationsTable(db: BetterSqlite3.Database): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(MIGRATIONS_TABLE) !== undefined;
}

/** Names recorded in the database, in the order they were applied. */
export function appliedMigrationNames(db: BetterSqlite3.Database): string[] {
  if (!hasMigrationsTable(db)) return [];
  const rows = db.prepare(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY rowid`).all() as Array<{ name: unknown }>;
  return rows.map((row) => String(row.name));
}

export function pendingMigrations(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): Migration[] {
  const applied = new Set(appliedMigrationNames(db));
  return migrations.filter((m) => !applied.has(m.name));
}

/** Recorded names this build does not know: the database was written by a newer version. */
export function unknownMigrationNames(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): string[] {
  const known = new Set(migrations.map((m) => m.name));
  return appliedMigrationNames(db).filter((name) => !known.has(name));
}

/**
 * Applies what is pending in one IMMEDIATE transaction and returns the names applied. The pending
 * list is read again inside the transaction: two processes opening a fresh file at once must not
 * both run the same migration.
 */
export function migrate(db: BetterSqlite3.Database, migrations: readonly Migration[] = MIGRATIONS): string[] {
  // Fast path without a write lock: an up-to-date database is opened by readers all the time.
  if (pendingMigrations(db, migrations).length === 0) return [];
  const apply = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT`);
    const pending = pendingMigrations(db, migrations);
    const record = db.prepare(`INSERT INTO ${MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)`);
    for (const migration of pending) {
      migration.up(db);
      record.run(migration.name, new Date().toISOString());
    }
    return pending.map((m) => m.name);
  });
  return apply.immediate();
}
