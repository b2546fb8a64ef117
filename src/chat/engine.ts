import { StoreError, UsageError, type ProviderError } from '../core/errors.js';
import type { ChatTurn, FinishReason, InputMode, ProviderName, Usage } from '../core/messages.js';
import type { Config } from '../core/config.js';
import type { ChatProfile, Persona } from '../persona/schema.js';
import { costOf, priceFor } from '../providers/pricing.js';
import type { Provider, ProviderRequest } from '../providers/types.js';
import { newOpeningMessage, newUserMessage } from '../core/new-message.js';
import { sessionStateOf, wholeSessionState, type ChatStore, type SessionState } from './chat-store.js';
import type { MessageRecord, NewEvent, PersonaSnapshot, SessionRecord } from '../core/records.js';
import type { ChatEvent } from './events.js';
import { trackReply } from './in-flight.js';
import { conversationTurns, DEFAULT_WINDOW, historyWindow, windowOfState, storedHistoryWindow, type HistoryWindow } from './history.js';
import { admitMessage, checkConversation } from './limits/admission.js';
import { NO_CONVERSATION } from './conversation-totals.js';
import { SessionRateLimit } from './limits/rate-limit.js';
import type { LimitSettings } from './limits/settings.js';
import { summaryMessage } from '../core/carried-summary.js';
import { extractiveSummary, SUMMARY_INSTRUCTION, SUMMARY_MAX_TOKENS } from './limits/summary.js';
import { personaSnapshot, type SnapshotContent } from './snapshot.js';

// The conversation engine: builds each request (system prompt + history window + the new user
// message), streams the provider's reply as ChatEvents, and saves every turn. The user message
// is committed before the provider is called, so nothing the user typed is ever lost; the reply
// is written once, complete or marked interrupted/error, so a crash never leaves half a row.

export interface ActiveProvider {
  provider: Provider;
  model: string;
}

export interface EngineOptions {
  temperature: number;
  maxOutputTokens: number;
  window?: HistoryWindow;
  /** Answers with this provider when the chosen one fails (the offline engine). */
  fallback?: ActiveProvider;
  prices?: Config['prices'];
  seed?: number;
  userId?: string;
  /**
   * Extra context for one request, computed from the turns about to be sent (a card's lorebook
   * entries whose keys appear in the recent conversation). Appended to the system prompt.
   */
  contextFor?: (turns: ProviderRequest['messages']) => string | undefined;
  /** Placed after the history on every request (the persona's post-history reminder). */
  postHistory?: string;
  /** Rate limit, conversation limits and budgets (src/chat/limits); none when absent. */
  limits?: LimitSettings;
  /** Send even when a spending budget is spent (--over-budget). */
  overBudget?: boolean;
  /**
   * The greeting the front end showed when this conversation opened. It becomes the session's
   * first message when the session is created, so history, transcripts and exports start where
   * the conversation did. Models never get it as a turn (a window never opens with the persona;
   * `contextFor` tells them how the conversation began).
   */
  opening?: string;
}

export interface EngineDeps {
  store: ChatStore;
  persona: Persona;
  profile: ChatProfile;
  systemPrompt: string;
  active: ActiveProvider;
  options: EngineOptions;
  /** Continue this session instead of starting a new one on the first message. */
  session?: SessionRecord;
  /** The snapshot saved with a new session, when the caller has it already (src/chat/prepared-persona.ts). */
  snapshot?: () => SnapshotContent;
}

export interface SendOptions {
  signal?: AbortSignal;
  inputMode?: InputMode;
  /** Refuse (LimitError) instead of waiting when the rate limit holds the message back. */
  noWait?: boolean;
}

/** One turn in a group conversation (src/research/group): the driver built the messages. */
export interface RespondOptions extends SendOptions {
  /** Appended to the system prompt for this request (who else is in the group, how to take part). */
  context?: string;
}

/** What a reply starts from, once its turn is admitted and the user's side saved. */
interface ReplyPlan {
  session: SessionRecord;
  messages: ProviderRequest['messages'];
  userMessage: MessageRecord | null;
  /** Added to the seed (a retry gets the next one). */
  seedOffset: number;
  /** A group turn: who speaks, and what the system prompt says about the group. */
  group: { speakerId: string; context?: string } | undefined;
}

interface Outcome {
  text: string;
  usage: Usage | undefined;
  finishReason: FinishReason | undefined;
  model: string;
  error: ProviderError | undefined;
  firstTokenMs: number | null;
}

export class ChatEngine {
  private sessionRecord: SessionRecord | undefined;
  private active: ActiveProvider;
  private rate: { sessionId: string | undefined; limit: SessionRateLimit } | undefined;

  constructor(private readonly deps: EngineDeps) {
    this.sessionRecord = deps.session;
    this.active = deps.active;
  }

  get session(): SessionRecord | undefined {
    return this.sessionRecord;
  }

  get persona(): Persona {
    return this.deps.persona;
  }

  get provider(): ActiveProvider {
    return this.active;
  }

  /** Switches provider or model for the next turns of the same session. */
  setProvider(active: ActiveProvider): void {
    this.active = active;
  }

  /** The greeting this conversation opens with, until its session starts (then it is the first message). */
  get opening(): string | undefined {
    return this.sessionRecord ? undefined : this.deps.options.opening?.trim() || undefined;
  }

  /** Saves (or finds) the snapshot of this persona as it is chatted with: a group session's participants refer to it. */
  saveSnapshot(): Promise<PersonaSnapshot> {
    return this.deps.store.saveSnapshot(this.snapshotContent());
  }

  private snapshotContent(): SnapshotContent {
    const { persona, profile, systemPrompt, snapshot } = this.deps;
    return snapshot ? snapshot() : personaSnapshot(persona, profile, systemPrompt);
  }

  /** Takes part in a session someone else created (a group session): replies are saved there. */
  joinSession(session: SessionRecord): void {
    this.sessionRecord = session;
  }

  /**
   * This persona's turn in a group conversation: `messages` is the group transcript as this
   * participant sees it (src/research/group/participant-view.ts), ending with what they answer.
   * Nothing user-side is saved here (the driver saved the moderator's message); the reply is
   * saved in the joined session under this persona's id. Budgets and the rate limit apply to
   * every request, so a group of five spends and paces as five requests.
   */
  respond(messages: ChatTurn[], options: RespondOptions = {}): AsyncGenerator<ChatEvent> {
    return this.reply(this.prepareGroupTurn(messages, options), options);
  }

  private async *prepareGroupTurn(messages: ChatTurn[], options: RespondOptions): AsyncGenerator<ChatEvent, ReplyPlan> {
    const session = this.sessionRecord;
    if (!session) throw new UsageError('a group turn needs the group session first (joinSession)');
    const limits = this.deps.options.limits;
    if (limits) {
      yield* admitMessage({
        store: this.deps.store,
        personaId: this.deps.persona.id,
        sessionId: session.id,
        prior: await this.deps.store.listMessages(session.id),
        text: '',
        provider: this.active.provider.name,
        limits,
        rate: this.rateLimit(limits),
        overBudget: this.deps.options.overBudget === true,
        noWait: options.noWait === true,
        signal: options.signal,
        requests: 'replies',
      });
    }
    return { session, messages, userMessage: null, seedOffset: 0, group: { speakerId: this.deps.persona.id, context: options.context } };
  }

  /**
   * A group conversation's moderator message, before it is saved: refused (LimitError) when the
   * session has reached its turn or context limit, as `send` refuses a user message.
   */
  async admitGroupMessage(text: string): Promise<void> {
    const limits = this.deps.options.limits;
    if (!limits) return;
    await checkConversation({
      store: this.deps.store,
      personaId: this.deps.persona.id,
      sessionId: this.sessionRecord?.id ?? null,
      prior: await this.messages(),
      text,
      provider: this.active.provider.name,
      limits,
      rate: undefined,
      overBudget: false,
      noWait: true,
      signal: undefined,
    });
  }

  /** How much earlier conversation goes with a request. */
  get window(): HistoryWindow {
    return this.deps.options.window ?? DEFAULT_WINDOW;
  }

  async messages(): Promise<MessageRecord[]> {
    return this.sessionRecord ? this.deps.store.listMessages(this.sessionRecord.id) : [];
  }

  /**
   * One user turn: checks the limits (may wait for the rate limit, or throw a LimitError with
   * nothing saved), saves the message, streams the reply, saves the reply.
   */
  send(text: string, options: SendOptions = {}): AsyncGenerator<ChatEvent> {
    return this.reply(this.prepareTurn(text, options), options);
  }

  private async *prepareTurn(text: string, options: SendOptions): AsyncGenerator<ChatEvent, ReplyPlan> {
    const limits = this.deps.options.limits;
    // The session as the limits read it (its totals, its last messages): the history window is cut from it.
    let read: SessionState | undefined;
    if (limits) {
      // The turn, context and budget limits are about the whole conversation (its totals); the
      // rate limit about its user messages of the last minute, which the last messages hold when
      // they hold at least as many user messages as the limit allows a minute.
      const rate = this.rateLimit(limits);
      let state = this.sessionRecord ? await sessionStateOf(this.deps.store, this.sessionRecord.id) : undefined;
      if (state && rate && state.tail.length < state.count && userMessagesIn(state.tail) < rate.perMinute) {
        state = wholeSessionState(await this.deps.store.listMessages(this.sessionRecord!.id));
      }
      read = state;
      const admission = admitMessage({
        store: this.deps.store,
        personaId: this.deps.persona.id,
        sessionId: this.sessionRecord?.id ?? null,
        prior: state?.tail ?? [],
        totals: state?.totals ?? NO_CONVERSATION,
        text,
        provider: this.active.provider.name,
        limits,
        rate,
        overBudget: this.deps.options.overBudget === true,
        noWait: options.noWait === true,
        signal: options.signal,
      });
      for await (const event of admission) {
        // A notice may mean a wait, during which the session may have grown: read it afresh below.
        read = undefined;
        yield event;
      }
    }
    // Read before the session (and its greeting) is saved: a new session's first request has no history.
    // The same window as reading the session's end again (storedHistoryWindow), without a second read.
    const history = !this.sessionRecord
      ? []
      : ((read && windowOfState(read, this.window)) ?? (await storedHistoryWindow(this.deps.store, this.sessionRecord.id, this.window)));
    const opening = this.opening;
    const session = await this.ensureSession(text);
    if (opening) await this.saving(session, () => this.deps.store.appendMessage(newOpeningMessage(session.id, opening)));
    const userMessage = await this.saving(session, () =>
      this.deps.store.appendMessage(newUserMessage(session.id, text, options.inputMode)),
    );
    return { session, messages: [...history, { role: 'user', content: text }], userMessage, seedOffset: 0, group: undefined };
  }

  /** Regenerates the reply to the last user message (the old reply stays in the store). */
  retry(options: SendOptions = {}): AsyncGenerator<ChatEvent> {
    return this.reply(() => this.prepareRetry(), options);
  }

  private async prepareRetry(): Promise<ReplyPlan | undefined> {
    const session = this.sessionRecord;
    const all = session ? await this.deps.store.listMessages(session.id) : [];
    const lastUserIndex = all.map((m) => m.role).lastIndexOf('user');
    if (!session || lastUserIndex < 0) return undefined;
    const lastUser = all[lastUserIndex]!;
    const history = historyWindow(all.slice(0, lastUserIndex), this.deps.options.window ?? DEFAULT_WINDOW);
    // The same request would get the same reply from a seeded (offline) engine: each retry of a
    // message gets the next seed, so /retry gives a different answer, and still a reproducible one.
    const attempts = all.slice(lastUserIndex + 1).filter((m) => m.role === 'persona').length;
    return {
      session,
      messages: [...history, { role: 'user', content: lastUser.content }],
      userMessage: null,
      seedOffset: attempts,
      group: undefined,
    };
  }

  /**
   * Carries the conversation over to a new session that opens with a summary of this one (the
   * way out when a conversation limit is reached). Live models write the summary; the offline
   * engine, or a model that fails to, gets a deterministic extractive one. Returns the new session.
   */
  async continueWithSummary(signal?: AbortSignal): Promise<SessionRecord> {
    const old = this.sessionRecord;
    const turns = conversationTurns(await this.messages());
    if (!old || turns.length === 0) throw new UsageError('there is no conversation to continue from yet');
    const summary = (await this.liveSummary(turns, signal)) ?? extractiveSummary(turns, this.deps.persona.name);
    const opening = summaryMessage(summary, old.id);
    this.sessionRecord = undefined;
    const session = await this.ensureSession(`Continued: ${old.title ?? this.deps.persona.name}`);
    await this.saving(session, () => this.deps.store.appendMessage(newUserMessage(session.id, opening, 'script')));
    await this.deps.store.recordEvent({
      kind: 'session_continued',
      sessionId: session.id,
      personaId: this.deps.persona.id,
      data: { fromSessionId: old.id },
    });
    return session;
  }

  /** The model's own summary, or undefined (offline engine, failure, empty reply). */
  private async liveSummary(turns: ChatTurn[], signal: AbortSignal | undefined): Promise<string | undefined> {
    const { provider, model } = this.active;
    if (provider.name === 'offline') return undefined;
    const recent = historyWindow(await this.messages(), this.deps.options.window ?? DEFAULT_WINDOW);
    let text = '';
    for await (const event of provider.stream({
      system: this.deps.systemPrompt,
      messages: [...(recent.length > 0 ? recent : turns), { role: 'user', content: SUMMARY_INSTRUCTION }],
      model,
      temperature: 0.2,
      maxOutputTokens: SUMMARY_MAX_TOKENS,
      signal,
      persona: { persona: this.deps.persona, profile: this.deps.profile },
    })) {
      if (event.type === 'delta') text += event.text;
      if (event.type === 'error') return undefined;
    }
    return signal?.aborted || text.trim() === '' ? undefined : text.trim();
  }

  /** The rate limiter of the current session (a new session starts with a full bucket). */
  private rateLimit(limits: LimitSettings): SessionRateLimit | undefined {
    if (limits.messagesPerMinute <= 0) return undefined;
    const sessionId = this.sessionRecord?.id;
    if (!this.rate || (this.rate.sessionId !== undefined && this.rate.sessionId !== sessionId)) {
      this.rate = { sessionId, limit: new SessionRateLimit(limits.messagesPerMinute) };
    }
    this.rate.sessionId = sessionId;
    return this.rate.limit;
  }

  /** A write the turn depends on; a database failure is counted (when the database still takes it) and rethrown. */
  private async saving<T>(session: SessionRecord, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if (error instanceof StoreError) {
        try {
          await this.deps.store.recordEvent({
            kind: 'database_error',
            sessionId: session.id,
            personaId: this.deps.persona.id,
            data: { message: error.message },
          });
        } catch {
          // The database refuses writes altogether; the error itself says so.
        }
      }
      throw error;
    }
  }

  private async ensureSession(firstText: string): Promise<SessionRecord> {
    if (this.sessionRecord) return this.sessionRecord;
    const { store, persona } = this.deps;
    const snapshot = await store.saveSnapshot(this.snapshotContent());
    this.sessionRecord = await store.createSession({
      personaId: persona.id,
      snapshotId: snapshot.id,
      userId: this.deps.options.userId ?? 'local',
      provider: this.active.provider.name,
      model: this.active.model,
      title: sessionTitle(firstText),
    });
    // No session_started event: the session's row holds its start, persona, provider and model.
    return this.sessionRecord;
  }

  /**
   * One turn's reply: `prepare` checks the limits and saves what the turn starts from (its events
   * pass through), then the reply streams and is saved (complete, interrupted or error) before its
   * `done` or `error`. One generator from the provider's words to the consumer, not several
   * wrapped around each other: every word passes through each.
   */
  private async *reply(
    prepare: AsyncGenerator<ChatEvent, ReplyPlan | undefined> | (() => Promise<ReplyPlan | undefined>),
    options: SendOptions,
  ): AsyncGenerator<ChatEvent> {
    const plan = typeof prepare === 'function' ? await prepare() : yield* prepare;
    if (!plan) return;
    const { session, messages, userMessage, seedOffset, group } = plan;
    const { signal, settle } = trackReply(options.signal);
    try {
      const { store, persona } = this.deps;
      let active = this.active;
      yield { type: 'start', sessionId: session.id, userMessage, provider: active.provider.name, model: active.model };

      const started = performance.now();
      const fb = this.deps.options.fallback;
      let fallback = false;
      let outcome: Outcome;
      for (;;) {
        outcome = { text: '', usage: undefined, finishReason: undefined, model: active.model, error: undefined, firstTokenMs: null };
        for await (const event of active.provider.stream(this.request(active, messages, signal, seedOffset, group?.context))) {
          switch (event.type) {
            case 'delta':
              if (outcome.firstTokenMs === null) outcome.firstTokenMs = Math.round(performance.now() - started);
              outcome.text += event.text;
              yield event;
              break;
            case 'usage':
              outcome.usage = event.usage;
              yield event;
              break;
            case 'done':
              outcome.finishReason = event.finishReason;
              if (event.model) outcome.model = event.model;
              break;
            case 'error':
              outcome.error = event.error;
              break;
          }
        }
        if (signal.aborted && !outcome.error) outcome.finishReason = 'interrupted';
        if (fallback || !outcome.error || !fb || fb.provider.name === active.provider.name || signal.aborted || outcome.text !== '') break;
        await store.recordEvent({
          kind: 'provider_error',
          sessionId: session.id,
          personaId: persona.id,
          data: errorData(outcome.error, active),
        });
        yield { type: 'fallback', error: outcome.error, provider: fb.provider.name, model: fb.model };
        active = fb;
        fallback = true;
      }

      const status = outcome.error ? 'error' : outcome.finishReason === 'interrupted' ? 'interrupted' : 'complete';
      const price = outcome.usage ? priceFor(outcome.model, this.deps.options.prices) : undefined;
      const totalMs = Math.round(performance.now() - started);
      // A failed reply's error goes into the history's events with the reply itself, in one write:
      // both are saved or neither, and the `error` that follows waits for one commit, not two. A
      // reply that ended well records no event: its row already holds its provider, model, status
      // and timings, and an event repeating them cost every served turn a row and three index entries.
      const error = outcome.error;
      const event: NewEvent | undefined = error
        ? { kind: 'provider_error', sessionId: session.id, personaId: persona.id, data: errorData(error, active) }
        : undefined;
      const saved = await this.saving(session, () =>
        store.appendMessage(
          {
            sessionId: session.id,
            role: 'persona',
            content: outcome.text,
            provider: active.provider.name,
            model: outcome.model,
            inputTokens: outcome.usage?.inputTokens ?? null,
            outputTokens: outcome.usage?.outputTokens ?? null,
            cacheReadTokens: outcome.usage?.cacheReadTokens ?? null,
            cacheWriteTokens: outcome.usage?.cacheWriteTokens ?? null,
            costUsd: outcome.usage && price ? costOf(outcome.usage, price) : active.provider.name === 'offline' ? 0 : null,
            latencyFirstTokenMs: outcome.firstTokenMs,
            latencyTotalMs: totalMs,
            status,
            finishReason: outcome.error ? 'error' : (outcome.finishReason ?? null),
            inputMode: null,
            error: outcome.error ? outcome.error.message : null,
            fallback,
            ...(group ? { speakerId: group.speakerId } : {}),
          },
          event,
        ),
      );
      settle();
      // A reply superseded by a newer turn still ends with its `done` or `error` (the stream's
      // contract): a consumer that moved on simply stops reading; one still reading learns the outcome.
      if (error) {
        yield { type: 'error', error, message: saved };
        return;
      }
      yield { type: 'done', message: saved, finishReason: outcome.finishReason ?? 'stop' };
    } finally {
      settle();
    }
  }

  /** The provider request for one reply. */
  private request(
    active: ActiveProvider,
    messages: ProviderRequest['messages'],
    signal: AbortSignal,
    seedOffset: number,
    groupContext: string | undefined,
  ): ProviderRequest {
    const { persona, profile, systemPrompt, options } = this.deps;
    const extra = [options.contextFor?.(messages), groupContext].filter(Boolean).join('\n\n');
    return {
      system: extra ? `${systemPrompt}\n\n${extra}` : systemPrompt,
      messages,
      model: active.model,
      temperature: options.temperature,
      maxOutputTokens: options.maxOutputTokens,
      signal,
      persona: { persona, profile },
      seed: seedOffset > 0 ? (options.seed ?? 0) + seedOffset : options.seed,
      ...(options.postHistory ? { postHistory: options.postHistory } : {}),
    };
  }
}

function errorData(error: ProviderError, active: ActiveProvider) {
  return { provider: active.provider.name, model: active.model, kind: error.kind, status: error.status ?? null };
}

export type { ProviderName };

/** The first message, on one line, cut at a word boundary with an ellipsis when long. */
export function sessionTitle(text: string, max = 80): string | null {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return null;
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:]+$/, '')}…`;
}

function userMessagesIn(messages: readonly MessageRecord[]): number {
  let count = 0;
  for (const m of messages) if (m.role === 'user') count++;
  return count;
}
