import type { ChatTurn } from '../../core/messages.js';
import type { MessageRecord } from '../../core/records.js';
import { windowTurns, type HistoryWindow } from '../../chat/history.js';

// How a group transcript becomes one participant's message list for a chat model. A chat model
// knows two sides: the user and itself. So, from where each participant sits:
// - their own earlier words are assistant turns (role 'persona');
// - everything else (the moderator, and every other participant) is user-side content, each
//   line attributed by name ("Moderator: …", "Ana Lima: …"), in the order it was said;
// - consecutive user-side lines are one user turn, so turns alternate as every provider expects.
// The request therefore ends with one user turn holding everything said since this participant
// last spoke: the moderator's prompt and the earlier speakers' answers. The offline engine reads
// that same last turn as what it answers, so it reacts to the others' words too.

export const MODERATOR = 'Moderator';

/** Attributes one message for a participant's view. */
function attributed(message: MessageRecord, self: string, names: ReadonlyMap<string, string>): string {
  const text = message.content.trim();
  if (message.role === 'user') {
    const to = message.addresseeId;
    if (!to) return `${MODERATOR}: ${text}`;
    return to === self ? `${MODERATOR} (to you): ${text}` : `${MODERATOR} (to ${names.get(to) ?? to}): ${text}`;
  }
  const speaker = message.speakerId ?? '';
  return `${names.get(speaker) ?? speaker}: ${text}`;
}

/** The whole group transcript as `self` sees it, oldest first. */
export function participantTurns(messages: readonly MessageRecord[], self: string, names: ReadonlyMap<string, string>): ChatTurn[] {
  const turns: ChatTurn[] = [];
  let heard: string[] = [];
  const flush = () => {
    if (heard.length > 0) turns.push({ role: 'user', content: heard.join('\n\n') });
    heard = [];
  };
  for (const message of messages) {
    if (message.status === 'error' || message.content.trim() === '') continue;
    if (message.role === 'persona' && message.speakerId === self) {
      flush();
      const last = turns[turns.length - 1];
      // Two replies in a row from the same participant (a retry): the newer one counts.
      if (last?.role === 'persona') last.content = message.content;
      else turns.push({ role: 'persona', content: message.content });
      continue;
    }
    heard.push(attributed(message, self, names));
  }
  flush();
  return turns;
}

/**
 * The request for `self`'s next turn: the window of earlier turns, then the last user turn (what
 * they answer now), which is always kept whole. Undefined when there is nothing to answer.
 */
export function participantRequest(
  messages: readonly MessageRecord[],
  self: string,
  names: ReadonlyMap<string, string>,
  window: HistoryWindow,
): ChatTurn[] | undefined {
  const turns = participantTurns(messages, self, names);
  const last = turns[turns.length - 1];
  if (!last || last.role !== 'user') return undefined;
  const earlier = window.maxMessages > 1 ? windowTurns(turns.slice(0, -1), { ...window, maxMessages: window.maxMessages - 1 }) : [];
  return [...earlier, last];
}
