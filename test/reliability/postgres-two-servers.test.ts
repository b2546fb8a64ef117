import { afterAll, beforeAll, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { createPostgresDatabase, describePostgres } from '../support/postgres.js';
import { postJson } from '../server/helpers.js';
import { startWireServer, type WireServer } from '../support/wire-server.js';
import { bearer, doneOf, messagesOf, parseSse, query, startServers, streamTurn, USERS, type UserId } from './serve-cluster-support.js';

// Two real `persona serve` processes (the built CLI), each with its own PERSONA_HOME and
// DATABASE_URL naming one PostgreSQL database, as behind a load balancer: nothing is shared
// between them but the database. What the clients were told is checked against the rows, read
// back with plain SQL.

let wire: WireServer;
beforeAll(async () => {
  wire = await startWireServer();
});
afterAll(() => wire.close());

/** A live provider (the wire server, through the real `openai` SDK): what rate limits apply to. */
const liveProvider = () => ({ provider: 'openai', openai: { apiKey: 'sk-test-cluster-0123456789', baseUrl: `${wire.url}/v1` } });

const userIds = Object.keys(USERS) as UserId[];

/**
 * The conversation a provider request carried, without the system prompt: [role, content] pairs.
 * The persona's post-history reminder, which the provider appends to the last user turn after a
 * blank line, is left out of that turn.
 */
function conversationSent(index: number): Array<[string, string]> {
  const messages = wire.requests[index]!.body.messages as Array<{ role: string; content: string }>;
  const turns = messages.filter((m) => m.role !== 'system').map((m): [string, string] => [m.role, m.content]);
  const last = turns.at(-1)!;
  return [...turns.slice(0, -1), [last[0], last[1].split('\n\n')[0]!]];
}

describePostgres('two persona serve processes on one PostgreSQL database', () => {
  it('loses nothing of 200 concurrent streamed chat turns split between them', { timeout: 240_000 }, async () => {
    const databaseUrl = await createPostgresDatabase();
    // The offline engine: the turns cost nothing and are not rate-limited, so all 200 go through.
    const servers = await startServers(2, databaseUrl, {});

    // 20 sessions, 5 per user, opened on alternate servers with alternate personas.
    const personas = ['cfo', 'startup-cto'];
    const openings = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const user = userIds[i % userIds.length]!;
        const personaId = personas[i % personas.length]!;
        const turn = await streamTurn(servers[i % 2]!, user, `opening ${i}: what is your week like?`, undefined, personaId);
        expect(turn.status, turn.text).toBe(200);
        return { user, personaId, sessionId: doneOf(turn).sessionId, sent: [`opening ${i}: what is your week like?`] };
      }),
    );

    // 200 turns at once: 160 on the seed route (8 per session, each session's turns alternating
    // between the servers), 40 on /v1/chat/completions, streamed and saved, each carrying an
    // earlier exchange (so each becomes a session of 4 messages).
    const started = performance.now();
    const seedTurns = Array.from({ length: 160 }, async (_, k) => {
      const session = openings[k % 20]!;
      const message = `turn ${k}: and what about the budget for item ${k}?`;
      session.sent.push(message);
      const turn = await streamTurn(servers[(k + Math.floor(k / 20)) % 2]!, session.user, message, session.sessionId, session.personaId);
      expect(turn.status, turn.text).toBe(200);
      expect(turn.events[0]?.event).toBe('start');
      const done = doneOf(turn);
      expect(done.sessionId).toBe(session.sessionId);
      return { session: session.sessionId, user: done.message, reply: done.response };
    });
    const openaiTurns = Array.from({ length: 40 }, async (_, k) => {
      const user = userIds[k % userIds.length]!;
      const server = servers[k % 2]!;
      const last = `openai ${k}: would you pay for this?`;
      const history = [
        { role: 'user', content: `openai ${k}: earlier question` },
        { role: 'assistant', content: `openai ${k}: earlier answer` },
      ];
      const response = await fetch(`${server.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-persona-save': 'true', ...bearer(user) },
        body: JSON.stringify({ model: 'cfo', stream: true, messages: [...history, { role: 'user', content: last }] }),
      });
      const text = await response.text();
      expect(response.status, text).toBe(200);
      const chunks = parseSse(text).filter((e) => 'choices' in e.data);
      const reply = chunks.map((e) => (e.data.choices as Array<{ delta?: { content?: string } }>)[0]?.delta?.content ?? '').join('');
      expect(text.trimEnd().endsWith('data: [DONE]')).toBe(true);
      return { session: response.headers.get('x-persona-session')!, user, history, last, reply };
    });
    const seed = await Promise.all(seedTurns);
    const openai = await Promise.all(openaiTurns);
    const seconds = (performance.now() - started) / 1000;
    console.log(`200 concurrent streamed turns on two servers and one PostgreSQL database: ${seconds.toFixed(1)} s`);

    // Every seed session: its opening and its 8 turns, each question once and each answer the
    // client was sent, seqs 1..n without a gap, all complete.
    for (const session of openings) {
      const rows = await messagesOf(databaseUrl, session.sessionId);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      expect(rows).toHaveLength(2 * 9);
      expect(rows.every((r) => r.status === 'complete')).toBe(true);
      expect(
        rows
          .filter((r) => r.role === 'user')
          .map((r) => r.content)
          .sort(),
      ).toEqual([...session.sent].sort());
      expect(rows.filter((r) => r.role === 'persona')).toHaveLength(9);
    }
    const byId = new Map(
      (await query<{ id: string; session_id: string; content: string }>(databaseUrl, 'SELECT id, session_id, content FROM messages')).map(
        (r) => [r.id, r],
      ),
    );
    for (const turn of seed) {
      expect(byId.get(turn.user.id)).toMatchObject({ session_id: turn.session, content: turn.user.content });
      expect(byId.get(turn.reply.id)).toMatchObject({ session_id: turn.session, content: turn.reply.content });
    }
    // Every saved completion: the conversation it carried, then its question and the streamed reply.
    for (const turn of openai) {
      expect(turn.session).toMatch(/^[0-9a-z]+$/);
      const rows = await messagesOf(databaseUrl, turn.session);
      expect(rows.map((r) => [r.seq, r.role, r.content, r.status])).toEqual([
        [1, 'user', turn.history[0]!.content, 'complete'],
        [2, 'persona', turn.history[1]!.content, 'complete'],
        [3, 'user', turn.last, 'complete'],
        [4, 'persona', turn.reply, 'complete'],
      ]);
    }
    // Each session belongs to the user who started it, and nothing else is in the database.
    const owners = new Map(
      (await query<{ id: string; user_id: string }>(databaseUrl, 'SELECT id, user_id FROM sessions')).map((r) => [r.id, r.user_id]),
    );
    expect(owners.size).toBe(20 + 40);
    for (const session of openings) expect(owners.get(session.sessionId)).toBe(session.user);
    for (const turn of openai) expect(owners.get(turn.session)).toBe(turn.user);
    expect(byId.size).toBe(20 * 2 * 9 + 40 * 4);
  });

  it('continues on one server a session started on the other, the reply seeing the whole history', { timeout: 120_000 }, async () => {
    const databaseUrl = await createPostgresDatabase();
    const [one, two] = await startServers(2, databaseUrl, liveProvider());
    wire.reset();

    // The seed route: started on the first server, continued on the second, then on the first again.
    wire.enqueue({ text: 'First answer, from server one.' });
    const first = await streamTurn(one!, 'alice', 'Question one, asked on server one');
    expect(first.status, first.text).toBe(200);
    const { sessionId } = doneOf(first);
    wire.enqueue({ text: 'Second answer, from server two.' });
    const second = await streamTurn(two!, 'alice', 'Question two, asked on server two', sessionId);
    expect(second.status, second.text).toBe(200);
    expect(doneOf(second).sessionId).toBe(sessionId);
    // What the second server sent the model: the first server's exchange, then the new question.
    expect(conversationSent(1)).toEqual([
      ['user', 'Question one, asked on server one'],
      ['assistant', 'First answer, from server one.'],
      ['user', 'Question two, asked on server two'],
    ]);
    wire.enqueue({ text: 'Third answer, from server one again.' });
    const third = await streamTurn(one!, 'alice', 'Question three, back on server one', sessionId);
    expect(third.status, third.text).toBe(200);
    expect(conversationSent(2)).toEqual([
      ['user', 'Question one, asked on server one'],
      ['assistant', 'First answer, from server one.'],
      ['user', 'Question two, asked on server two'],
      ['assistant', 'Second answer, from server two.'],
      ['user', 'Question three, back on server one'],
    ]);
    expect((await messagesOf(databaseUrl, sessionId)).map((r) => [r.seq, r.role, r.content, r.status])).toEqual([
      [1, 'user', 'Question one, asked on server one', 'complete'],
      [2, 'persona', 'First answer, from server one.', 'complete'],
      [3, 'user', 'Question two, asked on server two', 'complete'],
      [4, 'persona', 'Second answer, from server two.', 'complete'],
      [5, 'user', 'Question three, back on server one', 'complete'],
      [6, 'persona', 'Third answer, from server one again.', 'complete'],
    ]);
    // Ownership holds across servers too: another user cannot continue it on either.
    for (const server of [one!, two!]) expect((await streamTurn(server, 'bob', 'Let me in', sessionId)).status).toBe(404);
    expect(await messagesOf(databaseUrl, sessionId)).toHaveLength(6);

    // The Responses API: a stored response on the first server, continued on the second through
    // previous_response_id.
    wire.enqueue({ text: 'Responses answer, from server one.' });
    const stored = await fetch(`${one!.url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('carol') },
      body: JSON.stringify({ model: 'cfo', input: 'Responses question, on server one', store: true }),
    });
    expect(stored.status).toBe(200);
    const { id } = (await stored.json()) as { id: string };
    const responsesSession = /^resp_([0-9a-z]+)_/.exec(id)![1]!;
    wire.enqueue({ text: 'Responses answer, from server two.' });
    const continued = await fetch(`${two!.url}/v1/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer('carol') },
      body: JSON.stringify({ model: 'cfo', input: 'Responses follow-up, on server two', previous_response_id: id, store: true }),
    });
    expect(continued.status).toBe(200);
    expect(((await continued.json()) as { id: string }).id).toMatch(new RegExp(`^resp_${responsesSession}_`));
    expect(conversationSent(wire.requests.length - 1)).toEqual([
      ['user', 'Responses question, on server one'],
      ['assistant', 'Responses answer, from server one.'],
      ['user', 'Responses follow-up, on server two'],
    ]);
    expect((await messagesOf(databaseUrl, responsesSession)).map((r) => [r.seq, r.role, r.content])).toEqual([
      [1, 'user', 'Responses question, on server one'],
      [2, 'persona', 'Responses answer, from server one.'],
      [3, 'user', 'Responses follow-up, on server two'],
      [4, 'persona', 'Responses answer, from server two.'],
    ]);
  });

  it('refuses the 11th message in a minute whichever server gets it, counting in the database', { timeout: 120_000 }, async () => {
    const databaseUrl = await createPostgresDatabase();
    const [one, two] = await startServers(2, databaseUrl, { ...liveProvider(), limits: { messagesPerMinute: 10 } });
    const servers = [one!, two!];

    // 16 requests from one user at once, 8 on each server, over the seed route (streamed and
    // not) and saved chat completions: exactly 10 are admitted between the two servers.
    const attempts = await Promise.all(
      Array.from({ length: 16 }, async (_, i) => {
        const server = servers[i % 2]!;
        const message = `burst ${i}: is this worth it?`;
        const kind = i % 3;
        const response =
          kind === 2
            ? await fetch(`${server.url}/v1/chat/completions`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'x-persona-save': 'true', ...bearer('alice') },
                body: JSON.stringify({ model: 'cfo', messages: [{ role: 'user', content: message }] }),
              })
            : await fetch(`${server.url}/api/personas/cfo/chat`, {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  ...(kind === 1 ? { accept: 'text/event-stream' } : {}),
                  ...bearer('alice'),
                },
                body: JSON.stringify({ message }),
              });
        const body = await response.text();
        return { server: i % 2, message, status: response.status, body, retryAfter: response.headers.get('retry-after') };
      }),
    );
    const admitted = attempts.filter((a) => a.status === 200);
    const refused = attempts.filter((a) => a.status === 429);
    expect(attempts.map((a) => a.status).sort()).toEqual([...Array(10).fill(200), ...Array(6).fill(429)]);
    for (const r of refused) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(60);
    }

    // The 11th, 12th…: refused on either server, whichever gets it.
    for (const server of [two!, one!, two!]) {
      const again = await streamTurn(server, 'alice', 'one too many');
      expect(again.status).toBe(429);
      expect(again.text).toContain('10 chat requests a minute');
    }
    // The count lives in the database; refused requests are not counted, and nothing of them is saved.
    expect(await query(databaseUrl, 'SELECT user_id, count(*)::int AS n FROM chat_requests GROUP BY user_id')).toEqual([
      { user_id: 'alice', n: 10 },
    ]);
    const saved = (await query<{ content: string }>(databaseUrl, "SELECT content FROM messages WHERE role = 'user' ORDER BY content")).map(
      (r) => r.content,
    );
    expect(saved).toEqual(admitted.map((a) => a.message).sort());
    // Another user has an allowance of their own, on both servers.
    expect((await streamTurn(one!, 'bob', 'hello from bob')).status).toBe(200);
    expect((await streamTurn(two!, 'bob', 'hello again from bob')).status).toBe(200);
  });

  it('migrates an empty database once when both servers start at the same moment', { timeout: 120_000 }, async () => {
    const databaseUrl = await createPostgresDatabase();
    const servers = await startServers(2, databaseUrl, {}, { atOnce: true });
    expect(await query(databaseUrl, 'SELECT name, count(*)::int AS n FROM migrations GROUP BY name ORDER BY name')).toEqual(
      MIGRATIONS.map((m) => ({ name: m.name, n: 1 })).sort((a, b) => a.name.localeCompare(b.name)),
    );
    for (const server of servers) expect((await streamTurn(server, 'alice', 'Are you up?')).status).toBe(200);
  });

  it("counts the day's budget in the database: what a reply cost on one server is spent on the other", { timeout: 120_000 }, async () => {
    const databaseUrl = await createPostgresDatabase();
    const [one, two] = await startServers(2, databaseUrl, { ...liveProvider(), limits: { dailyBudgetUsd: 0.05 } });
    // gpt-4o-mini at $0.15 / $0.60 per million tokens: this reply costs $0.075, over the budget.
    wire.enqueue({ text: 'An expensive answer.', usage: { input: 100_000, output: 100_000 } });
    const paid = await postJson(`${one!.url}/api/personas/cfo/chat`, { message: 'Tell me everything' }, bearer('alice'));
    expect(paid.status).toBe(200);
    expect(((await paid.json()) as { costUsd: number }).costUsd).toBeCloseTo(0.075, 6);
    const requestsBefore = wire.requests.length;
    for (const [server, user] of [
      [two!, 'bob'],
      [one!, 'carol'],
    ] as const) {
      const refused = await postJson(`${server.url}/api/personas/cfo/chat`, { message: 'And a little more?' }, bearer(user));
      expect(refused.status).toBe(409);
      expect(await refused.json()).toMatchObject({ limit: 'daily_budget' });
    }
    // Refused before the provider was called.
    expect(wire.requests.length).toBe(requestsBefore);
  });
});
