import { sessionTitle } from '../../chat/engine.js';
import { UsageError } from '../../core/errors.js';
import type { InputMode } from '../../core/messages.js';
import { newUserMessage } from '../../core/new-message.js';
import type { GroupStore } from '../../chat/chat-store.js';
import type { PersonaSnapshot, SessionRecord } from '../../core/records.js';
import { groupContext, OPEN_ROUND_PROMPT } from './group-prompt.js';
import { participantRequest } from './participant-view.js';
import { speakingOrder, type TurnOrder } from './turn-order.js';
import type { GroupEvent, GroupMember, Speaker } from './types.js';

// The group conversation driver: one session, several personas. The moderator (the user in the
// chat, the guide in a focus group) says something; it is saved; then each participant in turn
// gets the group transcript as they see it (participant-view.ts) and answers through their own
// ChatEngine, which saves the reply under their id. Everything is one event stream.

export interface GroupSetup {
  store: GroupStore;
  members: GroupMember[];
  /** Reopen this group session instead of starting one on the first message. */
  session?: SessionRecord;
  order?: TurnOrder;
  /** The session's title; default: the first message. */
  title?: string;
}

export interface SayOptions {
  signal?: AbortSignal;
  /** Only this participant (persona id) answers: the chat's `/to`. */
  to?: string;
  inputMode?: InputMode;
  /** Refuse instead of waiting when the rate limit holds a request back. */
  noWait?: boolean;
}

export class GroupConversation {
  private sessionRecord: SessionRecord | undefined;
  private readonly order: TurnOrder;
  /** Moderator messages so far: the round-robin rotates by one each time. Counted from the store on the first turn of a reopened session. */
  private turns: number | undefined = 0;
  readonly speakers: Speaker[];
  private readonly names: Map<string, string>;

  constructor(private readonly setup: GroupSetup) {
    const ids = setup.members.map((m) => m.persona.id);
    if (ids.length < 2) throw new UsageError('a group needs at least two participants');
    if (new Set(ids).size !== ids.length) throw new UsageError('each participant can take part once');
    this.order = setup.order ?? { kind: 'round-robin' };
    this.speakers = setup.members.map((m) => ({ id: m.persona.id, name: m.persona.name }));
    this.names = new Map(this.speakers.map((s) => [s.id, s.name]));
    if (setup.session) {
      this.sessionRecord = setup.session;
      for (const m of setup.members) m.engine.joinSession(setup.session);
      this.turns = undefined;
    }
  }

  get session(): SessionRecord | undefined {
    return this.sessionRecord;
  }

  get members(): readonly GroupMember[] {
    return this.setup.members;
  }

  /** A participant by id or unique id prefix, for `/to`. */
  member(ref: string): GroupMember {
    const wanted = ref.trim().toLowerCase();
    const exact = this.setup.members.find((m) => m.persona.id.toLowerCase() === wanted);
    if (exact) return exact;
    const matches = this.setup.members.filter(
      (m) => m.persona.id.toLowerCase().startsWith(wanted) || m.persona.name.toLowerCase().startsWith(wanted),
    );
    if (matches.length === 1) return matches[0]!;
    const ids = this.speakers.map((s) => s.id).join(', ');
    throw new UsageError(
      matches.length === 0 ? `${ref} is not in this group` : `${ref} matches more than one participant`,
      `address one of: ${ids}`,
    );
  }

  /** The moderator says `text`; every participant answers in turn (or only the one addressed). */
  async *say(text: string, options: SayOptions = {}): AsyncGenerator<GroupEvent> {
    if (text.trim() === '') throw new UsageError('the message is empty');
    yield* this.turn(text, false, options);
  }

  /** An open round: the moderator asks the participants to respond to each other; each answers in turn. */
  async *openRound(options: Omit<SayOptions, 'to'> = {}): AsyncGenerator<GroupEvent> {
    yield* this.turn(OPEN_ROUND_PROMPT, true, { ...options, inputMode: 'script' });
  }

  private async *turn(text: string, openRound: boolean, options: SayOptions): AsyncGenerator<GroupEvent> {
    const { store, members } = this.setup;
    const addressee = options.to ? this.member(options.to) : undefined;
    await members[0]!.engine.admitGroupMessage(text);
    const turns = (this.turns ??= this.sessionRecord
      ? (await store.listMessages(this.sessionRecord.id)).filter((m) => m.role === 'user').length
      : 0);
    const created = !this.sessionRecord;
    const session = await this.ensureSession(text);
    if (created) yield { type: 'session', sessionId: session.id, participants: this.speakers };
    const message = await store.appendMessage({
      ...newUserMessage(session.id, text, options.inputMode),
      ...(addressee ? { addresseeId: addressee.persona.id } : {}),
    });
    const speaker = (m: GroupMember): Speaker => ({ id: m.persona.id, name: m.persona.name });
    yield { type: 'moderator', message, addressee: addressee ? speaker(addressee) : null, openRound };
    const order = addressee ? [addressee] : speakingOrder(members, turns, this.order);
    this.turns = turns + 1;
    for (const [i, member] of order.entries()) {
      if (options.signal?.aborted) return;
      const self = speaker(member);
      yield { type: 'speaker', speaker: self, position: i + 1, of: order.length };
      const messages = participantRequest(await store.listMessages(session.id), self.id, this.names, member.engine.window);
      if (!messages) continue;
      const others = this.speakers.filter((s) => s.id !== self.id).map((s) => s.name);
      for await (const event of member.engine.respond(messages, {
        signal: options.signal,
        noWait: options.noWait,
        context: groupContext(self.name, others),
      })) {
        yield { type: 'reply', speaker: self, event };
      }
    }
  }

  private async ensureSession(firstText: string): Promise<SessionRecord> {
    if (this.sessionRecord) return this.sessionRecord;
    const { store, members } = this.setup;
    const snapshots: PersonaSnapshot[] = [];
    for (const m of members) snapshots.push(await m.engine.saveSnapshot());
    const lead = members[0]!.engine;
    const session = await store.createSession({
      personaId: members[0]!.persona.id,
      snapshotId: snapshots[0]!.id,
      userId: 'local',
      provider: lead.provider.provider.name,
      model: lead.provider.model,
      title: this.setup.title ?? sessionTitle(firstText),
    });
    await store.addParticipants(
      session.id,
      members.map((m, i) => ({ personaId: m.persona.id, snapshotId: snapshots[i]!.id })),
    );
    // No session_started event: the session's row and its participants' hold all it said.
    for (const m of members) m.engine.joinSession(session);
    this.sessionRecord = session;
    return session;
  }
}
