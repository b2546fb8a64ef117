import { MemoryStore } from '../chat/memory-store.js';
import type { ChatEngine } from '../chat/engine.js';
import type { ChatTurn } from '../core/messages.js';
import type { Persona } from '../persona/schema.js';
import { newUserMessage } from '../core/new-message.js';
import type { ChatStore } from '../chat/chat-store.js';
import type { SessionRecord } from '../core/records.js';
import type { RequestContext } from './context.js';
import type { ModelName } from './model-name.js';
import { storeOwnedBy } from './owned-store.js';
import { applySampling, type Sampling } from './sampling.js';
import { seedSession } from './seeded-session.js';

// The engine for one OpenAI-style request (chat completions or responses): the request carries
// the conversation, so earlier turns are seeded into a session (saved, or in memory), or an
// existing saved session is continued (`previous_response_id`). Admission comes first, so a
// refused request leaves nothing behind.

export interface ConversationRequest {
  persona: Persona;
  name: ModelName;
  history: ChatTurn[];
  last: string;
  save: boolean;
  sampling: Sampling;
  /** A saved session of the caller to continue (its stored messages come before `history`). */
  continues?: SessionRecord;
}

export interface ConversationEngine {
  engine: ChatEngine;
  store: ChatStore;
  /** Set when the conversation is saved: the session the reply goes into. */
  savedSessionId: string | undefined;
}

export async function conversationEngine(ctx: RequestContext, request: ConversationRequest): Promise<ConversationEngine> {
  const { persona, name, history, last, save } = request;
  const store: ChatStore = save ? storeOwnedBy(ctx.options.store, ctx.userId) : new MemoryStore();
  const engine = await ctx.options.createEngine({ persona, store, provider: name.provider, model: name.model, session: request.continues });
  // The same rule as the CLI: the offline engine costs nothing and is never rate-limited.
  if (engine.provider.provider.name !== 'offline') await ctx.rateLimits.admit(ctx.userId);
  let session = request.continues;
  if (session) {
    for (const turn of history) await store.appendMessage({ ...newUserMessage(session.id, turn.content, 'script'), role: turn.role });
  } else if (history.length > 0 || save) {
    // A saved conversation gets its session up front, so its id can head the response.
    session = await seedSession({
      store,
      persona,
      userId: ctx.userId,
      provider: engine.provider.provider.name,
      model: engine.provider.model,
      turns: history,
      next: last,
    });
    // The engine was set up before the session existed (its provider names the session's); it continues it.
    engine.joinSession(session);
  }
  applySampling(engine, request.sampling);
  return { engine, store, savedSessionId: save ? session?.id : undefined };
}
