import type { ChatEvent } from '../../chat/events.js';
import type { ProviderName } from '../../core/messages.js';
import type { Persona } from '../../persona/schema.js';
import type { MessageRecord } from '../../core/records.js';

// What the group chat screen needs from a group conversation. The CLI hands it the research
// layer's GroupConversation (src/research/group), which has this shape; the UI states only what
// it uses, as ChatServices does, so it depends on no driver in particular.

export interface GroupSpeaker {
  id: string;
  name: string;
}

export type GroupChatEvent =
  | { type: 'session'; sessionId: string }
  | { type: 'moderator'; message: MessageRecord }
  | { type: 'speaker'; speaker: GroupSpeaker }
  | { type: 'reply'; speaker: GroupSpeaker; event: ChatEvent };

export interface GroupChat {
  readonly members: ReadonlyArray<{ persona: Persona; engine: { provider: { provider: { name: ProviderName }; model: string } } }>;
  readonly session: { id: string } | undefined;
  /** A participant by id or unique prefix; throws a UserError naming the ones there are. */
  member(ref: string): { persona: Persona };
  /** The user, as moderator, says `text` to everyone (each answers in turn) or to one participant. */
  say(text: string, options: { signal?: AbortSignal; to?: string }): AsyncIterable<GroupChatEvent>;
}
