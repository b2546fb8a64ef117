import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NOTHING_OPENED, openChat } from '../../src/cli/chat/open-chat.js';
import { openStore, type SqliteStore } from '../../src/store/sqlite-store.js';
import { SHOWN_ON_REOPEN } from '../../src/ui/chat/shown-on-reopen.js';
import { earlierNote, reopenedItems } from '../../src/ui/chat/chat-start.js';
import { personaView } from '../../src/ui/chat/persona-view.js';
import { resolvePersona } from '../../src/persona/loader.js';
import { tempDir } from '../support/temp.js';

// Issue 14 (9): reopening a 20,000-message session reads its end, not the whole of it. The store
// is wrapped so that every message row it hands out is counted.

const SIZE = 20_000;

let store: SqliteStore;
let rowsRead: number;
let wholeReads: number;
let previousHome: string | undefined;

/** The store, with a count of the message rows each read returns. */
function counting(inner: SqliteStore): SqliteStore {
  return new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key === 'listMessages') {
        return async (sessionId: string) => {
          wholeReads++;
          const rows = await target.listMessages(sessionId);
          rowsRead += rows.length;
          return rows;
        };
      }
      if (key === 'recentMessages') {
        return async (sessionId: string, limit: number) => {
          const recent = await target.recentMessages(sessionId, limit);
          rowsRead += recent.messages.length;
          return recent;
        };
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** A session with `size` messages, alternating question and priced reply, written in one transaction. */
async function longSession(size: number): Promise<string> {
  const persona = resolvePersona('cfo');
  const snapshot = await store.saveSnapshot({
    personaId: persona.id,
    name: persona.name,
    contentHash: 'long-session',
    persona,
    chatProfile: {},
    systemPrompt: 'You are the CFO.',
  } as never);
  const session = await store.createSession({
    personaId: persona.id,
    snapshotId: snapshot.id,
    userId: 'tester',
    provider: 'offline',
    model: 'offline',
    title: null,
  });
  // Straight into the rows: 20,000 appends, each in its own transaction, would be the slow part of the test.
  const db = (store as unknown as { db: import('better-sqlite3').Database }).db;
  const insert = db.prepare(
    `INSERT INTO messages (id, session_id, seq, role, content, created_at, provider, model, input_tokens, output_tokens, cost_usd, status)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'complete')`,
  );
  db.transaction(() => {
    for (let n = 1; n <= size; n++) {
      const user = n % 2 === 1;
      const at = new Date(Date.UTC(2026, 0, 1) + n * 1000).toISOString();
      insert.run(
        `m-${n}`,
        session.id,
        n,
        user ? 'user' : 'persona',
        `message ${n}`,
        at,
        user ? null : 'openai',
        user ? null : 'gpt-4o-mini',
        user ? null : 10,
        user ? null : 2,
        user ? null : 0.001,
      );
    }
  })();
  return session.id;
}

beforeEach(() => {
  previousHome = process.env.PERSONA_HOME;
  process.env.PERSONA_HOME = tempDir();
  store = openStore(join(process.env.PERSONA_HOME, 'persona.db'));
  rowsRead = 0;
  wholeReads = 0;
});

afterEach(async () => {
  await store.close();
  if (previousHome === undefined) delete process.env.PERSONA_HOME;
  else process.env.PERSONA_HOME = previousHome;
});

describe('reopening a long session', () => {
  it('reads only the messages it shows, with the count and totals of the whole session', async () => {
    const id = await longSession(SIZE);
    const opened = await openChat(
      'cfo',
      { continue: true, save: true, voiceAutoSend: false, keepAudio: false, overBudget: false },
      counting(store),
    );

    expect(opened.session?.id).toBe(id);
    expect(wholeReads).toBe(0);
    expect(rowsRead).toBe(SHOWN_ON_REOPEN);
    expect(opened.total).toBe(SIZE);
    expect(opened.messages.map((m) => m.seq)).toEqual(Array.from({ length: SHOWN_ON_REOPEN }, (_, i) => SIZE - SHOWN_ON_REOPEN + 1 + i));
    // Summed in SQL over all 10,000 replies, not over the ones read.
    expect(opened.totals.replies).toBe(SIZE / 2);
    expect(opened.totals.inputTokens).toBe((SIZE / 2) * 10);
    expect(opened.totals.outputTokens).toBe((SIZE / 2) * 2);
    expect(opened.totals.costUsd).toBeCloseTo((SIZE / 2) * 0.001, 6);
    expect(opened.totals.costIncomplete).toBe(false);
  });

  it('opens with a line that counts the earlier messages and says where to read them', async () => {
    const id = await longSession(SIZE);
    const opened = await openChat('cfo', { continue: true, save: true, voiceAutoSend: false, keepAudio: false, overBudget: false }, store);
    const items = reopenedItems(opened, personaView(opened.persona!), id);

    const hidden = SIZE - SHOWN_ON_REOPEN;
    expect(items[0]).toEqual({
      kind: 'notice',
      tone: 'info',
      text: `… ${hidden.toLocaleString('en-US')} earlier messages not shown: read them all with persona sessions show ${id}, or save them with /export`,
    });
    expect(items).toHaveLength(1 + SHOWN_ON_REOPEN);
  });

  it('says nothing about earlier messages when the whole session is shown', async () => {
    expect(earlierNote(0, 'abc')).toEqual([]);
    expect(earlierNote(1, 'abc')[0]).toMatchObject({ text: expect.stringContaining('1 earlier message not shown') });
    expect(NOTHING_OPENED.total).toBe(0);
  });
});
