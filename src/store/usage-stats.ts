import type BetterSqlite3 from 'better-sqlite3';

// The queries behind `persona stats`: every figure is counted from the messages, sessions and
// events tables, within one time window and optionally one persona.

export interface StatsFilter {
  /** ISO instant; only activity at or after it counts. */
  since?: string;
  personaId?: string;
}

export interface PersonaUsage {
  personaId: string;
  name: string;
  sessions: number;
  messages: number;
}

export interface ModelUsage {
  provider: string;
  model: string;
  /** Replies that came back (complete or interrupted); failed calls are counted in `failed`. */
  replies: number;
  failed: number;
  /** Null for the offline engine: it counts no tokens (its figures are estimates nobody is billed for). */
  inputTokens: number | null;
  outputTokens: number | null;
  /** Null when a reply in the group has no known price. */
  costUsd: number | null;
  avgFirstTokenMs: number | null;
}

export interface ErrorCount {
  kind: string;
  status: number | null;
  provider: string | null;
  count: number;
}

export interface DayActivity {
  /** YYYY-MM-DD, local time. */
  day: string;
  messages: number;
  sessions: number;
}

export interface UsageStats {
  since: string | null;
  personaId: string | null;
  sessions: number;
  messages: number;
  userMessages: number;
  avgMessagesPerSession: number | null;
  avgSessionDurationMs: number | null;
  avgFirstTokenMs: number | null;
  inputTokens: number;
  outputTokens: number;
  /** Null when any reply's price is unknown. */
  costUsd: number | null;
  personas: PersonaUsage[];
  models: ModelUsage[];
  errors: {
    /** API failures, by kind and HTTP status (from `provider_error` events). */
    api: ErrorCount[];
    /** 429s from providers, and messages held back by this app's own rate limit. */
    rateLimitHits: { provider: number; local: number };
    /** Refusals by a conversation limit or budget, by limit. */
    limitsReached: Record<string, number>;
    databaseErrors: number;
    interruptions: number;
  };
  days: DayActivity[];
}

export type Row = Record<string, unknown>;

const num = (value: unknown): number => Number(value ?? 0);
const numOrNull = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** Messages in the window, joined to their session (for the persona filter). */
const MESSAGES_IN_WINDOW = `
  SELECT m.*, s.persona_id FROM messages m JOIN sessions s ON s.id = m.session_id
  WHERE m.created_at >= @since AND (@personaId IS NULL OR s.persona_id = @personaId)`;

const EVENTS_IN_WINDOW = `
  SELECT * FROM events WHERE created_at >= @since AND (@personaId IS NULL OR persona_id = @personaId)`;

/** Rows whose token counts are real: the offline engine's are estimates of its own. */
const COUNTS_TOKENS = `provider IS NOT 'offline'`;

export function readUsageStats(db: BetterSqlite3.Database, filter: StatsFilter = {}): UsageStats {
  const params = { since: filter.since ?? '', personaId: filter.personaId ?? null };
  const all = (sql: string) => db.prepare(sql).all(params) as Row[];
  const one = (sql: string) => (db.prepare(sql).get(params) ?? {}) as Row;

  const totals = one(`
    WITH w AS (${MESSAGES_IN_WINDOW})
    SELECT count(*) AS messages,
      count(DISTINCT session_id) AS sessions,
      count(CASE WHEN role = 'user' THEN 1 END) AS user_messages,
      avg(latency_first_ms) AS avg_first_token,
      coalesce(sum(CASE WHEN ${COUNTS_TOKENS} THEN input_tokens END), 0) AS input_tokens,
      coalesce(sum(CASE WHEN ${COUNTS_TOKENS} THEN output_tokens END), 0) AS output_tokens,
      coalesce(sum(cost_usd), 0) AS cost,
      count(CASE WHEN role = 'persona' AND status <> 'error' AND cost_usd IS NULL THEN 1 END) AS unknown_cost
    FROM w`);

  const duration = one(`
    WITH w AS (${MESSAGES_IN_WINDOW}),
    spans AS (SELECT session_id, (julianday(max(created_at)) - julianday(min(created_at))) * 86400000.0 AS ms FROM w GROUP BY session_id)
    SELECT avg(ms) AS avg_ms FROM spans`);

  const personas = all(`
    WITH w AS (${MESSAGES_IN_WINDOW})
    SELECT w.persona_id, (SELECT name FROM persona_snapshots p JOIN sessions s ON s.snapshot_id = p.id
        WHERE s.persona_id = w.persona_id ORDER BY s.started_at DESC LIMIT 1) AS name,
      count(DISTINCT w.session_id) AS sessions, count(*) AS messages
    FROM w GROUP BY w.persona_id ORDER BY sessions DESC, messages DESC, w.persona_id`);

  const models = all(`
    WITH w AS (${MESSAGES_IN_WINDOW})
    SELECT provider, model, count(CASE WHEN status <> 'error' THEN 1 END) AS replies,
      count(CASE WHEN status = 'error' THEN 1 END) AS failed,
      CASE WHEN ${COUNTS_TOKENS} THEN coalesce(sum(input_tokens), 0) END AS input_tokens,
      CASE WHEN ${COUNTS_TOKENS} THEN coalesce(sum(output_tokens), 0) END AS output_tokens,
      coalesce(sum(cost_usd), 0) AS cost,
      count(CASE WHEN status <> 'error' AND cost_usd IS NULL THEN 1 END) AS unknown_cost,
      avg(latency_first_ms) AS avg_first_token
    FROM w WHERE role = 'persona' AND provider IS NOT NULL
    GROUP BY provider, model ORDER BY replies DESC, provider, model`);

  const api = all(`
    WITH e AS (${EVENTS_IN_WINDOW})
    SELECT json_extract(data_json, '$.kind') AS kind, json_extract(data_json, '$.status') AS status,
      json_extract(data_json, '$.provider') AS provider, count(*) AS n
    FROM e WHERE kind = 'provider_error' GROUP BY 1, 2, 3 ORDER BY n DESC, 1`);

  const eventCounts = all(`
    WITH e AS (${EVENTS_IN_WINDOW})
    SELECT kind, json_extract(data_json, '$.limit') AS lim, count(*) AS n FROM e
    WHERE kind IN ('rate_limited', 'limit_reached', 'database_error') GROUP BY 1, 2`);

  const interruptions = one(`WITH w AS (${MESSAGES_IN_WINDOW}) SELECT count(*) AS n FROM w WHERE status = 'interrupted'`);

  const days = all(`
    WITH w AS (${MESSAGES_IN_WINDOW})
    SELECT date(created_at, 'localtime') AS day, count(*) AS messages, count(DISTINCT session_id) AS sessions
    FROM w GROUP BY day ORDER BY day`);

  return usageStatsFromRows(filter, { totals, duration, personas, models, api, eventCounts, interruptions, days });
}

/** What the queries behind `persona stats` return, as rows; each backend runs its own dialect of them. */
export interface UsageRows {
  totals: Row;
  duration: Row;
  personas: Row[];
  models: Row[];
  api: Row[];
  eventCounts: Row[];
  interruptions: Row;
  days: Row[];
}

/** The figures from the query rows: the same for every backend. */
export function usageStatsFromRows(filter: StatsFilter, rows: UsageRows): UsageStats {
  const { totals, duration, personas, models, api, eventCounts, interruptions, days } = rows;
  const sessions = num(totals.sessions);
  const apiErrors: ErrorCount[] = api.map((r) => ({
    kind: String(r.kind ?? 'unknown'),
    status: numOrNull(r.status),
    provider: r.provider === null ? null : String(r.provider),
    count: num(r.n),
  }));
  const limitsReached: Record<string, number> = {};
  for (const r of eventCounts)
    if (r.kind === 'limit_reached') limitsReached[String(r.lim ?? 'unknown')] = (limitsReached[String(r.lim ?? 'unknown')] ?? 0) + num(r.n);

  return {
    since: filter.since ?? null,
    personaId: filter.personaId ?? null,
    sessions,
    messages: num(totals.messages),
    userMessages: num(totals.user_messages),
    avgMessagesPerSession: sessions ? num(totals.messages) / sessions : null,
    avgSessionDurationMs: numOrNull(duration.avg_ms),
    avgFirstTokenMs: numOrNull(totals.avg_first_token),
    inputTokens: num(totals.input_tokens),
    outputTokens: num(totals.output_tokens),
    costUsd: num(totals.unknown_cost) > 0 ? null : num(totals.cost),
    personas: personas.map((r) => ({
      personaId: String(r.persona_id),
      name: String(r.name ?? r.persona_id),
      sessions: num(r.sessions),
      messages: num(r.messages),
    })),
    models: models.map((r) => ({
      provider: String(r.provider),
      model: String(r.model ?? 'unknown'),
      replies: num(r.replies),
      failed: num(r.failed),
      inputTokens: numOrNull(r.input_tokens),
      outputTokens: numOrNull(r.output_tokens),
      costUsd: num(r.unknown_cost) > 0 ? null : num(r.cost),
      avgFirstTokenMs: numOrNull(r.avg_first_token),
    })),
    errors: {
      api: apiErrors,
      rateLimitHits: {
        provider: apiErrors.filter((e) => e.kind === 'rate_limit').reduce((sum, e) => sum + e.count, 0),
        local: eventCounts.filter((r) => r.kind === 'rate_limited').reduce((sum, r) => sum + num(r.n), 0),
      },
      limitsReached,
      databaseErrors: eventCounts.filter((r) => r.kind === 'database_error').reduce((sum, r) => sum + num(r.n), 0),
      interruptions: num(interruptions.n),
    },
    days: days.map((r) => ({ day: String(r.day), messages: num(r.messages), sessions: num(r.sessions) })),
  };
}
