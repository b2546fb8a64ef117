import type { ProviderError } from '../core/errors.js';
import type { FinishReason, ProviderName, Usage } from '../core/messages.js';
import type { MessageRecord } from '../store/types.js';

/**
 * The one stream every front end consumes (`ask`, the line REPL, the Ink chat). It always ends
 * with exactly one `done` or `error`; by then everything is saved.
 */
export type ChatEvent =
  | { type: 'start'; sessionId: string; userMessage: MessageRecord | null; provider: ProviderName; model: string }
  | { type: 'delta'; text: string }
  | { type: 'usage'; usage: Usage }
  /** The chosen provider failed and the offline engine answers instead; what failed is in `error`. */
  | { type: 'fallback'; error: ProviderError; provider: ProviderName; model: string }
  | { type: 'done'; message: MessageRecord; finishReason: FinishReason }
  | { type: 'error'; error: ProviderError; message: MessageRecord };
