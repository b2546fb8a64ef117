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
 * The picked sessions' messages are summed per session straight from the messages_totals index
 * (in its order, so no sort): joining the rows and grouping them afterwards read every message
 * with its text and sorted them, 100-180 ms for one 20,000-message session.
 */
export function sessionSummarySql(where: string): string {
  return `
WITH picked AS (
  SELECT * FROM sessions WHERE ${where}
  ORDER BY last_active_at DESC, id DESC
  LIMIT @limit
),
totals AS (
  SELECT
    m.session_id,
    count(*) AS message_count,
    coalesce(sum(m.input_tokens), 0) AS input_tokens_total,
    coalesce(sum(m.output_tokens), 0) AS output_tokens_total,
    coalesce(sum(m.cost_usd), 0.0) AS cost_total,
    count(CASE WHEN ${UNKNOWN_COST} THEN 1 END) AS unknown_cost_count
  FROM messages m
  WHERE m.session_id IN (SELECT id FROM picked)
  GROUP BY m.session_id
)
SELECT
  picked.*,
  p.name AS persona_name,
  coalesce(t.message_count, 0) AS message_count,
  coalesce(t.input_tokens_total, 0) AS input_tokens_total,
  coalesce(t.output_tokens_total, 0) AS output_tokens_total,
  coalesce(t.cost_total, 0.0) AS cost_total,
  coalesce(t.unknown_cost_count, 0) AS unknown_cost_count
FROM picked
JOIN persona_snapshots p ON p.id = picked.snapshot_id
LEFT JOIN totals t ON t.session_id = picked.id
ORDER BY picked.last_active_at DESC, picked.id DESC`;
}

/** A session's replies summed (a greeting, which no model wrote, is no reply): from the messages_totals index alone. */
export const REPLY_TOTALS_SQL = `
SELECT count(*) AS replies, coalesce(sum(input_tokens), 0) AS input, coalesce(sum(output_tokens), 0) AS output,
       coalesce(sum(cost_usd), 0) AS cost, coalesce(max(status != 'error' AND cost_usd IS NULL), 0) AS incomplete
FROM messages WHERE session_id = ? AND role = 'persona' AND provider IS NOT NULL`;

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
