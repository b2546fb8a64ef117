import * as z from 'zod/mini';
import '../core/zod-setup.js';
import type { ChatEngine } from '../chat/engine.js';
import type { ChatEvent } from '../chat/events.js';
import type { Usage } from '../core/messages.js';
import type { MessageRecord } from '../core/records.js';
import type { RequestContext } from './context.js';
import { HttpError, providerStatus } from './http-error.js';
import { storeOwnedBy } from './owned-store.js';
import { requirePersona } from './routes/personas.js';
import { requireOwnSessionRecord } from './routes/sessions.js';

// The seed's chat contract, shared by the HTTP route (JSON or SSE) and the WebSocket channel:
// {message, sessionId?} in; `start`, `delta`, `notice`, `fallback`, then `done` or `error` out,
// each with the same payload on every transport.

export const MAX_MESSAGE_CHARS = 32_000;

export const chatMessage = z.object({
  message: z.string().check(
    z.maxLength(MAX_MESSAGE_CHARS),
    z.refine((text) => text.trim() !== '', 'message is empty'),
  ),
  sessionId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});
export type ChatMessage = z.output<typeof chatMessage>;

type Caller = Pick<RequestContext, 'options' | 'userId' | 'rateLimits'>;

/** Checks persona, session ownership and the rate limit; the engine that will answer. */
export async function seedChatEngine(caller: Caller, personaId: string, body: ChatMessage): Promise<ChatEngine> {
  const persona = requirePersona(caller, personaId);
  const { store } = caller.options;
  const session = body.sessionId === undefined ? undefined : await requireOwnSessionRecord(caller, body.sessionId);
  if (session && session.personaId !== persona.id)
    throw new HttpError(409, `session "${session.id}" is a chat with persona "${session.personaId}", not "${persona.id}"`);
  const engine = await caller.options.createEngine({ persona, store: storeOwnedBy(store, caller.userId), session });
  // The same rule as the CLI: the offline engine costs nothing and is never rate-limited.
  if (engine.provider.provider.name !== 'offline') await caller.rateLimits.admit(caller.userId);
  return engine;
}

export interface NamedEvent {
  event: 'notice' | 'start' | 'delta' | 'fallback' | 'done' | 'error';
  data: Record<string, unknown>;
}

/** What a turn's later events need from its earlier ones. */
export interface SeedTurnState {
  sessionId: string | undefined;
  userMessage: MessageRecord | null;
  usage: Usage | undefined;
}

export function newSeedTurnState(): SeedTurnState {
  return { sessionId: undefined, userMessage: null, usage: undefined };
}

/** A turn's engine events as the seed contract's named events (usage folds into `done`). */
export async function* seedEvents(events: AsyncIterable<ChatEvent>): AsyncGenerator<NamedEvent> {
  const state = newSeedTurnState();
  for await (const event of events) {
    if (event.type === 'delta' && event.parts) {
      for (const text of event.parts) yield { event: 'delta', data: { text } };
      continue;
    }
    const named = seedEventOf(event, state);
    if (named) yield named;
  }
}

/**
 * One engine event as the seed contract's named event, or undefined for one it folds into a later
 * event (usage). A plain function rather than another generator between the engine and the
 * socket: every word of a reply passes through here.
 */
export function seedEventOf(event: ChatEvent, state: SeedTurnState): NamedEvent | undefined {
  switch (event.type) {
    case 'notice':
      return { event: 'notice', data: { kind: event.kind, text: event.text } };
    case 'start':
      state.sessionId = event.sessionId;
      state.userMessage = event.userMessage;
      return {
        event: 'start',
        data: { sessionId: event.sessionId, message: event.userMessage, provider: event.provider, model: event.model },
      };
    case 'delta':
      return { event: 'delta', data: { text: event.text } };
    case 'usage':
      state.usage = event.usage;
      return undefined;
    case 'fallback':
      return {
        event: 'fallback',
        data: { error: event.error.message, kind: event.error.kind, provider: event.provider, model: event.model },
      };
    case 'done':
      return {
        event: 'done',
        data: {
          sessionId: state.sessionId,
          message: state.userMessage,
          response: event.message,
          usage: state.usage ?? null,
          costUsd: event.message.costUsd,
          finishReason: event.finishReason,
        },
      };
    case 'error':
      return {
        event: 'error',
        data: {
          error: event.error.message,
          kind: event.error.kind,
          provider: event.error.provider,
          status: providerStatus(event.error),
          sessionId: state.sessionId,
          message: state.userMessage,
          response: event.message,
        },
      };
  }
}
