import { expect, it } from 'vitest';
import { describePostgres, useFreshPostgresDatabase } from '../../support/postgres.js';
import { personaReply, userMessage } from '../helpers/fixtures.js';
import { openTestStore, startSession } from './helpers.js';

// Two pools stand for two `persona serve` processes: separate connections to one database, with
// nothing shared in memory. What holds here holds across servers.

describePostgres('PostgreSQL store under concurrent writers', () => {
  const url = useFreshPostgresDatabase();

  it('gives concurrent appends to one session from two pools the seqs 1..n, with no gap and no duplicate', async () => {
    const [a, b] = await Promise.all([openTestStore(url()), openTestStore(url())]);
    const session = await startSession(a);
    const perServer = 60;
    const appends = [];
    for (let i = 0; i < perServer; i++) {
      appends.push(a.appendMessage(userMessage(session.id, `from a ${i}`)));
      appends.push(b.appendMessage(personaReply(session.id, `from b ${i}`)));
    }
    const saved = await Promise.all(appends);
    expect(saved.map((m) => m.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: 2 * perServer }, (_, i) => i + 1));
    const stored = await b.listMessages(session.id);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 2 * perServer }, (_, i) => i + 1));
    // Each record returned is the row stored under its seq.
    const bySeq = new Map(stored.map((m) => [m.seq, m.content]));
    for (const m of saved) expect(bySeq.get(m.seq)).toBe(m.content);
    expect((await a.getSessionSummary(session.id))?.messageCount).toBe(2 * perServer);
  });

  it('holds the per-user request limit across two pools: exactly the limit is admitted', async () => {
    const [a, b] = await Promise.all([openTestStore(url()), openTestStore(url())]);
    const perMinute = 10;
    const answers = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? a : b).admitRequest('alice', perMinute)));
    expect(answers.filter((wait) => wait === 0)).toHaveLength(perMinute);
    const refused = answers.filter((wait) => wait > 0);
    expect(refused).toHaveLength(6);
    for (const wait of refused) expect(wait).toBeLessThanOrEqual(60_000);
    // Another user has a limit of their own.
    expect(await b.admitRequest('bob', perMinute)).toBe(0);
  });

  it('lets a request in again once the oldest one has left the one-minute window', async () => {
    let now = Date.parse('2026-01-01T12:00:00.000Z');
    const store = await openTestStore(url(), { now: () => new Date(now) });
    expect(await store.admitRequest('carol', 2)).toBe(0);
    now += 10_000;
    expect(await store.admitRequest('carol', 2)).toBe(0);
    now += 10_000;
    expect(await store.admitRequest('carol', 2)).toBe(40_000);
    now += 40_001;
    expect(await store.admitRequest('carol', 2)).toBe(0);
  });

  it('keeps one snapshot row when two pools save the same persona at once', async () => {
    const [a, b] = await Promise.all([openTestStore(url()), openTestStore(url())]);
    const [one, two] = await Promise.all([a.saveSnapshot(input()), b.saveSnapshot(input())]);
    expect(one.id).toBe(two.id);
  });
});

function input() {
  return {
    personaId: 'same',
    name: 'Same',
    contentHash: 'hash-same',
    persona: { id: 'same' },
    chatProfile: {},
    systemPrompt: 'You are Same.',
  };
}
