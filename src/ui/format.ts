import type { MessageRecord, ReplyTotals } from '../core/records.js';

// Numbers as the status line and /cost show them.

export function formatUsd(cost: number): string {
  if (cost === 0) return '$0';
  if (cost < 0.01) return `$${cost.toFixed(4)}`;
  return `$${cost.toFixed(2)}`;
}

export function formatTokens(count: number): string {
  if (count < 1000) return String(count);
  if (count < 100_000) return `${(count / 1000).toFixed(1)}k`;
  return `${Math.round(count / 1000)}k`;
}

/** What a session's replies cost so far (summed in SQL for a reopened session: see HistoryStore.replyTotals). */
export type SessionTotals = ReplyTotals;

export const NO_TOTALS: SessionTotals = { inputTokens: 0, outputTokens: 0, costUsd: 0, costIncomplete: false, replies: 0 };

export function addToTotals(totals: SessionTotals, message: MessageRecord): SessionTotals {
  // The greeting a session opened with has no provider: no model wrote it, so it is no reply.
  if (message.role !== 'persona' || message.provider === null) return totals;
  return {
    inputTokens: totals.inputTokens + (message.inputTokens ?? 0),
    outputTokens: totals.outputTokens + (message.outputTokens ?? 0),
    costUsd: totals.costUsd + (message.costUsd ?? 0),
    // As the history counts it (persona stats, sessions list): a reply that was not an error and
    // has no cost (an unknown price, or a reply stopped before the provider reported usage)
    // leaves the total a lower bound.
    costIncomplete: totals.costIncomplete || (message.status !== 'error' && message.costUsd === null),
    replies: totals.replies + 1,
  };
}

export function totalsOf(messages: readonly MessageRecord[]): SessionTotals {
  return messages.reduce(addToTotals, NO_TOTALS);
}

export function formatCostTotal(totals: SessionTotals): string {
  return totals.costIncomplete ? `≥${formatUsd(totals.costUsd)}` : formatUsd(totals.costUsd);
}
