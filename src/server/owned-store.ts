import type { ChatStore } from '../chat/chat-store.js';

/**
 * The store as one API user sees it when chatting: sessions the engine starts through it belong
 * to `userId`. Everything else passes straight through.
 */
export function storeOwnedBy(store: ChatStore, userId: string): ChatStore {
  return {
    saveSnapshot: (snapshot) => store.saveSnapshot(snapshot),
    createSession: (session) => store.createSession({ ...session, userId }),
    getSession: (id) => store.getSession(id),
    appendMessage: (message) => store.appendMessage(message),
    listMessages: (sessionId) => store.listMessages(sessionId),
    recentMessages: (sessionId, limit) => store.recentMessages(sessionId, limit),
    recordEvent: (event) => store.recordEvent(event),
    spentSince: (since) => store.spentSince(since),
  };
}
