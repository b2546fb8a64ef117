import { estimateTokens } from '../persona/prompt.js';
import type { MessageRecord } from '../core/records.js';

// What the conversation limits and the session budget need from a whole session: its user turns,
// the estimated tokens of its conversation (as `conversationTurns` counts them) and what its
// replies cost. Every turn of a long conversation asks again, for the session read afresh; adding
// up hundreds of messages each time made a turn slower with every message. So the totals are
// remembered per message record: the totals up to and including a message. A later read of the
// same session (a served session's cached copy hands out the same record objects) starts from the
// newest record it has totals for and adds only what came after. Records are never changed once
// saved and a session only grows, so a record's totals stay true; a store that builds new objects
// on every read simply gets the full count, as before.

export interface ConversationTotals {
  /** Messages counted. */
  readonly count: number;
  /** Messages from the user. */
  readonly userTurns: number;
  /** Estimated tokens of the conversation's turns (failed and empty replies out, a retried reply replaced). */
  readonly tokens: number;
  /** Sum of the messages' costs (USD). */
  readonly costUsd: number;
  /** The last turn counted, which a following reply would replace: its role and tokens. */
  readonly lastRole: MessageRecord['role'] | undefined;
  readonly lastTokens: number;
}

export const NO_CONVERSATION: ConversationTotals = { count: 0, userTurns: 0, tokens: 0, costUsd: 0, lastRole: undefined, lastTokens: 0 };

/** How far back from the newest message a read looks for remembered totals before counting afresh. */
const LOOK_BACK = 16;

const remembered = new WeakMap<MessageRecord, ConversationTotals>();

export function conversationTotals(messages: readonly MessageRecord[]): ConversationTotals {
  const n = messages.length;
  if (n === 0) return NO_CONVERSATION;
  let from = 0;
  let totals = NO_CONVERSATION;
  for (let i = n - 1; i >= Math.max(0, n - LOOK_BACK); i--) {
    const known = remembered.get(messages[i]!);
    // The same record at the same position: the same session prefix.
    if (known && known.count === i + 1) {
      from = i + 1;
      totals = known;
      break;
    }
  }
  if (from === n) return totals;
  for (let i = from; i < n; i++) totals = withMessage(totals, messages[i]!);
  remembered.set(messages[n - 1]!, totals);
  return totals;
}

/** The totals of a conversation one message longer. */
export function withMessage(totals: ConversationTotals, m: MessageRecord): ConversationTotals {
  let { tokens, lastRole, lastTokens } = totals;
  // The same rules as conversationTurns (history.ts).
  if (m.status !== 'error' && m.content.trim() !== '') {
    const own = estimateTokens(m.content);
    if (m.role === 'persona' && lastRole === 'persona') tokens -= lastTokens;
    tokens += own;
    lastRole = m.role;
    lastTokens = own;
  }
  return {
    count: totals.count + 1,
    userTurns: totals.userTurns + (m.role === 'user' ? 1 : 0),
    tokens,
    costUsd: totals.costUsd + (m.costUsd ?? 0),
    lastRole,
    lastTokens,
  };
}
