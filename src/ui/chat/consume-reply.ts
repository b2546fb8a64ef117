import type { ChatEvent } from '../../chat/events.js';
import { LimitError } from '../../chat/limits/limit-error.js';
import { isUserError } from '../../core/errors.js';
import type { ProviderName } from '../../core/messages.js';
import { sanitizeInline } from '../../core/sanitize.js';
import type { MessageRecord } from '../../core/records.js';
import { forTheChat, whatToDo } from './chat-hints.js';
import type { NewHistoryItem } from './history-items.js';
import type { LiveReplyStore } from './live-reply-store.js';
import type { PersonaView } from './persona-view.js';
import { ReplyAssembler, type AssemblerOptions, type FinishedPiece } from './reply-assembler.js';

// One reply, from the engine's event stream to the screen: deltas go to the live store (drawn at
// most ~30 times a second), finished pieces into the transcript, and the end of the reply (done,
// interrupted, failed) becomes a saved-message callback and, when it matters, a one-line notice.

export interface ReplySinks {
  live: LiveReplyStore;
  push(items: NewHistoryItem[]): void;
  saved(message: MessageRecord): void;
  /** The provider answering this reply (it changes when the fallback takes over). */
  answering(provider: ProviderName, model: string): void;
}

export async function consumeReply(
  events: AsyncIterable<ChatEvent>,
  persona: PersonaView,
  sinks: ReplySinks,
  budget: AssemblerOptions,
): Promise<void> {
  const reply = replyConsumer(persona, sinks, budget);
  try {
    for await (const event of events) reply.handle(event);
  } catch (error) {
    // Not a provider failure (those arrive as events): a limit that refused the message before
    // anything was saved, the database, or a bug. Say so; keep the chat.
    sinks.push([refusal(error)]);
  } finally {
    sinks.live.reset();
  }
}

export interface ReplyConsumer {
  handle(event: ChatEvent): void;
}

/** One reply's events to the screen; several in a row make a group turn (consume-group.ts). */
export function replyConsumer(persona: PersonaView, sinks: ReplySinks, budget: AssemblerOptions): ReplyConsumer {
  const assembler = new ReplyAssembler(budget);
  let piecesShown = 0;
  const show = (pieces: FinishedPiece[]) => {
    if (pieces.length === 0) return;
    sinks.push(pieces.map((p, i) => ({ kind: 'persona', persona, text: p.text, showName: piecesShown + i === 0, continues: p.continues })));
    piecesShown += pieces.length;
  };
  sinks.live.set({ phase: 'waiting', text: '', persona, showName: true }, true);
  return {
    handle(event) {
      switch (event.type) {
        case 'start':
          sinks.answering(event.provider, event.model);
          break;
        case 'delta': {
          const pieces = assembler.push(event.text);
          show(pieces);
          sinks.live.set({ phase: 'streaming', text: assembler.live, showName: piecesShown === 0 }, pieces.length > 0);
          break;
        }
        case 'usage':
          break;
        case 'notice':
          sinks.push([{ kind: 'notice', tone: event.kind === 'budget_overridden' ? 'info' : 'warning', text: sanitizeInline(event.text) }]);
          break;
        case 'fallback':
          sinks.answering(event.provider, event.model);
          sinks.push([
            { kind: 'notice', tone: 'warning', text: `${sanitizeInline(event.error.message)}: the offline engine answers instead` },
          ]);
          break;
        case 'done': {
          const last = assembler.finish();
          show(last ? [last] : []);
          sinks.live.reset();
          if (event.message.status === 'interrupted')
            sinks.push([
              {
                kind: 'notice',
                tone: 'warning',
                text: piecesShown ? 'interrupted: the partial reply is saved' : 'interrupted before the first word',
              },
            ]);
          else if (piecesShown === 0) sinks.push([{ kind: 'notice', tone: 'info', text: '(the reply was empty)' }]);
          sinks.saved(event.message);
          break;
        }
        case 'error': {
          const last = assembler.finish();
          show(last ? [last] : []);
          sinks.live.reset();
          sinks.push([{ kind: 'error', message: sanitizeInline(event.error.message), hint: whatToDo(event.error.hint) }]);
          sinks.saved(event.message);
          break;
        }
      }
    },
  };
}

export function refusal(error: unknown): NewHistoryItem {
  if (error instanceof LimitError) {
    const next =
      error.limit === 'turns' || error.limit === 'context'
        ? '/continue carries on in a new session from a summary, /reset starts afresh'
        : sanitizeInline(error.hint ?? '');
    return { kind: 'error', message: sanitizeInline(error.message), hint: `${next}; ↑ brings your message back` };
  }
  if (isUserError(error))
    return { kind: 'error', message: sanitizeInline(error.message), hint: error.hint ? forTheChat(error.hint) : undefined };
  return {
    kind: 'error',
    message: sanitizeInline(error instanceof Error ? error.message : String(error)),
    hint: 'your message may not be saved; ↑ brings it back',
  };
}
