import { z } from 'zod';
import { PROVIDER_NAMES, type ProviderName } from '../core/messages.js';

// The JSON export's shape, checked when a transcript file is read back. It mirrors the store's
// records field for field, so a transcript written and parsed again equals what was stored.

const provider = z.enum(PROVIDER_NAMES as [ProviderName, ...ProviderName[]]);
const count = z.number().int().nonnegative();
const nullableCount = count.nullable();

const session = z.object({
  id: z.string(),
  personaId: z.string(),
  snapshotId: z.string(),
  userId: z.string(),
  provider,
  model: z.string(),
  title: z.string().nullable(),
  startedAt: z.string(),
  lastActiveAt: z.string(),
  personaName: z.string(),
  messageCount: count,
  inputTokens: count,
  outputTokens: count,
  costUsd: z.number().nonnegative().nullable(),
});

const snapshot = z.object({
  id: z.string(),
  personaId: z.string(),
  name: z.string(),
  contentHash: z.string(),
  persona: z.unknown(),
  chatProfile: z.unknown(),
  systemPrompt: z.string(),
  createdAt: z.string(),
});

const message = z.object({
  id: z.string(),
  sessionId: z.string(),
  seq: z.number().int().positive(),
  role: z.enum(['user', 'persona']),
  content: z.string(),
  createdAt: z.string(),
  provider: provider.nullable(),
  model: z.string().nullable(),
  inputTokens: nullableCount,
  outputTokens: nullableCount,
  cacheReadTokens: nullableCount,
  cacheWriteTokens: nullableCount,
  costUsd: z.number().nonnegative().nullable(),
  latencyFirstTokenMs: z.number().nonnegative().nullable(),
  latencyTotalMs: z.number().nonnegative().nullable(),
  status: z.enum(['complete', 'interrupted', 'error']),
  finishReason: z.enum(['stop', 'length', 'interrupted', 'content_filter', 'error']).nullable(),
  inputMode: z.enum(['typed', 'voice', 'script']).nullable(),
  error: z.string().nullable(),
  fallback: z.boolean(),
  audioPath: z.string().nullable().optional(),
});

export const TRANSCRIPT_JSON_FORMAT = 'persona-chat.transcript';
export const TRANSCRIPT_JSON_VERSION = 1;

export const transcriptDocument = z.object({
  format: z.literal(TRANSCRIPT_JSON_FORMAT),
  version: z.literal(TRANSCRIPT_JSON_VERSION),
  session,
  persona: snapshot.nullable(),
  messages: z.array(message),
});
export type TranscriptDocument = z.infer<typeof transcriptDocument>;
