import type { Config } from '../../core/config.js';

// What the engine enforces per session and per day. 0 turns a limit off. The defaults are the
// seed's 10 messages a minute, generous conversation limits (a whole model context), and budgets
// small enough that a runaway script loop is stopped the same day.

export interface LimitSettings {
  /** User messages per minute per session, live providers only (the offline engine is free and local). */
  messagesPerMinute: number;
  /** User messages per session. */
  maxTurns: number;
  /** Estimated tokens of the whole conversation (what the model would need to see all of it). */
  contextTokens: number;
  sessionBudgetUsd: number;
  dailyBudgetUsd: number;
}

export const DEFAULT_LIMITS: Readonly<LimitSettings> = {
  messagesPerMinute: 10,
  maxTurns: 500,
  contextTokens: 200_000,
  sessionBudgetUsd: 1,
  dailyBudgetUsd: 5,
};

/** Share of a budget at which the user is warned. */
export const BUDGET_WARNING_SHARE = 0.8;

export function resolveLimits(configured: Config['limits'] = {}): LimitSettings {
  return { ...DEFAULT_LIMITS, ...Object.fromEntries(Object.entries(configured).filter(([, v]) => v !== undefined)) };
}
