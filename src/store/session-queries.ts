// The session summary query: sessions are picked (filtered, ordered, limited) before their
// messages are aggregated, so listing the 20 latest sessions never aggregates the whole history.

/**
 * A message whose price should be known: a reply that reached the provider (not a failed request)
 * or anything that reports token usage. When any such message has no cost, the session's total is
 * unknown (null) rather than an undercount that looks exact.
 */
export const UNKNOWN_COST = unknownCostOf('m');

/** UNKNOWN_COST of the row named `row` (`m` in a query, `new` in a trigger). */
export function unknownCostOf(row: string): string {
  return `${row}.cost_usd IS NULL AND (
  ${row}.input_tokens IS NOT NULL OR ${row}.output_tokens IS NOT NULL OR (${row}.role = 'persona' AND ${row}.status <> 'error')
)`;
}

/**
 * `where` filters the sessions table; parameters are named (@personaId, @id, @pattern, @limit).
 * A session's totals are columns of its row (migration 009_session_totals): nothing of its
 * messages is read.
 */
export function sessionSummarySql(where: string): string {
  return `
WITH picked AS (
  SELECT * FROM sessions WHERE ${where}
  ORDER BY last_active_at DESC, id DESC
  LIMIT @limit
)
SELECT picked.*, p.name AS persona_name
FROM picked
JOIN persona_snapshots p ON p.id = picked.snapshot_id
ORDER BY picked.last_active_at DESC, picked.id DESC`;
}

/** A session's replies (a greeting, which no model wrote, is no reply), from its row. */
export const REPLY_TOTALS_SQL = `
SELECT reply_count AS replies, reply_input_tokens AS input, reply_output_tokens AS output, reply_cost AS cost,
       reply_cost_incomplete AS incomplete
FROM sessions WHERE id = ?`;

/** A session's totals over all its messages: each column of the sessions row and how it is summed (`m` a message). */
const MESSAGE_TOTALS: ReadonlyArray<readonly [column: string, sum: string]> = [
  ['message_count', 'count(*)'],
  ['input_tokens_total', 'coalesce(sum(m.input_tokens), 0)'],
  ['output_tokens_total', 'coalesce(sum(m.output_tokens), 0)'],
  ['cost_total', 'coalesce(sum(m.cost_usd), 0.0)'],
  ['unknown_cost_count', `count(CASE WHEN ${UNKNOWN_COST} THEN 1 END)`],
];
/** Its totals over its replies (REPLY_WHERE). */
const REPLY_TOTALS: ReadonlyArray<readonly [column: string, sum: string]> = [
  ['reply_count', 'count(*)'],
  ['reply_input_tokens', 'coalesce(sum(m.input_tokens), 0)'],
  ['reply_output_tokens', 'coalesce(sum(m.output_tokens), 0)'],
  ['reply_cost', 'coalesce(sum(m.cost_usd), 0.0)'],
  ['reply_cost_incomplete', "coalesce(max(m.status != 'error' AND m.cost_usd IS NULL), 0)"],
];
const REPLY_WHERE = "m.role = 'persona' AND m.provider IS NOT NULL";

/** The columns of the sessions row that hold its totals. */
export const SESSION_TOTAL_COLUMNS: readonly string[] = [...MESSAGE_TOTALS, ...REPLY_TOTALS].map(([column]) => column);

const columns = (totals: typeof MESSAGE_TOTALS) => totals.map(([column]) => column).join(', ');
const sums = (totals: typeof MESSAGE_TOTALS) => totals.map(([, sum]) => sum).join(', ');

/**
 * Sums every session's totals afresh from its messages: what the row's counters add up one
 * message at a time (sessionTotalsDelta), for a database whose messages arrived otherwise (the
 * migration that added them, a copy).
 */
export const RECOUNT_SESSION_TOTALS_SQL = `
UPDATE sessions SET (${columns(MESSAGE_TOTALS)}) = (
  SELECT ${sums(MESSAGE_TOTALS)} FROM messages m WHERE m.session_id = sessions.id
);
UPDATE sessions SET (${columns(REPLY_TOTALS)}) = (
  SELECT ${sums(REPLY_TOTALS)} FROM messages m WHERE m.session_id = sessions.id AND ${REPLY_WHERE}
)`;

/**
 * Each session's totals as its row keeps them (the columns) beside the same sums afresh
 * (`recounted_<column>`), by the rules of RECOUNT_SESSION_TOTALS_SQL: what `persona db check`
 * compares, reading only.
 */
export const SESSION_TOTALS_RECOUNTED_SQL = (() => {
  const recounted = (totals: typeof MESSAGE_TOTALS, table: string) =>
    totals.map(([column]) => `coalesce(${table}.${column}, 0) AS recounted_${column}`).join(', ');
  const grouped = (totals: typeof MESSAGE_TOTALS, where: string) =>
    `SELECT m.session_id, ${totals.map(([column, sum]) => `${sum} AS ${column}`).join(', ')} FROM messages m ${where} GROUP BY m.session_id`;
  return `
SELECT s.id, ${SESSION_TOTAL_COLUMNS.map((c) => `s.${c}`).join(', ')}, ${recounted(MESSAGE_TOTALS, 'a')}, ${recounted(REPLY_TOTALS, 'r')}
FROM sessions s
LEFT JOIN (${grouped(MESSAGE_TOTALS, '')}) a ON a.session_id = s.id
LEFT JOIN (${grouped(REPLY_TOTALS, `WHERE ${REPLY_WHERE}`)}) r ON r.session_id = s.id
ORDER BY s.id`;
})();

/**
 * Every message saved adds its share to its session's totals, by trigger: whoever writes the row
 * (this store, a copy, an older build still running on the file, a test's seeding) keeps the
 * totals true. The same rules as RECOUNT_SESSION_TOTALS_SQL, one row at a time.
 */
export const SESSION_TOTALS_TRIGGER_SQL = `
CREATE TRIGGER messages_add_to_session_totals AFTER INSERT ON messages BEGIN
  UPDATE sessions SET
    message_count = message_count + 1,
    input_tokens_total = input_tokens_total + coalesce(new.input_tokens, 0),
    output_tokens_total = output_tokens_total + coalesce(new.output_tokens, 0),
    cost_total = cost_total + coalesce(new.cost_usd, 0.0),
    unknown_cost_count = unknown_cost_count + (${unknownCostOf('new')}),
    reply_count = reply_count + (new.role = 'persona' AND new.provider IS NOT NULL),
    reply_input_tokens = reply_input_tokens + iif(new.role = 'persona' AND new.provider IS NOT NULL, coalesce(new.input_tokens, 0), 0),
    reply_output_tokens = reply_output_tokens + iif(new.role = 'persona' AND new.provider IS NOT NULL, coalesce(new.output_tokens, 0), 0),
    reply_cost = reply_cost + iif(new.role = 'persona' AND new.provider IS NOT NULL, coalesce(new.cost_usd, 0.0), 0.0),
    reply_cost_incomplete = max(
      reply_cost_incomplete,
      new.role = 'persona' AND new.provider IS NOT NULL AND new.status != 'error' AND new.cost_usd IS NULL
    )
  WHERE id = new.session_id;
END`;

/**
 * Messages with every term exactly as typed first (`exact_words`, registered by the store), then
 * best match (bm25 is lower for better matches); the newest message breaks ties.
 */
export function searchSql(byPersona: boolean): string {
  return `
SELECT
  m.session_id,
  m.id AS message_id,
  m.seq,
  coalesce(m.speaker_id, s.persona_id) AS persona_id,
  coalesce(speaker.name, p.name) AS persona_name,
  m.role,
  m.created_at,
  snippet(messages_fts, 0, '«', '»', '…', 12) AS snippet,
  bm25(messages_fts) AS score,
  exact_words(m.content, @terms) AS exact
FROM messages_fts
JOIN messages m ON m.pk = messages_fts.rowid
JOIN sessions s ON s.id = m.session_id
JOIN persona_snapshots p ON p.id = s.snapshot_id
LEFT JOIN session_participants sp ON sp.session_id = m.session_id AND sp.persona_id = m.speaker_id
LEFT JOIN persona_snapshots speaker ON speaker.id = sp.snapshot_id
WHERE messages_fts MATCH @query${byPersona ? ` AND ${BY_PERSONA}` : ''}
ORDER BY exact DESC, score, m.created_at DESC, m.pk DESC
LIMIT @limit`;
}

/** A session with the persona, or a group session it takes part in. */
const BY_PERSONA = `(s.persona_id = @personaId OR s.id IN (SELECT session_id FROM session_participants WHERE persona_id = @personaId))`;

/** Participants with their names as chatted with, in speaking order. */
export function participantsSql(where: string): string {
  return `
SELECT sp.session_id, sp.position, sp.persona_id, sp.snapshot_id, p.name
FROM session_participants sp
JOIN persona_snapshots p ON p.id = sp.snapshot_id
WHERE ${where}
ORDER BY sp.session_id, sp.position`;
}
