import type { Pool } from 'pg';
import { usageStatsFromRows, type Row, type StatsFilter, type UsageStats } from '../usage-stats.js';

// The queries behind `persona stats` in PostgreSQL's dialect (SQLite's are in usage-stats.ts; the
// figures are assembled from the rows by the same function). $1 is the window start, $2 the
// persona (or null), $3 the time zone that decides which local day a message falls on.

const MESSAGES_IN_WINDOW = `
  SELECT m.session_id, m.role, m.status, m.created_at, m.provider, m.model, m.input_tokens, m.output_tokens, m.cost_usd,
    m.latency_first_ms, s.persona_id
  FROM messages m JOIN sessions s ON s.id = m.session_id
  WHERE m.created_at >= $1 AND ($2::text IS NULL OR s.persona_id = $2)`;

const EVENTS_IN_WINDOW = `
  SELECT * FROM events WHERE created_at >= $1 AND ($2::text IS NULL OR persona_id = $2)`;

/** Rows whose token counts are real: the offline engine's are estimates of its own. */
const COUNTS_TOKENS = `provider IS DISTINCT FROM 'offline'`;

/** The process's time zone, as SQLite's 'localtime' uses it (PostgreSQL knows the IANA names). */
function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

export async function readPostgresUsageStats(pool: Pool, filter: StatsFilter = {}): Promise<UsageStats> {
  const params = [filter.since ?? '', filter.personaId ?? null, localTimeZone()];
  // Every query names all three parameters' types the same way, so each can be sent alone.
  const typed = (sql: string) => `WITH params AS (SELECT $3::text AS tz) ${sql.replace(/^\s*WITH /, ', ')}`;
  const all = async (sql: string) => (await pool.query<Row>(typed(sql), params)).rows;
  const one = async (sql: string) => (await all(sql))[0] ?? {};

  const [totals, duration, personas, models, api, eventCounts, interruptions, days] = await Promise.all([
    one(`
    WITH w AS (${MESSAGES_IN_WINDOW})
    SELECT count(*) AS messages,
      count(DISTINCT session_id) AS sessions,
      count(CASE WHEN role = 'user' THEN 1 END) AS user_messages,
      avg(latency_first_ms) AS avg_first_token,
      coalesce(sum(CASE WHEN ${COUNTS_TOKENS} THEN input_tokens END), 0) AS input_tokens,
      coalesce(sum(CASE WHEN ${COUNTS_TOKENS} THEN output_tokens END), 0) AS output_tokens,
      coalesce(sum(cost_usd), 0) AS cost,
      count(CASE WHEN role = 'persona' AND status <> 'error' AND cost_usd IS NULL THEN 1 END) AS unknown_cost
    FROM w`),
    one(`
    WITH w AS (${MESSAGES_IN_WINDOW}),
    spans AS (SELECT session_id,
      extract(epoch FROM (max(created_at)::timestamptz - min(created_at)::timestamptz)) * 1000.0 AS ms FROM w GROUP BY session_id)
    SELECT avg(ms) AS avg_ms FROM spans`),
    all(`
    WITH w AS (${MESSAGES_IN_WINDOW})
    SELECT w.persona_id, (SELECT name FROM persona_snapshots p JOIN sessions s ON s.snapshot_id = p.id
        WHERE s.persona_id = w.persona_id ORDER BY s.started_at DESC LIMIT 1) AS name,
      count(DISTINCT w.session_id) AS sessions, count(*) AS messages
    FROM w GROUP BY w.persona_id ORDER BY sessions DESC, messages DESC, w.persona_id`),
    all(`
    WITH w AS (${MESSAGES_IN_WINDOW})
    SELECT provider, model, count(CASE WHEN status <> 'error' THEN 1 END) AS replies,
      count(CASE WHEN status = 'error' THEN 1 END) AS failed,
      CASE WHEN ${COUNTS_TOKENS} THEN coalesce(sum(input_tokens), 0) END AS input_tokens,
      CASE WHEN ${COUNTS_TOKENS} THEN coalesce(sum(output_tokens), 0) END AS output_tokens,
      coalesce(sum(cost_usd), 0) AS cost,
      count(CASE WHEN status <> 'error' AND cost_usd IS NULL THEN 1 END) AS unknown_cost,
      avg(latency_first_ms) AS avg_first_token
    FROM w WHERE role = 'persona' AND provider IS NOT NULL
    GROUP BY provider, model ORDER BY replies DESC, provider, model`),
    all(`
    WITH e AS (${EVENTS_IN_WINDOW})
    SELECT data_json::jsonb ->> 'kind' AS kind, data_json::jsonb ->> 'status' AS status,
      data_json::jsonb ->> 'provider' AS provider, count(*) AS n
    FROM e WHERE kind = 'provider_error' GROUP BY 1, 2, 3 ORDER BY n DESC, 1`),
    all(`
    WITH e AS (${EVENTS_IN_WINDOW})
    SELECT kind, data_json::jsonb ->> 'limit' AS lim, count(*) AS n FROM e
    WHERE kind IN ('rate_limited', 'limit_reached', 'database_error') GROUP BY 1, 2`),
    one(`WITH w AS (${MESSAGES_IN_WINDOW}) SELECT count(*) AS n FROM w WHERE status = 'interrupted'`),
    all(`
    WITH w AS (${MESSAGES_IN_WINDOW})
    SELECT to_char(created_at::timestamptz AT TIME ZONE (SELECT tz FROM params), 'YYYY-MM-DD') AS day,
      count(*) AS messages, count(DISTINCT session_id) AS sessions
    FROM w GROUP BY day ORDER BY day`),
  ]);

  return usageStatsFromRows(filter, { totals, duration, personas, models, api, eventCounts, interruptions, days });
}
