import { describe, expect, it } from 'vitest';
import { ChatEngine } from '../../src/chat/engine.js';
import { historyWindow, storedHistoryWindow, windowOfState } from '../../src/chat/history.js';
import { MemoryStore } from '../../src/chat/memory-store.js';
import { newUserMessage } from '../../src/core/new-message.js';
import type { NewMessage, RecentMessages } from '../../src/core/records.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { persona } from '../persona/fixtures.js';
import { ScriptedProvider } from './scripted-provider.js';

// The history window of a stored session is read from the session's end (issue 14, 9): the same
// window as reading it all, from a number of rows that follows the window, not the session.

/** A MemoryStore that counts the message rows `recentMessages` hands out. */
class CountingStore extends MemoryStore {
  rowsRead = 0;
  override async recentMessages(sessionId: string, limit: number): Promise<RecentMessages> {
    const recent = await super.recentMessages(sessionId, limit);
    this.rowsRead += recent.messages.length;
    return recent;
  }
}

function reply(sessionId: string, content: string, status: NewMessage['status'] = 'complete'): NewMessage {
  return { ...newUserMessage(sessionId, content), role: 'persona', status, provider: 'openai', model: 'gpt-4o-mini' };
}

async function sessionOf(store: MemoryStore, build: (id: string) => NewMessage[]): Promise<string> {
  const session = await store.createSession({
    personaId: 'ana',
    snapshotId: 'snap',
    userId: 'u',
    provider: 'openai',
    model: 'gpt-4o-mini',
    title: null,
  });
  for (const m of build(session.id)) await store.appendMessage(m);
  return session.id;
}

describe('storedHistoryWindow', () => {
  it('equals the window of the whole session, through retries, failed and empty replies', async () => {
    const store = new MemoryStore();
    const id = await sessionOf(store, (s) => {
      const out: NewMessage[] = [];
      for (let n = 0; n < 300; n++) {
        out.push(newUserMessage(s, `question ${n}`));
        // Runs of replies that collapse into one turn, and rows that are no turn at all.
        if (n % 7 === 0) out.push(reply(s, `failed ${n}`, 'error'), reply(s, `   `));
        if (n % 5 === 0) out.push(reply(s, `first try ${n}`), reply(s, `retried ${n}`));
        else out.push(reply(s, `answer ${n}`));
      }
      // The end: a long stretch with no usable turn forces a second, wider read.
      for (let n = 0; n < 80; n++) out.push(reply(s, `broken ${n}`, 'error'));
      return out;
    });
    const all = await store.listMessages(id);
    for (const window of [
      { maxMessages: 20, maxTokens: 12_000 },
      { maxMessages: 3, maxTokens: 12_000 },
      { maxMessages: 50, maxTokens: 40 },
      { maxMessages: 0, maxTokens: 12_000 },
      { maxMessages: 10_000, maxTokens: 1_000_000 },
    ]) {
      expect(await storedHistoryWindow(store, id, window)).toEqual(historyWindow(all, window));
      // A served session's last messages (session-messages.ts): the same window, or "read more".
      for (const rows of [0, 5, 40, 128, 400, all.length]) {
        const fromTail = windowOfState({ tail: all.slice(all.length - rows), count: all.length }, window);
        if (rows === all.length) expect(fromTail).toEqual(historyWindow(all, window));
        else if (fromTail !== undefined) expect(fromTail).toEqual(historyWindow(all, window));
      }
    }
    // The tail a server keeps (128 rows) is enough for the default window here: no read.
    expect(windowOfState({ tail: all.slice(-128), count: all.length })).toEqual(historyWindow(all));
    // A tail of failed replies alone cannot tell: undefined, never a wrong window (records read
    // afresh; the ones above are remembered with the turns before them, which do tell).
    expect(windowOfState({ tail: all.slice(-80).map((m) => ({ ...m })), count: all.length })).toBeUndefined();
    expect(windowOfState({ tail: all.slice(-80), count: all.length })).toEqual(historyWindow(all));
  });

  it('reads a few dozen rows of a 20,000-message session for a turn of chat', async () => {
    const store = new CountingStore();
    const id = await sessionOf(store, () => []);
    // Pushed as rows: appendMessage numbers each message by scanning the list, too slow for 20,000.
    for (let n = 0; n < 20_000; n++) {
      const m = n % 2 === 0 ? newUserMessage(id, `question ${n}`) : reply(id, `answer ${n}`);
      store.messages.push({ ...m, id: `m-${n}`, seq: n + 1, createdAt: m.createdAt ?? new Date().toISOString() });
    }
    const provider = new ScriptedProvider().reply('noted');
    const ana = persona({ name: 'Ana' }, 'ana');
    const engine = new ChatEngine({
      store,
      persona: ana,
      profile: buildChatProfile(ana.data),
      systemPrompt: 'You are Ana.',
      active: { provider, model: 'gpt-4o-mini' },
      options: { temperature: 0.7, maxOutputTokens: 100, window: { maxMessages: 20, maxTokens: 12_000 } },
    });
    engine.joinSession((await store.getSession(id))!);
    for await (const event of engine.send('and now?')) void event;

    expect(store.rowsRead).toBeLessThanOrEqual(40);
    const sent = provider.requests[0]!.messages;
    expect(sent).toHaveLength(21);
    expect(sent[0]).toEqual({ role: 'user', content: 'question 19980' });
    expect(sent.at(-1)).toEqual({ role: 'user', content: 'and now?' });
  });
});
