import type { ChatEvent } from '../../chat/events.js';
import type { ProviderError } from '../../core/errors.js';
import type { MessageRecord } from '../../core/records.js';

/** What one turn produced, for --json and exit codes. */
export interface TurnResult {
  sessionId: string | null;
  /** The user's message as saved (null when the turn never started). */
  userMessage: MessageRecord | null;
  provider: string;
  model: string;
  reply: string;
  message: MessageRecord | null;
  error: ProviderError | null;
  fallback: boolean;
}

/**
 * Consumes a turn's events, calling `onDelta` for streamed text and `onNotice` for what the user should
 * know (rate-limit waits, budget warnings, a fallback); resolves when the turn ends.
 */
export async function collectTurn(
  events: AsyncIterable<ChatEvent>,
  onDelta?: (text: string) => void,
  onNotice?: (text: string) => void,
): Promise<TurnResult> {
  const result: TurnResult = {
    sessionId: null,
    userMessage: null,
    provider: '',
    model: '',
    reply: '',
    message: null,
    error: null,
    fallback: false,
  };
  for await (const event of events) {
    switch (event.type) {
      case 'notice':
        onNotice?.(event.text);
        break;
      case 'start':
        result.sessionId = event.sessionId;
        result.userMessage = event.userMessage ?? result.userMessage;
        result.provider = event.provider;
        result.model = event.model;
        break;
      case 'delta':
        result.reply += event.text;
        onDelta?.(event.text);
        break;
      case 'usage':
        break;
      case 'fallback':
        result.fallback = true;
        result.provider = event.provider;
        result.model = event.model;
        onNotice?.(`${event.error.message}; the offline engine answers instead`);
        break;
      case 'done':
        result.message = event.message;
        result.model = event.message.model ?? result.model;
        break;
      case 'error':
        result.message = event.message;
        result.error = event.error;
        break;
    }
  }
  return result;
}

export function turnJson(personaId: string, personaName: string, r: TurnResult) {
  const m = r.message;
  return {
    sessionId: r.sessionId,
    persona: { id: personaId, name: personaName },
    // What was asked and how it came in (typed, script, voice): a spoken message is nowhere else on stdout.
    message: r.userMessage?.content ?? null,
    inputMode: r.userMessage?.inputMode ?? null,
    provider: r.provider,
    model: r.model,
    reply: r.reply,
    status: m?.status ?? 'error',
    finishReason: m?.finishReason ?? null,
    fallback: r.fallback,
    usage: m
      ? {
          inputTokens: m.inputTokens,
          outputTokens: m.outputTokens,
          cacheReadTokens: m.cacheReadTokens,
          cacheWriteTokens: m.cacheWriteTokens,
        }
      : null,
    costUsd: m?.costUsd ?? null,
    latency: m ? { firstTokenMs: m.latencyFirstTokenMs, totalMs: m.latencyTotalMs } : null,
    error: r.error ? { kind: r.error.kind, message: r.error.message, hint: r.error.hint ?? null, status: r.error.status ?? null } : null,
  };
}
