import type { InputMode } from './messages.js';
import type { NewMessage } from './records.js';

/** A user turn to append: every provider, token, cost and latency field empty. */
export function newUserMessage(sessionId: string, content: string, inputMode: InputMode = 'typed'): NewMessage {
  return {
    sessionId,
    role: 'user',
    content,
    provider: null,
    model: null,
    inputTokens: null,
    outputTokens: null,
    cacheReadTokens: null,
    cacheWriteTokens: null,
    costUsd: null,
    latencyFirstTokenMs: null,
    latencyTotalMs: null,
    status: 'complete',
    finishReason: null,
    inputMode,
    error: null,
    fallback: false,
  };
}

/**
 * The greeting a conversation opened with, as the persona's first message. No provider wrote it,
 * so it has none, and it cost nothing: zero tokens and $0 (not "unknown", which would make the
 * session's cost unknown in `persona stats`).
 */
export function newOpeningMessage(sessionId: string, content: string): NewMessage {
  return {
    ...newUserMessage(sessionId, content),
    role: 'persona',
    inputMode: null,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
  };
}
