import type { ChatStore } from '../chat/chat-store.js';
import type { PersonaSnapshot } from '../core/records.js';

/**
 * The store as one API user sees it when chatting: sessions the engine starts through it belong
 * to `userId`. Everything else passes straight through, except saving a persona snapshot, which
 * is remembered (below).
 */
export function storeOwnedBy(store: ChatStore, userId: string): ChatStore {
  return {
    saveSnapshot: (snapshot) => savedSnapshot(store, snapshot),
    createSession: (session) => store.createSession({ ...session, userId }),
    getSession: (id) => store.getSession(id),
    appendMessage: (message) => store.appendMessage(message),
    listMessages: (sessionId) => store.listMessages(sessionId),
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
