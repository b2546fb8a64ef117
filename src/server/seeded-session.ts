import { preparePersona } from '../chat/prepared-persona.js';
import type { ChatTurn } from '../core/messages.js';
import type { Persona } from '../persona/schema.js';
import type { ChatStore } from '../chat/chat-store.js';
import type { SessionRecord } from '../core/records.js';
import { sessionTitle } from '../chat/engine.js';
import { newUserMessage } from '../core/new-message.js';

// An OpenAI-style request carries the whole conversation. The engine reads history from its
// store, so the earlier turns are written into a fresh session first, then the engine continues
// that session with the last user message. The snapshot is the one the engine itself would save.

export interface SeedRequest {
  store: ChatStore;
  persona: Persona;
  userId: string;
  provider: SessionRecord['provider'];
  model: string;
  /** Earlier turns, oldest first (may be none). */
  turns: readonly ChatTurn[];
  /** The message about to be sent: the title when no earlier user turn gives one. */
  next: string;
}

export async function seedSession(request: SeedRequest): Promise<SessionRecord> {
  const { store, turns } = request;
  const { persona, snapshot: content } = preparePersona(request.persona);
  const snapshot = await store.saveSnapshot(content());
  const firstUser = turns.find((t) => t.role === 'user')?.content ?? request.next;
  const session = await store.createSession({
    personaId: persona.id,
    snapshotId: snapshot.id,
    userId: request.userId,
    provider: request.provider,
    model: request.model,
    title: sessionTitle(firstUser),
  });
  for (const turn of turns) {
    await store.appendMessage({ ...newUserMessage(session.id, turn.content, 'script'), role: turn.role });
  }
  return session;
}
