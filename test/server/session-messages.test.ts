import { describe, expect, it } from 'vitest';
import { conversationTotals } from '../../src/chat/conversation-totals.js';
import { MemoryStore } from '../../src/chat/memory-store.js';
import { newUserMessage } from '../../src/core/new-message.js';
import { SessionMessages } from '../../src/server/session-messages.js';

// The server keeps the sessions it serves in memory between turns; it must answer exactly what
// the store would, whoever else writes to the store.

class CountingStore extends MemoryStore {
  fullReads = 0;
  lookups = 0;
  counts = 0;
  override async getSession(id: string) {
    this.lookups++;
    return super.getSession(id);
  }
  override async recentMessages(sessionId: string, limit: number) {
    this.counts++;
    return super.recentMessages(sessionId, limit);
  }
  override async listMessages(sessionId: string) {
    this.fullReads++;
    return super.listMessages(sessionId);
  }
}

async function sessionIn(store: MemoryStore) {
  return store.createSession({ personaId: 'cfo', snapshotId: 'snap', userId: 'u', provider: 'offline', model: 'offline', title: null });
}

const contents = (messages: ReadonlyArray<{ content: string }>) => messages.map((m) => m.content);

describe('SessionMessages', () => {
  it('answers a session from memory while it is unchanged, and keeps its own appends', async () => {
    const store = new CountingStore();
    const cache = new SessionMessages(store);
    const { id } = await sessionIn(store);
    await cache.append(newUserMessage(id, 'one'));
    expect(contents(await cache.list(id))).toEqual(['one']);
    expect(store.fullReads).toBe(1);
    await cache.append(newUserMessage(id, 'two'));
    const listed = await cache.list(id);
    expect(contents(listed)).toEqual(['one', 'two']);
    expect(listed.map((m) => m.seq)).toEqual([1, 2]);
    expect(store.fullReads).toBe(1);
    // What a caller does with its list does not change the next caller's.
    listed.pop();
    expect(contents(await cache.list(id))).toEqual(['one', 'two']);
  });

  it('reads a session afresh once someone else has written to it', async () => {
    const store = new CountingStore();
    const cache = new SessionMessages(store);
    const { id } = await sessionIn(store);
    await cache.append(newUserMessage(id, 'mine'));
    await cache.list(id);
    await store.appendMessage(newUserMessage(id, 'from another process'));
    expect(contents(await cache.list(id))).toEqual(['mine', 'from another process']);
    // An append of ours that does not follow the cached copy is not patched in: read again.
    await store.appendMessage(newUserMessage(id, 'another one elsewhere'));
    await cache.append(newUserMessage(id, 'mine again'));
    expect(contents(await cache.list(id))).toEqual(['mine', 'from another process', 'another one elsewhere', 'mine again']);
    expect(contents(await cache.list(id))).toEqual(contents(await store.listMessages(id)));
  });

  it('holds at most its bound of messages, dropping the least recently used sessions first', async () => {
    const store = new CountingStore();
    const cache = new SessionMessages(store, 5);
    const a = await sessionIn(store);
    const b = await sessionIn(store);
    for (const text of ['a1', 'a2', 'a3']) await store.appendMessage(newUserMessage(a.id, text));
    for (const text of ['b1', 'b2', 'b3']) await store.appendMessage(newUserMessage(b.id, text));
    await cache.list(a.id);
    await cache.list(b.id); // 6 > 5: a goes
    expect(cache.sessionCount).toBe(1);
    const reads = store.fullReads;
    expect(contents(await cache.list(b.id))).toEqual(['b1', 'b2', 'b3']);
    expect(store.fullReads).toBe(reads);
    expect(contents(await cache.list(a.id))).toEqual(['a1', 'a2', 'a3']);
    expect(store.fullReads).toBe(reads + 1);
  });

  it('looks a served session up with the count check alone, and trusts that count within the same tick', async () => {
    const store = new CountingStore();
    const cache = new SessionMessages(store);
    const { id } = await sessionIn(store);
    await cache.append(newUserMessage(id, 'one'));
    await cache.list(id);
    expect((await cache.session(id))?.id).toBe(id); // not remembered yet: read
    expect(store.lookups).toBe(1);
    const counts = store.counts;
    expect((await cache.session(id))?.userId).toBe('u');
    expect(store.lookups).toBe(1);
    expect(store.counts).toBe(counts + 1);
    // The turn's own list in the same tick uses that count ...
    expect(contents(await cache.list(id))).toEqual(['one']);
    expect(store.counts).toBe(counts + 1);
    // ... a later turn counts again.
    await new Promise((resolve) => setImmediate(resolve));
    await cache.list(id);
    expect(store.counts).toBe(counts + 2);
  });

  it('notices a served session that another process continued or deleted', async () => {
    const store = new CountingStore();
    const cache = new SessionMessages(store);
    const { id } = await sessionIn(store);
    await cache.append(newUserMessage(id, 'one'));
    await cache.list(id);
    await cache.session(id);
    await store.appendMessage(newUserMessage(id, 'from another process'));
    const lookups = store.lookups;
    expect((await cache.session(id))?.id).toBe(id);
    expect(store.lookups).toBe(lookups + 1);
    expect(contents(await cache.list(id))).toEqual(['one', 'from another process']);
    await cache.session(id);
    // Deleting a session deletes its messages too (ON DELETE CASCADE in the real stores).
    store.sessions.delete(id);
    store.messages.splice(0, store.messages.length);
    expect(await cache.session(id)).toBeUndefined();
  });

  it('keeps the last messages of a long session and the totals of all of them, and follows its own appends', async () => {
    const store = new CountingStore();
    const cache = new SessionMessages(store, 1000, 4);
    const { id } = await sessionIn(store);
    for (let n = 1; n <= 10; n++) await store.appendMessage({ ...newUserMessage(id, `m${n}`), costUsd: n / 100 });
    let state = await cache.state(id);
    expect(state.count).toBe(10);
    // Read whole this once; what is kept is the last 4.
    expect(contents(state.tail.slice(-4))).toEqual(['m7', 'm8', 'm9', 'm10']);
    expect(state.totals).toEqual(conversationTotals(await store.listMessages(id)));
    const reads = store.fullReads;
    await cache.append({ ...newUserMessage(id, 'm11'), costUsd: 0.5 });
    await cache.append(newUserMessage(id, 'm12'));
    state = await cache.state(id);
    expect(store.fullReads).toBe(reads);
    expect(state.count).toBe(12);
    expect(contents(state.tail)).toEqual(['m9', 'm10', 'm11', 'm12']);
    const stored = await store.listMessages(id);
    expect(state.totals).toMatchObject({ count: 12, userTurns: 12, tokens: conversationTotals(stored).tokens });
    expect(state.totals.costUsd).toBeCloseTo(conversationTotals(stored).costUsd, 10);
    // The whole session is not held: a list reads it.
    expect(contents(await cache.list(id))).toEqual(contents(stored));
    // What a caller does with the tail it got does not change the cache.
    (state.tail as unknown[]).pop();
    expect(contents((await cache.state(id)).tail)).toEqual(['m9', 'm10', 'm11', 'm12']);
  });

  it('counts the messages it holds against its bound, not the length of each session', async () => {
    const store = new CountingStore();
    const cache = new SessionMessages(store, 10, 4);
    const sessions = [await sessionIn(store), await sessionIn(store), await sessionIn(store)];
    for (const s of sessions) for (let n = 1; n <= 20; n++) await store.appendMessage(newUserMessage(s.id, `${n}`));
    await cache.state(sessions[0]!.id);
    await cache.state(sessions[1]!.id); // 2 x (4 + 1) = 10: both held
    expect(cache.sessionCount).toBe(2);
    await cache.state(sessions[2]!.id); // the least recently used goes
    expect(cache.sessionCount).toBe(2);
    const reads = store.fullReads;
    await cache.state(sessions[1]!.id);
    expect(store.fullReads).toBe(reads);
    await cache.state(sessions[0]!.id);
    expect(store.fullReads).toBe(reads + 1);
  });

  it('knows a session it has just created is empty, and remembers its record', async () => {
    const store = new CountingStore();
    const cache = new SessionMessages(store);
    const created = await sessionIn(store);
    cache.started(created);
    expect(await cache.list(created.id)).toEqual([]);
    expect(store.fullReads + store.counts).toBe(0);
    await cache.append(newUserMessage(created.id, 'first'));
    await new Promise((resolve) => setImmediate(resolve));
    expect((await cache.session(created.id))?.id).toBe(created.id);
    expect(store.lookups).toBe(0);
    expect(contents(await cache.list(created.id))).toEqual(['first']);
    expect([store.fullReads, store.counts]).toEqual([0, 1]);
  });
});
