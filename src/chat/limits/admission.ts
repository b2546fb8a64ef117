import { setTimeout as sleep } from 'node:timers/promises';
import type { ProviderName } from '../../core/messages.js';
import { estimateTokens } from '../../persona/prompt.js';
import type { ChatStore } from '../chat-store.js';
import type { MessageRecord } from '../../core/records.js';
import type { ChatEvent } from '../events.js';
import { conversationTotals, type ConversationTotals } from '../conversation-totals.js';
import { LimitError, WaitCancelledError } from './limit-error.js';
import type { SessionRateLimit } from './rate-limit.js';
import { BUDGET_WARNING_SHARE, type LimitSettings } from './settings.js';

// Decides whether one user message may go out, before anything is saved or sent: the conversation
// limits, the spending budgets, then the rate limit (waiting if it must). Refusals throw a
// LimitError; warnings and waits are `notice` events. Every refusal, warning and wait is recorded
// in the events table, where `persona stats` counts them.

export interface AdmissionRequest {
  store: ChatStore;
  personaId: string;
  sessionId: string | null;
  /** The session's messages so far (empty for a new session); `totals` instead when known already. */
  prior: readonly MessageRecord[];
  /** conversationTotals(prior), when the caller has it without the messages (a served session's state). */
  totals?: ConversationTotals;
  text: string;
  provider: ProviderName;
  limits: LimitSettings;
  rate: SessionRateLimit | undefined;
  overBudget: boolean;
  noWait: boolean;
  signal: AbortSignal | undefined;
  now?: () => number;
  /**
   * What counts as a request: the user's messages (a conversation), or the replies (a group
   * conversation, where one moderator message makes a request per participant). For replies the
   * conversation limits were checked when the moderator's message was admitted.
   */
  requests?: 'messages' | 'replies';
}

const CONTINUE_HINT =
  'start afresh (/reset in the chat, or ask without --continue), or carry on in a new session that opens with a summary: persona ask --carry-over';
const BUDGET_HINT = 'raise it with `persona config set limits.%s <usd>` (0 = no budget), or pass --over-budget for this request';

export async function* admitMessage(req: AdmissionRequest): AsyncGenerator<ChatEvent, void> {
  const now = req.now ?? Date.now;
  if (req.requests !== 'replies') await checkConversation(req);
  // The offline engine is free and local: no spending to check, no pace to keep.
  if (req.provider === 'offline') return;
  yield* checkBudgets(req, now());
  if (req.rate) yield* awaitRateLimit(req, req.rate, now);
}

/** Records the refusal, then throws it: the returned promise always rejects. */
async function refuse(req: AdmissionRequest, error: LimitError, data: Record<string, unknown> = {}): Promise<never> {
  await req.store.recordEvent({
    kind: 'limit_reached',
    sessionId: req.sessionId,
    personaId: req.personaId,
    data: { limit: error.limit, ...data },
  });
  throw error;
}

export async function checkConversation(req: AdmissionRequest): Promise<void> {
  const { maxTurns, contextTokens } = req.limits;
  if (maxTurns <= 0 && contextTokens <= 0) return;
  const totals = req.totals ?? conversationTotals(req.prior);
  const turns = totals.userTurns;
  if (maxTurns > 0 && turns >= maxTurns) {
    await refuse(req, new LimitError('turns', `this conversation has reached its limit of ${maxTurns} turns`, CONTINUE_HINT), { turns });
  }
  if (contextTokens > 0) {
    const own = estimateTokens(req.text);
    if (own > contextTokens) {
      // The message alone is too big: starting afresh would not help, shortening it does.
      await refuse(
        req,
        new LimitError(
          'context',
          `the message is too long (about ${own} tokens; the context budget is ${contextTokens})`,
          'shorten it, or raise `limits.contextTokens`',
        ),
        { tokens: own },
      );
    }
    const tokens = totals.tokens + estimateTokens(req.text);
    if (tokens > contextTokens) {
      await refuse(
        req,
        new LimitError(
          'context',
          `this conversation has grown past its context budget of ${contextTokens} tokens (about ${tokens} now)`,
          CONTINUE_HINT,
        ),
        { tokens },
      );
    }
  }
}

/** Local midnight, as the ISO instant stored timestamps compare against. */
export function startOfDay(nowMs: number): string {
  const day = new Date(nowMs);
  day.setHours(0, 0, 0, 0);
  return day.toISOString();
}

async function* checkBudgets(req: AdmissionRequest, nowMs: number): AsyncGenerator<ChatEvent, void> {
  const budgets = [
    {
      limit: 'session_budget' as const,
      key: 'sessionBudgetUsd',
      label: 'session',
      budget: req.limits.sessionBudgetUsd,
      spent: async () => (req.totals ?? conversationTotals(req.prior)).costUsd,
    },
    {
      limit: 'daily_budget' as const,
      key: 'dailyBudgetUsd',
      label: "today's",
      budget: req.limits.dailyBudgetUsd,
      spent: () => req.store.spentSince(startOfDay(nowMs)),
    },
  ];
  for (const b of budgets) {
    if (b.budget <= 0) continue;
    const spent = await b.spent();
    const data = { limit: b.limit, spentUsd: spent, budgetUsd: b.budget };
    if (spent >= b.budget) {
      if (req.overBudget) {
        await req.store.recordEvent({ kind: 'budget_overridden', sessionId: req.sessionId, personaId: req.personaId, data });
        yield {
          type: 'notice',
          kind: 'budget_overridden',
          text: `${b.label} budget of ${usd(b.budget)} is spent (${usd(spent)}); sending anyway (--over-budget)`,
        };
        continue;
      }
      await refuse(
        req,
        new LimitError(
          b.limit,
          `the ${b.label} budget of ${usd(b.budget)} is spent (${usd(spent)} so far); nothing was sent`,
          BUDGET_HINT.replace('%s', b.key),
        ),
        data,
      );
    }
    if (spent >= b.budget * BUDGET_WARNING_SHARE) {
      await req.store.recordEvent({ kind: 'budget_warning', sessionId: req.sessionId, personaId: req.personaId, data });
      yield {
        type: 'notice',
        kind: 'budget_warning',
        text: `${usd(spent)} of the ${b.label} budget of ${usd(b.budget)} is spent (${Math.floor((spent / b.budget) * 100)}%)`,
      };
    }
  }
}

async function* awaitRateLimit(req: AdmissionRequest, rate: SessionRateLimit, now: () => number): AsyncGenerator<ChatEvent, void> {
  const counted = req.requests === 'replies' ? 'persona' : 'user';
  const stored = req.prior.filter((m) => m.role === counted).map((m) => Date.parse(m.createdAt));
  const waitMs = rate.waitMs(stored, now());
  if (waitMs > 0) {
    const data = { perMinute: rate.perMinute, waitMs, waited: !req.noWait };
    await req.store.recordEvent({ kind: 'rate_limited', sessionId: req.sessionId, personaId: req.personaId, data });
    const seconds = (waitMs / 1000).toFixed(1);
    if (req.noWait) {
      throw new LimitError(
        'rate',
        `rate limit: ${rate.perMinute} messages a minute in this session; the next one may go in ${seconds} s`,
        'wait and try again, drop --no-wait to wait automatically, or change `limits.messagesPerMinute` (0 = off)',
      );
    }
    yield {
      type: 'notice',
      kind: 'rate_limited',
      waitMs,
      text: `rate limit: ${rate.perMinute} messages a minute; sending in ${seconds} s`,
    };
    try {
      await sleep(waitMs, undefined, { signal: req.signal });
    } catch {
      throw new WaitCancelledError();
    }
  }
  rate.take();
}

function usd(value: number): string {
  return `$${value < 0.01 && value > 0 ? value.toFixed(4) : value.toFixed(2)}`;
}
