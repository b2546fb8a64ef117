import type { ChatEngine } from '../../chat/engine.js';
import { sanitizeText } from '../../core/sanitize.js';
import type { Persona } from '../../persona/schema.js';
import type { MessageRecord } from '../../core/records.js';
import { NO_TOTALS, type SessionTotals } from '../format.js';
import type { ChatStart } from './ChatScreen.js';
import { itemsFromMessages, type NewHistoryItem } from './history-items.js';
import { personaView, type PersonaView } from './persona-view.js';
import { messagesForScreen, type ScreenSize } from './screenful.js';
import { SHOWN_ON_REOPEN } from './shown-on-reopen.js';

export { SHOWN_ON_REOPEN };

/**
 * A reopened session as the chat opens it: its last messages (at least SHOWN_ON_REOPEN of them
 * when it has that many), how many it has in all, and what its replies cost in all.
 */
export interface ReopenedSession {
  messages: readonly MessageRecord[];
  total: number;
  totals: SessionTotals;
}

export const NOTHING_REOPENED: ReopenedSession = { messages: [], total: 0, totals: NO_TOTALS };

/**
 * What the chat opens with: the header, then (the end of) a reopened session's transcript, as much
 * of it as fills `screen` and some (all that was read when the screen's size is unknown).
 */
export function chatStart(
  engine: ChatEngine,
  persona: Persona,
  reopened: ReopenedSession = NOTHING_REOPENED,
  screen?: ScreenSize,
): ChatStart {
  const view = personaView(persona);
  const opening = reopened.total === 0 ? greetingItems(engine, view) : reopenedItems(reopened, view, engine.session?.id, screen);
  const intro: NewHistoryItem[] = [{ kind: 'header', persona: view }, ...opening];
  return { engine, persona, intro, totals: reopened.totals };
}

/**
 * A new session opens with the persona's greeting when the file (or an imported card's first
 * message) gives one. The engine saves it as the session's first message when the session starts.
 */
export function greetingItems(engine: ChatEngine, view: PersonaView): NewHistoryItem[] {
  const greeting = engine.opening;
  return greeting ? [{ kind: 'persona', persona: view, text: sanitizeText(greeting), showName: true, continues: false }] : [];
}

/**
 * A reopened session's transcript items: its last messages (a screenful and some of them when
 * `screen` is given, else at most SHOWN_ON_REOPEN), and a line about the rest.
 */
export function reopenedItems(
  reopened: Pick<ReopenedSession, 'messages' | 'total'>,
  view: PersonaView,
  sessionId: string | undefined,
  screen?: ScreenSize,
): NewHistoryItem[] {
  const read = reopened.messages.slice(-SHOWN_ON_REOPEN);
  const shown = screen ? read.slice(-messagesForScreen(read, screen)) : read;
  return [...earlierNote(reopened.total - shown.length, sessionId), ...itemsFromMessages(shown, view)];
}

/** The line that stands for the messages a reopened session does not draw, and where to read them. */
export function earlierNote(hidden: number, sessionId: string | undefined): NewHistoryItem[] {
  if (hidden <= 0) return [];
  const count = `${groupThousands(hidden)} earlier message${hidden === 1 ? '' : 's'}`;
  const where = sessionId ? `persona sessions show ${sessionId}` : 'persona sessions show <id>';
  return [{ kind: 'notice', tone: 'info', text: `… ${count} not shown: read them all with ${where}, or save them with /export` }];
}

/** 19900 -> "19,900", without toLocaleString: loading the ICU data for it costs the first frame ~40 ms. */
function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
