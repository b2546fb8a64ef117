import * as z from 'zod/mini';
import '../core/zod-setup.js';
import { PROVIDER_NAMES, type ProviderName } from '../core/messages.js';

// The JSON export's shape, checked when a transcript file is read back. It mirrors the store's
// records field for field, so a transcript written and parsed again equals what was stored.

const provider = z.enum(PROVIDER_NAMES as [ProviderName, ...ProviderName[]]);
const count = z.number().check(z.int(), z.nonnegative());
const nullableCount = z.nullable(count);

const session = z.object({
  id: z.string(),
  personaId: z.string(),
  snapshotId: z.string(),
  userId: z.string(),
  provider,
  model: z.string(),
  title: z.nullable(z.string()),
  startedAt: z.string(),
  lastActiveAt: z.string(),
  personaName: z.string(),
  messageCount: count,
  inputTokens: count,
  outputTokens: count,
  costUsd: z.nullable(z.number().check(z.nonnegative())),
  participants: z.optional(
    z.array(
      z.object({
        personaId: z.string(),
        name: z.string(),
        snapshotId: z.string(),
        position: z.number().check(z.int(), z.positive()),
      }),
    ),
  ),
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
  seq: z.number().check(z.int(), z.positive()),
  role: z.enum(['user', 'persona']),
  content: z.string(),
  createdAt: z.string(),
  provider: z.nullable(provider),
  model: z.nullable(z.string()),
  inputTokens: nullableCount,
  outputTokens: nullableCount,
  cacheReadTokens: nullableCount,
  cacheWriteTokens: nullableCount,
  costUsd: z.nullable(z.number().check(z.nonnegative())),
  latencyFirstTokenMs: z.nullable(z.number().check(z.nonnegative())),
  latencyTotalMs: z.nullable(z.number().check(z.nonnegative())),
  status: z.enum(['complete', 'interrupted', 'error']),
  finishReason: z.nullable(z.enum(['stop', 'length', 'interrupted', 'content_filter', 'error'])),
  inputMode: z.nullable(z.enum(['typed', 'voice', 'script'])),
  error: z.nullable(z.string()),
  fallback: z.boolean(),
  audioPath: z.optional(z.nullable(z.string())),
  speakerId: z.optional(z.nullable(z.string())),
  addresseeId: z.optional(z.nullable(z.string())),
});

export const TRANSCRIPT_JSON_FORMAT = 'persona-chat.transcript';
export const TRANSCRIPT_JSON_VERSION = 1;

export const transcriptDocument = z.object({
  format: z.literal(TRANSCRIPT_JSON_FORMAT),
  version: z.literal(TRANSCRIPT_JSON_VERSION),
  session,
  persona: z.nullable(snapshot),
  messages: z.array(message),
});
export type TranscriptDocument = z.infer<typeof transcriptDocument>;
