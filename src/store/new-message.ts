import type { InputMode } from '../core/messages.js';
import type { NewMessage } from './types.js';

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
