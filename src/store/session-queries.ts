// The session summary query: sessions are picked (filtered, ordered, limited) before their
// messages are aggregated, so listing the 20 latest sessions never aggregates the whole history.

/**
 * A message whose price should be known: a reply that reached the provider (not a failed request)
 * or anything that reports token usage. When any such message has no cost, the session's total is
 * unknown (null) rather than an undercount that looks exact.
 */
export const UNKNOWN_COST = `m.cost_usd IS NULL AND (
  m.input_tokens IS NOT NULL OR m.output_tokens IS NOT NULL OR (m.role = 'persona' AND m.status <> 'error')
)`;

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

/**
 * Sums every session's totals afresh from its messages: what the row's counters add up one
 * message at a time (sessionTotalsDelta), for a database whose messages arrived otherwise (the
 * migration that added them, a copy).
 */
export const RECOUNT_SESSION_TOTALS_SQL = `
UPDATE sessions SET (message_count, input_tokens_total, output_tokens_total, cost_total, unknown_cost_count) = (
  SELECT count(*), coalesce(sum(m.input_tokens), 0), coalesce(sum(m.output_tokens), 0), coalesce(sum(m.cost_usd), 0.0),
         count(CASE WHEN ${UNKNOWN_COST} THEN 1 END)
  FROM messages m WHERE m.session_id = sessions.id
);
UPDATE sessions SET (reply_count, reply_input_tokens, reply_output_tokens, reply_cost, reply_cost_incomplete) = (
  SELECT count(*), coalesce(sum(m.input_tokens), 0), coalesce(sum(m.output_tokens), 0), coalesce(sum(m.cost_usd), 0.0),
         coalesce(max(m.status != 'error' AND m.cost_usd IS NULL), 0)
  FROM messages m WHERE m.session_id = sessions.id AND m.role = 'persona' AND m.provider IS NOT NULL
)`;

/** The statement that saves a message touches its session: its last activity, and its totals (sessionTotalsDelta). */
export const TOUCH_SESSION_SQL = `
UPDATE sessions SET
  last_active_at = max(last_active_at, ?),
  message_count = message_count + 1,
  input_tokens_total = input_tokens_total + ?,
  output_tokens_total = output_tokens_total + ?,
  cost_total = cost_total + ?,
  unknown_cost_count = unknown_cost_count + ?,
  reply_count = reply_count + ?,
  reply_input_tokens = reply_input_tokens + ?,
  reply_output_tokens = reply_output_tokens + ?,
  reply_cost = reply_cost + ?,
  reply_cost_incomplete = max(reply_cost_incomplete, ?)
WHERE id = ?`;

/** What one message adds to its session's totals, in TOUCH_SESSION_SQL's order (after last_active_at): the sums above, one row at a time. */
export function sessionTotalsDelta(m: {
  role: string;
  provider: string | null;
  status: string;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
}): number[] {
  const input = m.inputTokens ?? 0;
  const output = m.outputTokens ?? 0;
  const cost = m.costUsd ?? 0;
  // UNKNOWN_COST, for one message.
  const unknownCost =
    m.costUsd === null && (m.inputTokens !== null || m.outputTokens !== null || (m.role === 'persona' && m.status !== 'error'));
  const reply = m.role === 'persona' && m.provider !== null;
  const incomplete = reply && m.status !== 'error' && m.costUsd === null;
  return [
    input,
    output,
    cost,
    unknownCost ? 1 : 0,
    reply ? 1 : 0,
    reply ? input : 0,
    reply ? output : 0,
    reply ? cost : 0,
    incomplete ? 1 : 0,
  ];
}

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
