import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { tempDir } from './helpers/fixtures.js';

// The daily budget reads what was spent since midnight on every chat request. The store keeps a
// running total instead of summing the whole day each time; these tests hold it to the plain sum:
// rows written by another process count, older rows do not, deletions take their cost with them.

const stores: SqliteStore[] = [];
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

const SINCE = '2026-03-02T00:00:00.000Z';

function open(file: string, clock: { ms: number }): SqliteStore {
  const store = openStore(file, { now: () => new Date(clock.ms) });
  stores.push(store);
  return store;
}

async function session(store: SqliteStore, personaId: string) {
  const snapshot = await store.saveSnapshot({
    personaId,
    name: personaId,
    contentHash: `hash-${personaId}`,
    persona: { id: personaId },
    chatProfile: {},
    systemPrompt: `You are ${personaId}.`,
  });
  return store.createSession({
    personaId,
    snapshotId: snapshot.id,
    userId: 'tester',
    provider: 'openai',
    model: 'gpt-4o-mini',
    title: null,
  });
}

async function reply(store: SqliteStore, sessionId: string, costUsd: number, createdAt?: string) {
  await store.appendMessage({
    sessionId,
    role: 'persona',
    content: 'ok',
    provider: 'openai',
    model: 'gpt-4o-mini',
    inputTokens: 10,
    outputTokens: 10,
    cacheReadTokens: null,
    cacheWriteTokens: null,
    costUsd,
    latencyFirstTokenMs: null,
    latencyTotalMs: null,
    status: 'complete',
    finishReason: 'stop',
    inputMode: null,
    error: null,
    fallback: false,
    ...(createdAt ? { createdAt } : {}),
  });
}

describe('spentSince', () => {
  it('keeps up with every process writing the file, and forgets what is deleted', async () => {
    const file = join(tempDir(), 'persona.db');
    const clock = { ms: Date.parse('2026-03-02T09:00:00.000Z') };
    const here = open(file, clock);
    const elsewhere = open(file, clock); // another process on the same database
    const mine = await session(here, 'cfo');
    const theirs = await session(elsewhere, 'cto');

    await reply(here, mine.id, 0.25, '2026-03-01T23:59:59.000Z'); // yesterday: not today's spend
    await reply(here, mine.id, 0.5);
    expect(await here.spentSince(SINCE)).toBeCloseTo(0.5, 10);

    await reply(elsewhere, theirs.id, 1.25);
    await reply(here, mine.id, 0.125);
    expect(await here.spentSince(SINCE)).toBeCloseTo(1.875, 10);
    expect(await elsewhere.spentSince(SINCE)).toBeCloseTo(1.875, 10);

    // Deleted here: the total drops at once.
    await here.deleteSession(mine.id);
    expect(await here.spentSince(SINCE)).toBeCloseTo(1.25, 10);

    // Deleted by the other process: counted afresh at once.
    await reply(here, theirs.id, 2);
    expect(await here.spentSince(SINCE)).toBeCloseTo(3.25, 10);
    await elsewhere.deleteSession(theirs.id);
    expect(await here.spentSince(SINCE)).toBe(0);

    // The newest rows deleted elsewhere and their keys handed out again: still the plain sum.
    const again = await session(elsewhere, 'cmo');
    await reply(elsewhere, again.id, 0.75);
    expect(await here.spentSince(SINCE)).toBeCloseTo(0.75, 10);
    await elsewhere.deleteSession(again.id);
    const reused = await session(elsewhere, 'coo');
    await reply(elsewhere, reused.id, 0.5);
    expect(await here.spentSince(SINCE)).toBeCloseTo(0.5, 10);

    // Another day's start is summed on its own.
    expect(await here.spentSince('2026-03-03T00:00:00.000Z')).toBe(0);
  });
});
