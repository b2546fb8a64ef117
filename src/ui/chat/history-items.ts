import { readSummaryMessage } from '../../core/carried-summary.js';
import { sanitizeInline, sanitizeText } from '../../core/sanitize.js';
import type { MessageRecord } from '../../core/records.js';
import type { SlashCommand } from '../commands/types.js';
import type { PersonaView } from './persona-view.js';

// Everything the transcript shows, as one tagged union rendered by one switch component
// (<HistoryItemView>). Items are immutable once pushed: they live in Ink's <Static>.

export type HistoryItem = { id: number } & (
  | { kind: 'header'; persona: PersonaView }
  /** A group chat's header: everyone taking part. */
  | { kind: 'group-header'; personas: PersonaView[] }
  /** What the user sent; in a group, `to` names the one participant it was addressed to. */
  | { kind: 'user'; text: string; to?: PersonaView }
  /** One finished piece of a persona reply, Markdown. `showName` on the reply's first piece. */
  | { kind: 'persona'; persona: PersonaView; text: string; showName: boolean; continues: boolean }
  | { kind: 'notice'; tone: 'info' | 'warning'; text: string }
  | { kind: 'info'; lines: string[] }
  | { kind: 'error'; message: string; hint?: string }
  /** A titled block (the system prompt, the chat profile, a carried-over summary: that one is Markdown). */
  | { kind: 'text'; title: string; text: string; markdown?: boolean }
  | { kind: 'help'; commands: readonly SlashCommand[] }
);

export type NewHistoryItem = HistoryItem extends infer T ? (T extends HistoryItem ? Omit<T, 'id'> : never) : never;

let nextId = 1;

/** Gives items their ids (unique for the process, so React keys never collide across sessions). */
export function withIds(items: NewHistoryItem[]): HistoryItem[] {
  return items.map((item) => ({ ...item, id: nextId++ }) as HistoryItem);
}

/** A saved conversation as transcript items (a resumed session, `--continue`). */
export function itemsFromMessages(messages: readonly MessageRecord[], persona: PersonaView): NewHistoryItem[] {
  const items: NewHistoryItem[] = [];
  for (const message of messages) {
    if (message.role === 'user') {
      // A continued session opens with a summary the model reads as the user's first message;
      // the person did not type it, so it is shown as what it is.
      const carried = message.inputMode === 'script' ? readSummaryMessage(message.content) : undefined;
      items.push(
        carried
          ? {
              kind: 'text',
              title: `Carried over from session ${sanitizeInline(carried.fromSessionId)} (a summary)`,
              text: sanitizeText(carried.summary),
              markdown: true,
            }
          : { kind: 'user', text: sanitizeText(message.content) },
      );
      continue;
    }
    if (message.content.trim())
      items.push({ kind: 'persona', persona, text: sanitizeText(message.content), showName: true, continues: false });
    if (message.status === 'interrupted') items.push({ kind: 'notice', tone: 'warning', text: 'interrupted' });
    if (message.status === 'error') items.push({ kind: 'error', message: sanitizeText(message.error ?? 'the provider failed') });
  }
  return items;
}
