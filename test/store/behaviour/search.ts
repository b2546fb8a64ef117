import { describe, expect, it } from 'vitest';
import type { MessageRecord, SessionRecord } from '../../../src/core/records.js';
import type { HistoryStore } from '../../../src/store/history-store.js';
import { personaReply, startSession, userMessage } from './fixtures.js';
import type { StoreFactory } from './store-factory.js';

/** Full-text search: ranking, snippets, word forms, exact words, filters, hostile input. */
interface Conversation {
  store: HistoryStore;
  maria: SessionRecord;
  tom: SessionRecord;
  passing: MessageRecord;
  focused: MessageRecord;
  toms: MessageRecord;
}

export function searchBehaviour(freshStore: StoreFactory): void {
  async function storeWithConversation(): Promise<Conversation> {
    const store = await freshStore();
    const maria = await startSession(store, 'maria', 'Maria');
    const tom = await startSession(store, 'tom', 'Tom');
    const passing = await store.appendMessage(
      personaReply(
        maria.id,
        'We compared a dozen tools last quarter. Honestly the onboarding mattered more than anything, and the pricing came up once.',
      ),
    );
    const focused = await store.appendMessage(personaReply(maria.id, 'Pricing, pricing, pricing: the pricing page decides it.'));
    const toms = await store.appendMessage(userMessage(tom.id, 'What do you think about the pricing?'));
    await store.appendMessage(userMessage(tom.id, 'Tell me about your weekend.'));
    return { store, maria, tom, passing, focused, toms };
  }

  describe('search', () => {
    it('ranks the message that is most about the term first (bm25)', async () => {
      const { store, focused } = await storeWithConversation();
      const hits = await store.search('pricing');
      expect(hits).toHaveLength(3);
      expect(hits[0]?.messageId).toBe(focused.id);
      const ranks = hits.map((h) => h.rank);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    });

    it('wraps matched terms in « » in the snippet and says where the hit is', async () => {
      const { store, toms, tom } = await storeWithConversation();
      const hit = (await store.search('think pricing'))[0];
      expect(hit).toMatchObject({ messageId: toms.id, sessionId: tom.id, seq: 1, personaId: 'tom', personaName: 'Tom', role: 'user' });
      expect(hit?.snippet).toBe('What do you «think» about the «pricing»?');
    });

    it('requires every term to match', async () => {
      const { store } = await storeWithConversation();
      expect(await store.search('pricing weekend')).toEqual([]);
    });

    it('matches word forms and prefixes', async () => {
      const { store, passing } = await storeWithConversation();
      expect((await store.search('compare')).map((h) => h.messageId)).toEqual([passing.id]);
      expect((await store.search('onboard*')).map((h) => h.messageId)).toEqual([passing.id]);
    });

    it('ranks messages with the exact word typed above messages that only share its stem', async () => {
      const store = await freshStore();
      const s = await startSession(store, 'maria', 'Maria');
      // The rank alone would put the short, stem-only message first. (A word pair both backends'
      // stemmers agree on: Porter on SQLite, Snowball English on PostgreSQL.)
      const stemOnly = await store.appendMessage(personaReply(s.id, 'Connected, connected.'));
      const exact = await store.appendMessage(
        personaReply(s.id, 'The connection to the warehouse failed last winter after the storms knocked the power out twice.'),
      );
      const hits = await store.search('connection');
      expect(hits.map((h) => h.messageId)).toEqual([exact.id, stemOnly.id]);
      expect(hits.map((h) => h.exact)).toEqual([true, false]);
    });

    it('counts a quoted phrase or a prefix as exact only when the text has it as typed', async () => {
      const store = await freshStore();
      const s = await startSession(store, 'maria', 'Maria');
      const phrase = await store.appendMessage(personaReply(s.id, 'The pricing page decides it.'));
      const stemmed = await store.appendMessage(personaReply(s.id, 'Priced pages decide.'));
      expect((await store.search('"pricing page"')).find((h) => h.messageId === phrase.id)?.exact).toBe(true);
      expect((await store.search('"pricing page"')).find((h) => h.messageId === stemmed.id)?.exact).toBe(false);
      expect((await store.search('pric*')).every((h) => h.exact)).toBe(true);
    });

    it('filters by persona and honours the limit', async () => {
      const { store, toms } = await storeWithConversation();
      expect((await store.search('pricing', { personaId: 'tom' })).map((h) => h.messageId)).toEqual([toms.id]);
      expect(await store.search('pricing', { limit: 1 })).toHaveLength(1);
    });

    it.each([
      '"',
      '"foo',
      'AND',
      'AND(',
      'OR',
      'NOT',
      '*',
      'NEAR(',
      'NEAR(pricing',
      'pricing -',
      '^pricing',
      'col:pricing',
      '(((',
      "'; DROP TABLE messages; --",
    ])('never throws on hostile input %j', async (query) => {
      const { store } = await storeWithConversation();
      expect(Array.isArray(await store.search(query))).toBe(true);
    });

    it('still finds the words inside hostile input', async () => {
      const { store } = await storeWithConversation();
      expect((await store.search('NEAR(pricing')).length).toBe(0); // "near" and "pricing" must both match
      expect((await store.search('^pricing')).length).toBe(3);
      expect((await store.search('"pricing')).length).toBe(3);
    });

    it('forgets the messages of a deleted session', async () => {
      const { store, maria } = await storeWithConversation();
      await store.deleteSession(maria.id);
      expect((await store.search('pricing')).map((h) => h.personaId)).toEqual(['tom']);
    });
  });
}
