import * as z from 'zod/mini';
import '../core/zod-setup.js';
import { StoreError } from '../core/errors.js';
import { PROVIDER_NAMES, type ProviderName } from '../core/messages.js';
import type {
  MessageRecord,
  NewMessage,
  PersonaSnapshot,
  SearchHit,
  SessionParticipant,
  SessionRecord,
  SessionSummary,
} from '../core/records.js';

// Rows read back are checked before they become records: a file edited by hand or by another
// tool must produce a clear StoreError, not a wrong type travelling through the app.

const provider = z.enum(PROVIDER_NAMES as [ProviderName, ...ProviderName[]]);
const role = z.enum(['user', 'persona']);
const count = z.number().check(z.int(), z.nonnegative());

const snapshotRow = z.object({
  id: z.string(),
  persona_id: z.string(),
  name: z.string(),
  content_hash: z.string(),
  persona_json: z.string(),
  chat_profile_json: z.string(),
  system_prompt: z.string(),
  created_at: z.string(),
});

const sessionRow = z.object({
  id: z.string(),
  persona_id: z.string(),
  snapshot_id: z.string(),
  user_id: z.string(),
  provider,
  model: z.string(),
  title: z.nullable(z.string()),
  started_at: z.string(),
  last_active_at: z.string(),
});

const summaryRow = z.extend(sessionRow, {
  persona_name: z.string(),
  message_count: count,
  input_tokens_total: count,
  output_tokens_total: count,
  cost_total: z.number(),
  unknown_cost_count: count,
});

const messageRow = z.object({
  id: z.string(),
  session_id: z.string(),
  seq: z.number().check(z.int(), z.positive()),
  role,
  content: z.string(),
  created_at: z.string(),
  provider: z.nullable(provider),
  model: z.nullable(z.string()),
  input_tokens: z.nullable(count),
  output_tokens: z.nullable(count),
  cache_read_tokens: z.nullable(count),
  cache_write_tokens: z.nullable(count),
  cost_usd: z.nullable(z.number()),
  latency_first_ms: z.nullable(z.number()),
  latency_total_ms: z.nullable(z.number()),
  status: z.enum(['complete', 'interrupted', 'error']),
  finish_reason: z.nullable(z.enum(['stop', 'length', 'interrupted', 'content_filter', 'error'])),
  input_mode: z.nullable(z.enum(['typed', 'voice', 'script'])),
  error: z.nullable(z.string()),
  fallback: z.union([z.literal(0), z.literal(1)]),
  audio_path: z.optional(z.nullable(z.string())),
  speaker_id: z.optional(z.nullable(z.string())),
  addressee_id: z.optional(z.nullable(z.string())),
});

const participantRow = z.object({
  session_id: z.string(),
  position: z.number().check(z.int(), z.positive()),
  persona_id: z.string(),
  snapshot_id: z.string(),
  name: z.string(),
});

const searchRow = z.object({
  session_id: z.string(),
  message_id: z.string(),
  seq: z.number().check(z.int(), z.positive()),
  persona_id: z.string(),
  persona_name: z.string(),
  role,
  created_at: z.string(),
  snippet: z.string(),
  score: z.number(),
  exact: z.number(),
});

function parseRow<T extends z.ZodMiniType>(schema: T, row: unknown, what: string): z.output<T> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` (column ${issue.path.join('.')}: ${issue.message})` : '';
  throw new StoreError(
    `A ${what} read from the database is damaged${where}.`,
    'The file may have been edited by another tool; move it aside to start a fresh history.',
  );
}

/**
 * Persona and profile JSON are opaque to the store and validated by whoever uses them; a damaged
 * value reads back as null so one bad snapshot cannot make a whole history unreadable.
 */
function parseJsonColumn(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export function toSnapshot(row: unknown): PersonaSnapshot {
  const r = parseRow(snapshotRow, row, 'persona snapshot');
  return {
    id: r.id,
    personaId: r.persona_id,
    name: r.name,
    contentHash: r.content_hash,
    persona: parseJsonColumn(r.persona_json),
    chatProfile: parseJsonColumn(r.chat_profile_json),
    systemPrompt: r.system_prompt,
    createdAt: r.created_at,
  };
}

function sessionFields(r: z.output<typeof sessionRow>): SessionRecord {
  return {
    id: r.id,
    personaId: r.persona_id,
    snapshotId: r.snapshot_id,
    userId: r.user_id,
    provider: r.provider,
    model: r.model,
    title: r.title,
    startedAt: r.started_at,
    lastActiveAt: r.last_active_at,
  };
}

export function toSession(row: unknown): SessionRecord {
  return sessionFields(parseRow(sessionRow, row, 'session'));
}

export function toSessionSummary(row: unknown): SessionSummary {
  const r = parseRow(summaryRow, row, 'session');
  return {
    ...sessionFields(r),
    personaName: r.persona_name,
    messageCount: r.message_count,
    inputTokens: r.input_tokens_total,
    outputTokens: r.output_tokens_total,
    costUsd: r.unknown_cost_count > 0 ? null : r.cost_total,
  };
}

/** The columns a message is written to, in the order of messageRowValues (both backends insert with them). */
export const MESSAGE_INSERT_COLUMNS =
  'id, session_id, seq, role, content, created_at, provider, model, input_tokens, output_tokens, cache_read_tokens, ' +
  'cache_write_tokens, cost_usd, latency_first_ms, latency_total_ms, status, finish_reason, input_mode, error, fallback, ' +
  'speaker_id, addressee_id';

/** A message's values for MESSAGE_INSERT_COLUMNS, positional (binding 22 named ones took twice as long in SQLite). */
export function messageRowValues(record: MessageRecord): unknown[] {
  return [
    record.id,
    record.sessionId,
    record.seq,
    record.role,
    record.content,
    record.createdAt,
    record.provider,
    record.model,
    record.inputTokens,
    record.outputTokens,
    record.cacheReadTokens,
    record.cacheWriteTokens,
    record.costUsd,
    record.latencyFirstTokenMs,
    record.latencyTotalMs,
    record.status,
    record.finishReason,
    record.inputMode,
    record.error,
    record.fallback ? 1 : 0,
    record.speakerId ?? null,
    record.addresseeId ?? null,
  ];
}

export function toMessage(row: unknown): MessageRecord {
  const r = parseRow(messageRow, row, 'message');
  return {
    id: r.id,
    sessionId: r.session_id,
    seq: r.seq,
    role: r.role,
    content: r.content,
    createdAt: r.created_at,
    provider: r.provider,
    model: r.model,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    cacheReadTokens: r.cache_read_tokens,
    cacheWriteTokens: r.cache_write_tokens,
    costUsd: r.cost_usd,
    latencyFirstTokenMs: r.latency_first_ms,
    latencyTotalMs: r.latency_total_ms,
    status: r.status,
    finishReason: r.finish_reason,
    inputMode: r.input_mode,
    error: r.error,
    fallback: r.fallback === 1,
    ...(r.audio_path ? { audioPath: r.audio_path } : {}),
    ...(r.speaker_id ? { speakerId: r.speaker_id } : {}),
    ...(r.addressee_id ? { addresseeId: r.addressee_id } : {}),
  };
}

export function toParticipant(row: unknown): SessionParticipant {
  const r = parseRow(participantRow, row, 'session participant');
  return { personaId: r.persona_id, name: r.name, snapshotId: r.snapshot_id, position: r.position };
}

export function toSearchHit(row: unknown): SearchHit {
  const r = parseRow(searchRow, row, 'search result');
  return {
    sessionId: r.session_id,
    messageId: r.message_id,
    seq: r.seq,
    personaId: r.persona_id,
    personaName: r.persona_name,
    role: r.role,
    createdAt: r.created_at,
    snippet: r.snippet,
    rank: r.score,
    exact: r.exact === 1,
  };
}

/** The row a new message becomes, once the store has given it an id, its seq and its time (both backends). */
export function newMessageRecord(message: NewMessage, assigned: { id: string; seq: number; createdAt: string }): MessageRecord {
  return {
    id: assigned.id,
    sessionId: message.sessionId,
    seq: assigned.seq,
    role: message.role,
    content: message.content,
    createdAt: assigned.createdAt,
    provider: message.provider ?? null,
    model: message.model ?? null,
    inputTokens: message.inputTokens ?? null,
    outputTokens: message.outputTokens ?? null,
    cacheReadTokens: message.cacheReadTokens ?? null,
    cacheWriteTokens: message.cacheWriteTokens ?? null,
    costUsd: message.costUsd ?? null,
    latencyFirstTokenMs: message.latencyFirstTokenMs ?? null,
    latencyTotalMs: message.latencyTotalMs ?? null,
    status: message.status,
    finishReason: message.finishReason ?? null,
    inputMode: message.inputMode ?? null,
    error: message.error ?? null,
    fallback: message.fallback === true,
    ...(message.speakerId ? { speakerId: message.speakerId } : {}),
    ...(message.addresseeId ? { addresseeId: message.addresseeId } : {}),
  };
}
