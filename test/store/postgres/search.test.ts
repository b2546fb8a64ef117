import { describe, expect, it } from 'vitest';
import { toTsQuery, withEllipsis } from '../../../src/store/postgres/postgres-search.js';
import { describePostgres, useFreshPostgresDatabase } from '../../support/postgres.js';
import { personaReply, userMessage } from '../helpers/fixtures.js';
import { openTestStore, startSession } from './helpers.js';

describe('PostgreSQL search query text', () => {
  it('reads words, phrases and prefixes as the SQLite search does, with only letters and digits', () => {
    expect(toTsQuery('pricing page')).toBe("'pricing' & 'page'");
    expect(toTsQuery('"pricing page" onboard*')).toBe("('pricing' <-> 'page') & 'onboard':*");
    expect(toTsQuery("'; DROP TABLE messages; --")).toBe("'drop' & 'table' & 'messages'");
    expect(toTsQuery('NEAR(pricing')).toBe("('near' <-> 'pricing')");
    expect(toTsQuery('*')).toBeUndefined();
    expect(toTsQuery('"')).toBeUndefined();
    expect(toTsQuery('Ünïcode façade')).toBe("'ünïcode' & 'façade'");
  });

  it('marks an excerpt cut at either end with …', () => {
    const content = 'We bought a diesel generator for the warehouse last winter.';
    expect(withEllipsis(content, 'a diesel «generator» for the')).toBe('…a diesel «generator» for the…');
    expect(withEllipsis(content, 'We bought a diesel «generator»')).toBe('We bought a diesel «generator»…');
    expect(withEllipsis(content, content.replace('generator', '«generator»'))).toBe(content.replace('generator', '«generator»'));
  });
});

describePostgres('PostgreSQL full-text search', () => {
  const url = useFreshPostgresDatabase();

  async function storeWithConversation() {
    const store = await openTestStore(url());
    const maria = await startSession(store, `maria-${Math.random()}`, 'Maria');
    const tom = await startSession(store, `tom-${Math.random()}`, 'Tom');
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

  it('ranks the message most about the term first; lower rank is better, as with SQLite', async () => {
    const { store, focused, maria, tom } = await storeWithConversation();
    const hits = (await store.search('pricing')).filter((h) => h.sessionId === maria.id || h.sessionId === tom.id);
    expect(hits).toHaveLength(3);
    expect(hits[0]?.messageId).toBe(focused.id);
    const ranks = hits.map((h) => h.rank);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  });

  it('wraps matched terms in « » and says where the hit is', async () => {
    const { store, toms, tom } = await storeWithConversation();
    const hit = (await store.search('think pricing', { personaId: tom.personaId }))[0];
    expect(hit).toMatchObject({
      messageId: toms.id,
      sessionId: tom.id,
      seq: 1,
      personaId: tom.personaId,
      personaName: 'Tom',
      role: 'user',
    });
    expect(hit?.snippet).toBe('What do you «think» about the «pricing»?');
  });

  it('shows an excerpt of a long message with … where it was cut', async () => {
    const { store, passing, maria } = await storeWithConversation();
    const hit = (await store.search('onboarding', { personaId: maria.personaId }))[0];
    expect(hit?.messageId).toBe(passing.id);
    expect(hit?.snippet).toMatch(/^….*«onboarding».*…$/);
    expect(hit!.snippet.length).toBeLessThan(passing.content.length);
  });

  it('requires every term, matches word forms and prefixes', async () => {
    const { store, passing, maria } = await storeWithConversation();
    expect(await store.search('pricing weekend', { personaId: maria.personaId })).toEqual([]);
    expect((await store.search('compare', { personaId: maria.personaId })).map((h) => h.messageId)).toEqual([passing.id]);
    expect((await store.search('onboard*', { personaId: maria.personaId })).map((h) => h.messageId)).toEqual([passing.id]);
  });

  it('ranks messages with the exact word typed above messages that only share its stem', async () => {
    const store = await openTestStore(url());
    const s = await startSession(store, 'generators', 'Gen');
    // The rank alone would put the short, stem-only message first.
    const stemOnly = await store.appendMessage(personaReply(s.id, 'Connected, connected.'));
    const exact = await store.appendMessage(
      personaReply(s.id, 'The connection to the warehouse failed last winter after the storms knocked the power out twice.'),
    );
    const hits = await store.search('connection', { personaId: 'generators' });
    expect(hits.map((h) => h.messageId)).toEqual([exact.id, stemOnly.id]);
    expect(hits.map((h) => h.exact)).toEqual([true, false]);
  });

  it('counts a quoted phrase as exact only when the text has it as typed', async () => {
    const store = await openTestStore(url());
    const s = await startSession(store, 'phrases', 'Phrases');
    const phrase = await store.appendMessage(personaReply(s.id, 'The pricing page decides it.'));
    const stemmed = await store.appendMessage(personaReply(s.id, 'Priced pages decide.'));
    const hits = await store.search('"pricing page"', { personaId: 'phrases' });
    expect(hits.find((h) => h.messageId === phrase.id)?.exact).toBe(true);
    expect(hits.find((h) => h.messageId === stemmed.id)?.exact).toBe(false);
  });

  it.each([
    '"',
    '"foo',
    'AND(',
    'OR',
    'NOT',
    '*',
    'NEAR(',
    'pricing -',
    '^pricing',
    'col:pricing',
    '(((',
    "'; DROP TABLE messages; --",
    "a'b",
    '\\',
    ':*',
    '!!!',
    '<->',
    '&|',
  ])('never fails on hostile input %j', async (query) => {
    const { store } = await storeWithConversation();
    await expect(store.search(query)).resolves.toBeInstanceOf(Array);
    expect((await store.search('pricing')).length).toBeGreaterThan(0);
  });

  it('forgets the messages of a deleted session', async () => {
    const { store, maria, tom } = await storeWithConversation();
    expect(await store.deleteSession(maria.id)).toBe(true);
    expect(await store.search('pricing', { personaId: maria.personaId })).toEqual([]);
    expect((await store.search('pricing', { personaId: tom.personaId })).map((h) => h.sessionId)).toEqual([tom.id]);
  });
});
