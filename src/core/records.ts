import type { FinishReason, InputMode, MessageStatus, ProviderName, Role } from './messages.js';

// Records as stored and read back: plain data every layer may read (the engine produces them, the
// store saves them, the UI, exports and the server show them). What stores them is src/store; the
// interface the engine saves through is ChatStore in src/chat/chat-store.ts.

export interface PersonaSnapshot {
  id: string;
  personaId: string;
  name: string;
  /** sha256 of the canonical persona JSON: the same persona chatted with twice shares a row. */
  contentHash: string;
  persona: unknown;
  chatProfile: unknown;
  systemPrompt: string;
  createdAt: string;
}

export interface SessionRecord {
  id: string;
  personaId: string;
  snapshotId: string;
  userId: string;
  provider: ProviderName;
  model: string;
  title: string | null;
  startedAt: string;
  lastActiveAt: string;
}

export interface MessageRecord {
  id: string;
  sessionId: string;
  /** 1-based order within the session. */
  seq: number;
  role: Role;
  content: string;
  createdAt: string;
  provider: ProviderName | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cacheReadTokens: number | null;
  cacheWriteTokens: number | null;
  /** USD; null when the model's price is unknown (never guessed as zero). */
  costUsd: number | null;
  latencyFirstTokenMs: number | null;
  latencyTotalMs: number | null;
  status: MessageStatus;
  finishReason: FinishReason | null;
  inputMode: InputMode | null;
  /** One-line error text for status `error`. */
  error: string | null;
  /** True when the offline engine answered because the chosen provider failed. */
  fallback: boolean;
  /** The kept recording of a spoken message (--keep-audio); absent otherwise. */
  audioPath?: string | null;
  /** Group sessions: the persona id of the participant who wrote this reply; absent otherwise. */
  speakerId?: string | null;
  /** Group sessions: the one participant a moderator message was addressed to (`/to`); absent when to all. */
  addresseeId?: string | null;
}

export type NewMessage = Omit<MessageRecord, 'id' | 'seq' | 'createdAt'> & { createdAt?: string };

/** One participant of a group session, in speaking order (position 1 first). */
export interface SessionParticipant {
  personaId: string;
  /** The persona's name as it was when the session started (from its snapshot). */
  name: string;
  snapshotId: string;
  position: number;
}

/** The end of a session's transcript (oldest first) and how many messages the session has in all. */
export interface RecentMessages {
  messages: MessageRecord[];
  total: number;
}

/** What a session's replies cost so far: the chat's status line and /cost. */
export interface ReplyTotals {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** True when some reply had usage but no known price: the cost shown is a lower bound. */
  costIncomplete: boolean;
  replies: number;
}

export interface SessionSummary extends SessionRecord {
  personaName: string;
  /** Present (two or more) for a group session only. */
  participants?: SessionParticipant[];
  messageCount: number;
  inputTokens: number;
  outputTokens: number;
  /** Null when any priced message had an unknown price. */
  costUsd: number | null;
}

export interface SearchHit {
  sessionId: string;
  messageId: string;
  /** The message's place in its session, to show or jump to. */
  seq: number;
  personaId: string;
  /** From the snapshot the session was started with. */
  personaName: string;
  role: Role;
  createdAt: string;
  /** With the matched terms wrapped in « » (plain text; the CLI styles it). */
  snippet: string;
  /** FTS5 bm25 score: lower (more negative) is a better match; hits come best first. */
  rank: number;
  /**
   * Every term appears as typed (whole word, phrase or prefix); false when the message matched
   * only through a word form sharing the stem ("general" for "generator"). Exact hits come first.
   */
  exact: boolean;
}

export interface NewEvent {
  kind: string;
  sessionId?: string | null;
  personaId?: string | null;
  data?: Record<string, unknown>;
}
