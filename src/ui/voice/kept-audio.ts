import type { ChatEvent } from '../../chat/events.js';
import { sanitizeInline } from '../../core/sanitize.js';
import type { NewHistoryItem } from '../chat/history-items.js';

/**
 * Passes a spoken message's reply through, filing its kept recording (--keep-audio) with the user
 * message as soon as the engine has saved it, and saying where the WAV is either way.
 */
export async function* withKeptAudio(
  events: AsyncIterable<ChatEvent>,
  wavPath: string,
  keep: (sessionId: string, messageId: string) => Promise<string>,
  notify: (item: NewHistoryItem) => void,
): AsyncGenerator<ChatEvent> {
  let told = false;
  try {
    for await (const event of events) {
      if (event.type === 'start' && event.userMessage && !told) {
        told = true;
        try {
          notify({
            kind: 'notice',
            tone: 'info',
            text: `🎙 recording kept at ${sanitizeInline(await keep(event.sessionId, event.userMessage.id))}`,
          });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          notify({
            kind: 'error',
            message: sanitizeInline(`the recording could not be filed with the message: ${reason}`),
            hint: sanitizeInline(`it is still at ${wavPath}`),
          });
        }
      }
      yield event;
    }
  } finally {
    // Refused before it was saved (a limit, the database): the recording is not lost, say where.
    if (!told) notify({ kind: 'notice', tone: 'info', text: `🎙 recording kept at ${sanitizeInline(wavPath)}` });
  }
}
