import { describe, expect, it } from 'vitest';
import { freshStore, personaReply, rawConnection, startSession, userMessage } from './helpers/fixtures.js';

function storeWithConversation() {
  const store = freshStore();
  const maria = startSession(store, 'maria', 'Maria');
  const tom = startSession(store, 'tom', 'Tom');
  const passing = store.appendMessage(
    personaReply(
      maria.id,
      'We compared a dozen tools last quarter. Honestly the onboarding mattered more than anything, and the pricing came up once.',
    ),
  );
  const focused = store.appendMessage(personaReply(maria.id, 'Pricing, pricing, pricing: the pricing page decides it.'));
  const toms = store.appendMessage(userMessage(tom.id, 'What do you think about the pricing?'));
  store.appendMessage(userMessage(tom.id, 'Tell me about your weekend.'));
  return { store, maria, tom, passing, focused, toms };
}

describe('search', () => {
  it('ranks the message that is most about the term first (bm25)', () => {
    const { store, focused } = storeWithConversation();
    const hits = store.search('pricing');
    expect(hits).toHaveLength(3);
    expect(hits[0]?.messageId).toBe(focused.id);
    const ranks = hits.map((h) => h.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('wraps matched terms in « » in the snippet and says where the hit is', () => {
    const { store, toms, tom } = storeWithConversation();
    const hit = store.search('think pricing')[0];
    expect(hit).toMatchObject({ messageId: toms.id, sessionId: tom.id, seq: 1, personaId: 'tom', personaName: 'Tom', role: 'user' });
    expect(hit?.snippet).toBe('What do you «think» about the «pricing»?');
  });

  it('requires every term to match', () => {
    const { store } = storeWithConversation();
    expect(store.search('pricing weekend')).toEqual([]);
  });

  it('matches word forms and prefixes', () => {
    const { store, passing } = storeWithConversation();
    expect(store.search('compare').map((h) => h.messageId)).toEqual([passing.id]);
    expect(store.search('onboard*').map((h) => h.messageId)).toEqual([passing.id]);
  });

  it('ranks messages with the exact word typed above messages that only share its stem', () => {
    const store = freshStore();
    const s = startSession(store, 'maria', 'Maria');
    // bm25 alone would put the short, stem-only message first.
    const stemOnly = store.appendMessage(personaReply(s.id, 'In general, generally.'));
    const exact = store.appendMessage(
      personaReply(s.id, 'We bought a diesel generator for the warehouse last winter after the storms knocked the power out twice.'),
    );
    const hits = store.search('generator');
    expect(hits.map((h) => h.messageId)).toEqual([exact.id, stemOnly.id]);
    expect(hits.map((h) => h.exact)).toEqual([true, false]);
  });

  it('counts a quoted phrase or a prefix as exact only when the text has it as typed', () => {
    const store = freshStore();
    const s = startSession(store, 'maria', 'Maria');
    const phrase = store.appendMessage(personaReply(s.id, 'The pricing page decides it.'));
    const stemmed = store.appendMessage(personaReply(s.id, 'Priced pages decide.'));
    expect(store.search('"pricing page"').find((h) => h.messageId === phrase.id)?.exact).toBe(true);
    expect(store.search('"pricing page"').find((h) => h.messageId === stemmed.id)?.exact).toBe(false);
    expect(store.search('pric*').every((h) => h.exact)).toBe(true);
  });

  it('filters by persona and honours the limit', () => {
    const { store, toms } = storeWithConversation();
    expect(store.search('pricing', { personaId: 'tom' }).map((h) => h.messageId)).toEqual([toms.id]);
    expect(store.search('pricing', { limit: 1 })).toHaveLength(1);
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
  ])('never throws on hostile input %j', (query) => {
    const { store } = storeWithConversation();
    expect(() => store.search(query)).not.toThrow();
  });

  it('still finds the words inside hostile input', () => {
    const { store } = storeWithConversation();
    expect(store.search('NEAR(pricing').length).toBe(0); // "near" and "pricing" must both match
    expect(store.search('^pricing').length).toBe(3);
    expect(store.search('"pricing').length).toBe(3);
  });

  it('forgets the messages of a deleted session', () => {
    const { store, maria } = storeWithConversation();
    store.deleteSession(maria.id);
    expect(store.search('pricing').map((h) => h.personaId)).toEqual(['tom']);
    const db = rawConnection(store);
    expect(() => db.exec("INSERT INTO messages_fts (messages_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });
});
