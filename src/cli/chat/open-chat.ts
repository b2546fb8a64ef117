import { UsageError } from '../../core/errors.js';
import { resolvePersona } from '../../persona/loader.js';
import type { Persona } from '../../persona/schema.js';
import type { HistoryStore, SessionWithParticipants } from '../../store/history-store.js';
import type { MessageRecord, ReplyTotals } from '../../core/records.js';
import { mostMessagesForScreen } from '../../ui/chat/screenful.js';
import { SHOWN_ON_REOPEN } from '../../ui/chat/shown-on-reopen.js';
import { findSessionOrFail } from '../session-ref.js';
import type { ChatOptions } from './chat-options.js';

export interface OpenedChat {
  /** Undefined when the user should pick one. */
  persona: Persona | undefined;
  /** With its participants when it is a group session. */
  session: SessionWithParticipants | undefined;
  /** A reopened session's last messages (what the chat draws), not the whole session. */
  messages: MessageRecord[];
  /** How many messages the reopened session has in all. */
  total: number;
  totals: ReplyTotals;
}

const NO_REPLIES: ReplyTotals = { inputTokens: 0, outputTokens: 0, costUsd: 0, costIncomplete: false, replies: 0 };

/** A chat that reopens nothing (a new one, or a group that opens its own way). */
export const NOTHING_OPENED: OpenedChat = { persona: undefined, session: undefined, messages: [], total: 0, totals: NO_REPLIES };

/**
 * What the chat needs of a session it reopens: its end, its length and its totals, none of which
 * reads it whole. Given the terminal's rows, only as many messages as can fill them are read.
 */
export async function reopenSession(
  store: HistoryStore,
  sessionId: string,
  screenRows?: number,
): Promise<Pick<OpenedChat, 'messages' | 'total' | 'totals'>> {
  const limit = screenRows ? Math.min(SHOWN_ON_REOPEN, mostMessagesForScreen(screenRows)) : SHOWN_ON_REOPEN;
  const [{ messages, total }, totals] = await Promise.all([store.recentMessages(sessionId, limit), store.replyTotals(sessionId)]);
  return { messages, total, totals };
}

/**
 * Which persona and which session the chat starts with, from the argument and flags. `screenRows`
 * is the terminal's height when the chat draws the reopened session there.
 */
export async function openChat(
  personaArg: string | undefined,
  options: ChatOptions,
  store: HistoryStore | undefined,
  screenRows?: number,
): Promise<OpenedChat> {
  if (options.continue && options.session) throw new UsageError('use --continue or --session, not both');
  if ((options.continue || options.session) && !store) {
    throw new UsageError(`--${options.session ? 'session' : 'continue'} needs the history database`, 'drop --no-save');
  }
  const named = personaArg ? resolvePersona(personaArg) : undefined;
  if (!store || (!options.session && !options.continue)) return { ...NOTHING_OPENED, persona: named };

  let session: SessionWithParticipants;
  if (options.session) {
    session = await findSessionOrFail(store, options.session);
    if (named && named.id !== session.personaId && !session.participants?.some((p) => p.personaId === named.id)) {
      throw new UsageError(`session ${session.id} is with ${session.personaId}, not ${named.id}`, `persona chat --session ${session.id}`);
    }
  } else {
    // Found without summing its messages: the chat reads its totals itself (reopenSession).
    const latest = await store.latestSessionRecord(named?.id);
    if (!latest) {
      throw new UsageError(
        named ? `no earlier session with ${named.id} to continue` : 'there are no saved sessions yet',
        named ? `start one: persona chat ${named.id}` : 'start one: persona chat',
      );
    }
    session = latest;
  }
  // A group session is reopened with all of its participants (the caller sees `participants`).
  const persona =
    session.participants && session.participants.length > 1
      ? resolvePersona(session.personaId)
      : (named ?? resolvePersona(session.personaId));
  return { persona, session, ...(await reopenSession(store, session.id, screenRows)) };
}
