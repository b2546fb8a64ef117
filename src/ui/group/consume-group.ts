import { replyConsumer, refusal, type ReplyConsumer, type ReplySinks } from '../chat/consume-reply.js';
import type { PersonaView } from '../chat/persona-view.js';
import type { AssemblerOptions } from '../chat/reply-assembler.js';
import type { GroupChatEvent } from './group-chat.js';

/**
 * One group turn to the screen: each participant's reply is drawn as a one-to-one reply is (live
 * tail, finished pieces into the transcript, notices), under that participant's own name.
 */
export async function consumeGroupTurn(
  events: AsyncIterable<GroupChatEvent>,
  views: ReadonlyMap<string, PersonaView>,
  sinks: ReplySinks,
  budget: AssemblerOptions,
): Promise<void> {
  let reply: ReplyConsumer | undefined;
  try {
    for await (const event of events) {
      switch (event.type) {
        case 'session':
        case 'moderator':
          break;
        case 'speaker': {
          const view = views.get(event.speaker.id);
          reply = view ? replyConsumer(view, sinks, budget) : undefined;
          break;
        }
        case 'reply':
          reply?.handle(event.event);
          break;
      }
    }
  } catch (error) {
    sinks.push([refusal(error)]);
  } finally {
    sinks.live.reset();
  }
}
