// What a history is, table by table, for `persona db copy`: every table in dependency order (a row's
// references are copied before it), its columns in one fixed order, and its primary key, which is
// the order rows are read, copied and checksummed in on both backends. The SQLite FTS table and the
// PostgreSQL tsvector are not here: each backend rebuilds its own index from `messages.content`.
// `migrations` is not here either: the target is migrated by this build before the copy.
// A test checks this list against a freshly migrated database, so a new column cannot be left out.

export interface CopyTable {
  name: string;
  /** The primary key: rows are read in this order, in batches after the last key seen. */
  key: readonly string[];
  columns: readonly string[];
}

export const COPY_TABLES: readonly CopyTable[] = [
  {
    name: 'persona_snapshots',
    key: ['id'],
    columns: ['id', 'persona_id', 'name', 'content_hash', 'persona_json', 'chat_profile_json', 'system_prompt', 'created_at'],
  },
  {
    name: 'sessions',
    key: ['id'],
    columns: ['id', 'persona_id', 'snapshot_id', 'user_id', 'provider', 'model', 'title', 'started_at', 'last_active_at'],
  },
  { name: 'session_participants', key: ['session_id', 'position'], columns: ['session_id', 'position', 'persona_id', 'snapshot_id'] },
  {
    name: 'messages',
    key: ['pk'],
    columns: [
      'pk',
      'id',
      'session_id',
      'seq',
      'role',
      'content',
      'created_at',
      'provider',
      'model',
      'input_tokens',
      'output_tokens',
      'cache_read_tokens',
      'cache_write_tokens',
      'cost_usd',
      'latency_first_ms',
      'latency_total_ms',
      'status',
      'finish_reason',
      'input_mode',
      'error',
      'fallback',
      'audio_path',
      'speaker_id',
      'addressee_id',
    ],
  },
  { name: 'events', key: ['id'], columns: ['id', 'kind', 'session_id', 'persona_id', 'data_json', 'created_at'] },
  {
    name: 'runs',
    key: ['id'],
    columns: ['id', 'kind', 'title', 'spec_json', 'persona_ids_json', 'provider', 'model', 'status', 'created_at', 'updated_at'],
  },
  {
    name: 'run_answers',
    key: ['pk'],
    columns: [
      'pk',
      'run_id',
      'persona_id',
      'question_id',
      'snapshot_id',
      'status',
      'answer_json',
      'reason',
      'raw',
      'error',
      'attempts',
      'via',
      'provider',
      'model',
      'input_tokens',
      'output_tokens',
      'cost_usd',
      'latency_ms',
      'created_at',
    ],
  },
  { name: 'run_sessions', key: ['run_id', 'session_id'], columns: ['run_id', 'session_id', 'persona_id'] },
  { name: 'chat_requests', key: ['id'], columns: ['id', 'user_id', 'created_at'] },
];

/** Tables each backend has of its own that are not history: never copied, never checksummed. */
export const NOT_COPIED = new Set(['migrations', 'messages_marks']);
/**
 * Columns a backend derives from the history, which the target of a copy derives again: never
 * copied, never checksummed. PostgreSQL's full-text column (generated from `content`); SQLite's
 * session totals (kept in the session's row by a trigger as each message goes in: migration 009).
 */
export const GENERATED_COLUMNS = new Set([
  'content_search',
  'message_count',
  'input_tokens_total',
  'output_tokens_total',
  'cost_total',
  'unknown_cost_count',
  'reply_count',
  'reply_input_tokens',
  'reply_output_tokens',
  'reply_cost',
  'reply_cost_incomplete',
]);

/** A row as copied: its values in the table's column order. */
export type CopyRow = unknown[];

/** `(a, b) > (?, ?)`-style keyset condition and its ORDER BY, with the backend's placeholders. */
export function keysetSql(table: CopyTable, placeholder: (i: number) => string): { after: string; order: string } {
  const keys = table.key.join(', ');
  const params = table.key.map((_, i) => placeholder(i)).join(', ');
  return { after: table.key.length === 1 ? `${keys} > ${params}` : `(${keys}) > (${params})`, order: keys };
}
