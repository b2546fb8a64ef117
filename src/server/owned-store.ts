import type { ChatStore } from '../chat/chat-store.js';
import type { PersonaSnapshot, SessionRecord } from '../core/records.js';
import { SessionMessages } from './session-messages.js';

/** One message cache per store, shared by every request of the server. */
const messagesByStore = new WeakMap<ChatStore, SessionMessages>();

function sessionMessagesOf(store: ChatStore): SessionMessages {
  let messages = messagesByStore.get(store);
  if (!messages) messagesByStore.set(store, (messages = new SessionMessages(store)));
  return messages;
}

/** A session a chat turn continues, looked up through the served sessions' cache (session-messages.ts). */
export function servedSession(store: ChatStore, id: string): Promise<SessionRecord | undefined> {
  return sessionMessagesOf(store).session(id);
}

/**
 * The store as one API user sees it when chatting: sessions the engine starts through it belong
 * to `userId`. Everything else passes straight through, except saving a persona snapshot, which
 * is remembered (below), and a session's messages, which are kept in memory between turns
 * (session-messages.ts).
 */
export function storeOwnedBy(store: ChatStore, userId: string): ChatStore {
  const messages = sessionMessagesOf(store);
  return {
    saveSnapshot: (snapshot) => savedSnapshot(store, snapshot),
    createSession: async (session) => {
      const created = await store.createSession({ ...session, userId });
      messages.started(created);
      return created;
    },
    getSession: (id) => store.getSession(id),
    appendMessage: (message, event) => messages.append(message, event),
    listMessages: (sessionId) => messages.list(sessionId),
    sessionState: (sessionId) => messages.state(sessionId),
    recentMessages: (sessionId, limit) => store.recentMessages(sessionId, limit),
    recordEvent: (event) => store.recordEvent(event),
    spentSince: (since) => store.spentSince(since),
  };
}

/**
 * Every new session saves the snapshot of its persona, a write transaction that finds the same
 * row again and again (snapshots are keyed by content hash). Snapshot rows are never deleted, so
 * once a hash has its row, the row is remembered per store for the life of the server.
 */
const snapshotsByStore = new WeakMap<ChatStore, Map<string, Promise<PersonaSnapshot>>>();

function savedSnapshot(store: ChatStore, snapshot: Parameters<ChatStore['saveSnapshot']>[0]): Promise<PersonaSnapshot> {
  let saved = snapshotsByStore.get(store);
  if (!saved) snapshotsByStore.set(store, (saved = new Map()));
  let row = saved.get(snapshot.contentHash);
  if (!row) {
    row = store.saveSnapshot(snapshot);
    saved.set(snapshot.contentHash, row);
    // A failed save (the database busy or read-only) is not remembered: the next session tries again.
    row.catch(() => saved.delete(snapshot.contentHash));
  }
  return row;
}
