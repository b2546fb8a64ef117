import type { ChatEngine } from '../../chat/engine.js';
import type { ChatEvent } from '../../chat/events.js';
import type { Persona } from '../../persona/schema.js';
import type { MessageRecord } from '../../core/records.js';

// The vocabulary of a group conversation (a focus group, `persona chat a,b,c`). The driver yields
// one flat stream of GroupEvents; the terminal printer, the JSON-lines writer and the Ink chat all
// consume the same stream.

/** A participant: the persona and the engine that answers as them (joined to the group session). */
export interface GroupMember {
  persona: Persona;
  engine: ChatEngine;
}

/** Who is speaking, as events carry it: the persona id and its name as written in the file (raw). */
export interface Speaker {
  id: string;
  name: string;
}

export type GroupEvent =
  /** The group session was created (first moderator message) or reopened. */
  | { type: 'session'; sessionId: string; participants: Speaker[] }
  /** The moderator's message, saved. `addressee` is set when it went to one participant (`/to`). */
  | { type: 'moderator'; message: MessageRecord; addressee: Speaker | null; openRound: boolean }
  /** A participant's turn begins; their reply's events follow as `reply` events. */
  | { type: 'speaker'; speaker: Speaker; position: number; of: number }
  /** One event of the speaker's reply, exactly as the engine yields it (notices included). */
  | { type: 'reply'; speaker: Speaker; event: ChatEvent };
