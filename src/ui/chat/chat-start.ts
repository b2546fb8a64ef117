import type { ChatEngine } from '../../chat/engine.js';
import { sanitizeText } from '../../core/sanitize.js';
import type { Persona } from '../../persona/schema.js';
import type { MessageRecord } from '../../core/records.js';
import type { ChatStart } from './ChatScreen.js';
import { itemsFromMessages, type NewHistoryItem } from './history-items.js';
import { personaView, type PersonaView } from './persona-view.js';

/**
 * How much of a reopened session is drawn. A terminal's scrollback is the only place it would go,
 * and drawing a 1,000-message session costs seconds and hundreds of MB; the whole of it is one
 * command away.
 */
export const SHOWN_ON_REOPEN = 100;

/** What the chat opens with: the header, then (the end of) a reopened session's transcript. */
export function chatStart(engine: ChatEngine, persona: Persona, messages: readonly MessageRecord[]): ChatStart {
  const view = personaView(persona);
  const opening = messages.length === 0 ? greetingItems(engine, view) : reopenedItems(messages, view, engine.session?.id);
  const intro: NewHistoryItem[] = [{ kind: 'header', persona: view }, ...opening];
  return { engine, persona, intro, history: messages };
}

/**
 * A new session opens with the persona's greeting when the file (or an imported card's first
 * message) gives one. The engine saves it as the session's first message when the session starts.
 */
export function greetingItems(engine: ChatEngine, view: PersonaView): NewHistoryItem[] {
  const greeting = engine.opening;
  return greeting ? [{ kind: 'persona', persona: view, text: sanitizeText(greeting), showName: true, continues: false }] : [];
}

/** A reopened session's transcript items: its last SHOWN_ON_REOPEN messages, and a note of the rest. */
export function reopenedItems(messages: readonly MessageRecord[], view: PersonaView, sessionId: string | undefined): NewHistoryItem[] {
  const hidden = Math.max(0, messages.length - SHOWN_ON_REOPEN);
  const note: NewHistoryItem[] =
    hidden > 0
      ? [{ kind: 'notice', tone: 'info', text: `… ${hidden} earlier messages (all of them: persona sessions show ${sessionId ?? ''})` }]
      : [];
  return [...note, ...itemsFromMessages(messages.slice(hidden), view)];
}
