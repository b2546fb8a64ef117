import { sanitizeText } from '../../core/sanitize.js';
import type { MessageRecord } from '../../core/records.js';
import type { NewHistoryItem } from '../chat/history-items.js';
import type { PersonaView } from '../chat/persona-view.js';

/** A reopened group session as transcript items: each reply under its speaker. */
export function groupItemsFromMessages(messages: readonly MessageRecord[], views: ReadonlyMap<string, PersonaView>): NewHistoryItem[] {
  const items: NewHistoryItem[] = [];
  for (const message of messages) {
    if (message.role === 'user') {
      const to = message.addresseeId ? views.get(message.addresseeId) : undefined;
      items.push({ kind: 'user', text: sanitizeText(message.content), ...(to ? { to } : {}) });
      continue;
    }
    const speaker = message.speakerId ? views.get(message.speakerId) : undefined;
    if (speaker && message.content.trim())
      items.push({ kind: 'persona', persona: speaker, text: sanitizeText(message.content), showName: true, continues: false });
    if (message.status === 'interrupted') items.push({ kind: 'notice', tone: 'warning', text: 'interrupted' });
    if (message.status === 'error') items.push({ kind: 'error', message: sanitizeText(message.error ?? 'the provider failed') });
  }
  return items;
}
