import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPostgresDatabase, describePostgres } from '../support/postgres.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import type { ServeProcess } from '../server/serve-process.js';
import { bearer, doneOf, messagesOf, parseSse, query, startServers, streamTurn, waitUntil, type UserId } from './serve-cluster-support.js';

// kill -9 of one of two `persona serve` processes on one PostgreSQL database while it streams
// replies from a slow provider. No handler runs, so this shows what the write order promises:
// each user message was committed before its provider call, a reply is one INSERT at its end,
// and PostgreSQL rolls back whatever the dead process had open. The other server, mid-stream
// itself, finishes its reply and goes on with the killed server's sessions. The slow replies take
// 12 s, so on a loaded machine none of the killed server's can finish before the kill.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

const SLOW_WORDS = 400;
const SLOW_REPLY = { text: Array.from({ length: SLOW_WORDS }, (_, i) => `word${i}`).join(' '), chunkDelayMs: 30 };

/** A streamed seed-route turn read as it arrives; `text` grows until the stream ends or breaks. */
function openStream(server: ServeProcess, user: UserId, message: string, sessionId: string) {
  const state = { text: '', ended: false, broken: false };
  const done = (async () => {
    const response = await fetch(`${server.url}/api/personas/cfo/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(user) },
      body: JSON.stringify({ message, sessionId }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    try {
      for (let part = await reader.read(); !part.done; part = await reader.read())
        state.text += decoder.decode(part.value, { stream: true });
      state.ended = true;
    } catch {
      state.broken = true; // the server died under it
    }
  })();
  return { state, done };
}

describePostgres('kill -9 of one of two servers on one PostgreSQL database, mid-stream', () => {
  it('keeps every user message, leaves no half row or open transaction, and the other server goes on', { timeout: 180_000 }, async () => {
    const databaseUrl = await createPostgresDatabase();
    const config = { provider: 'openai', openai: { apiKey: 'sk-test-kill-0123456789', baseUrl: `${wire.url}/v1` } };
    const [victim, survivor] = await startServers(2, databaseUrl, config);

    // Four sessions with a finished exchange each, started on the server that will survive.
    const users: UserId[] = ['alice', 'bob', 'carol', 'alice'];
    const sessions: string[] = [];
    for (const [i, user] of users.entries()) {
      wire.enqueue({ text: `Earlier answer ${i}.` });
      const turn = await streamTurn(survivor!, user, `Earlier question ${i}`);
      expect(turn.status, turn.text).toBe(200);
      sessions.push(doneOf(turn).sessionId);
    }

    // Three of them continue on the victim and one on the survivor, all streaming slowly at once.
    wire.enqueue(SLOW_REPLY, SLOW_REPLY, SLOW_REPLY, SLOW_REPLY);
    const streams = users.map((user, i) =>
      openStream(i === 3 ? survivor! : victim!, user, `Question ${i} asked while a server dies`, sessions[i]!),
    );
    await waitUntil(() => streams.every((s) => /word10\b/.test(s.state.text)), 'all four replies to be streaming', 60_000);
    const killed = new Promise((resolve) => victim!.child.on('exit', (_code, signal) => resolve(signal)));
    victim!.child.kill('SIGKILL');
    expect(await killed).toBe('SIGKILL');
    await Promise.all(streams.map((s) => s.done));

    // The victim's clients saw the start and part of the reply, then a broken stream: no `done`.
    for (const s of streams.slice(0, 3)) {
      const events = parseSse(s.state.text.slice(0, s.state.text.lastIndexOf('\n\n') + 2));
      expect(events[0]?.event).toBe('start');
      expect(events.some((e) => e.event === 'done')).toBe(false);
      expect(s.state.ended && !s.state.broken ? 'ended cleanly' : 'broken').toBe('broken');
    }
    // The survivor's reply, streaming at the same moment, finished and was saved.
    const survived = parseSse(streams[3]!.state.text);
    const survivedDone = survived.find((e) => e.event === 'done')?.data as { response: { id: string; content: string } } | undefined;
    expect(survivedDone?.response.content).toBe(SLOW_REPLY.text);

    // PostgreSQL let go of the dead process's connections: nothing it had open holds a lock.
    await waitUntil(
      async () =>
        (
          await query<{ n: number }>(
            databaseUrl,
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state LIKE 'idle in transaction%'",
          )
        )[0]!.n === 0,
      'no transaction left open in the database',
    );

    for (const [i, sessionId] of sessions.entries()) {
      const rows = await messagesOf(databaseUrl, sessionId);
      // Seqs 1..n, no gap; the exchange before, then the question, committed before the provider call.
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, k) => k + 1));
      expect(rows.slice(0, 3).map((r) => [r.role, r.content, r.status])).toEqual([
        ['user', `Earlier question ${i}`, 'complete'],
        ['persona', `Earlier answer ${i}.`, 'complete'],
        ['user', `Question ${i} asked while a server dies`, 'complete'],
      ]);
      if (i === 3) {
        expect(rows.slice(3).map((r) => [r.id, r.role, r.content, r.status])).toEqual([
          [survivedDone!.response.id, 'persona', SLOW_REPLY.text, 'complete'],
        ]);
      } else {
        // The killed reply: absent, or (never a half row) a whole row marked interrupted.
        expect(rows.slice(3).every((r) => r.role === 'persona' && r.status === 'interrupted')).toBe(true);
        expect(rows.length).toBeLessThanOrEqual(4);
      }
    }

    // The survivor continues the killed server's sessions; the model sees the question the
    // client never got an answer to.
    for (const [i, sessionId] of sessions.slice(0, 3).entries()) {
      wire.enqueue({ text: `Answer ${i} from the server that survived.` });
      const sentBefore = wire.requests.length;
      const next = await streamTurn(survivor!, users[i]!, `Are you still there? (${i})`, sessionId);
      expect(next.status, next.text).toBe(200);
      const sent = (wire.requests[sentBefore]!.body.messages as Array<{ role: string; content: string }>).map((m) => m.content);
      expect(sent).toContain(`Question ${i} asked while a server dies`);
      const rows = await messagesOf(databaseUrl, sessionId);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, k) => k + 1));
      expect(rows.slice(-2).map((r) => [r.role, r.content, r.status])).toEqual([
        ['user', `Are you still there? (${i})`, 'complete'],
        ['persona', `Answer ${i} from the server that survived.`, 'complete'],
      ]);
    }
    // Nowhere in the database is there a message without its session, or a seq twice.
    expect(
      await query(
        databaseUrl,
        `SELECT (SELECT count(*)::int FROM messages m WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.id = m.session_id)) AS orphans,
                (SELECT count(*)::int FROM (SELECT session_id, seq FROM messages GROUP BY 1, 2 HAVING count(*) > 1) d) AS duplicates`,
      ),
    ).toEqual([{ orphans: 0, duplicates: 0 }]);
  });
});
