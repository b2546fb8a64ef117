import type { ProviderError } from '../core/errors.js';
import type { FinishReason, ProviderName, Usage } from '../core/messages.js';
import type { MessageRecord } from '../core/records.js';

/**
 * The one stream every front end consumes (`ask`, the line REPL, the Ink chat). It always ends
 * with exactly one `done` or `error`; by then everything is saved. A message refused by a limit
 * (src/chat/limits) throws a LimitError before `start`, with nothing saved or sent.
 */
export type ChatEvent =
  /**
   * Something the user should know before or during a turn; consumers that do not show it lose
   * nothing. `rate_limited`: the engine waits `waitMs` before sending. `budget_warning`: 80% of a
   * budget is spent. `budget_overridden`: a spent budget was passed over (--over-budget).
   */
  | { type: 'notice'; kind: 'rate_limited' | 'budget_warning' | 'budget_overridden'; text: string; waitMs?: number }
  | { type: 'start'; sessionId: string; userMessage: MessageRecord | null; provider: ProviderName; model: string }
  /** `parts`: see ProviderEvent (the provider's pieces, passed through). */
  | { type: 'delta'; text: string; parts?: readonly string[] }
  | { type: 'usage'; usage: Usage }
  /** The chosen provider failed and the offline engine answers instead; what failed is in `error`. */
  | { type: 'fallback'; error: ProviderError; provider: ProviderName; model: string }
  | { type: 'done'; message: MessageRecord; finishReason: FinishReason }
  | { type: 'error'; error: ProviderError; message: MessageRecord };
