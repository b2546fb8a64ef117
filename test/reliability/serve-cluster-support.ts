import pg from 'pg';
import { startServeProcess, type ServeProcess } from '../server/serve-process.js';

// Support for the tests of several `persona serve` processes on one PostgreSQL database: start
// them, make streamed chat turns against them, and read the database back with plain SQL (not
// through the store under test), so the checks do not share the code they check.

export const USERS = {
  alice: 'alice-token-0123456789abcdef',
  bob: 'bob-token-0123456789abcdefgh',
  carol: 'carol-token-0123456789abcdef',
  dave: 'dave-token-0123456789abcdefg',
} as const;
export type UserId = keyof typeof USERS;

/**
 * Two (or more) real servers, each with its own PERSONA_HOME and config, on the database at
 * `databaseUrl`. One after the other by default: on a loaded 2-core machine cold starts at once
 * only slow each other down; `atOnce` starts them together (to race their migrations).
 */
export async function startServers(
  count: number,
  databaseUrl: string,
  config: Record<string, unknown>,
  options: { atOnce?: boolean } = {},
): Promise<ServeProcess[]> {
  const start = () => startServeProcess(['--grace', '0'], { ...config, server: { users: USERS } }, { DATABASE_URL: databaseUrl });
  if (options.atOnce) return Promise.all(Array.from({ length: count }, start));
  const started: ServeProcess[] = [];
  for (let i = 0; i < count; i++) started.push(await start());
  return started;
}

export const bearer = (user: UserId) => ({ authorization: `Bearer ${USERS[user]}` });

export interface SseTurn {
  status: number;
  /** Events in order, data parsed (`undefined` for a non-stream response). */
  events: Array<{ event: string; data: Record<string, unknown> }>;
  text: string;
}

/** Parses a whole text/event-stream body (seed chat events: `event:` and one `data:` line). */
export function parseSse(text: string): SseTurn['events'] {
  return text
    .split('\n\n')
    .filter((block) => block.includes('data: '))
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7) ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data: data === '[DONE]' ? {} : (JSON.parse(data) as Record<string, unknown>) };
    });
}

/** One streamed seed-route turn: `POST /api/personas/:id/chat` with `Accept: text/event-stream`. */
export async function streamTurn(
  server: ServeProcess,
  user: UserId,
  message: string,
  sessionId?: string,
  personaId = 'cfo',
): Promise<SseTurn> {
  const response = await fetch(`${server.url}/api/personas/${personaId}/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...bearer(user) },
    body: JSON.stringify(sessionId ? { message, sessionId } : { message }),
  });
  const text = await response.text();
  return {
    status: response.status,
    text,
    events: response.headers.get('content-type')?.startsWith('text/event-stream') ? parseSse(text) : [],
  };
}

/** The `done` event's payload, or a failure that shows what came instead. */
export function doneOf(turn: SseTurn): {
  sessionId: string;
  message: { id: string; content: string };
  response: { id: string; content: string };
} {
  const done = turn.events.find((e) => e.event === 'done');
  if (!done) throw new Error(`no done event (status ${turn.status}): ${turn.text.slice(0, 500)}`);
  return done.data as ReturnType<typeof doneOf>;
}

export interface StoredMessage {
  id: string;
  session_id: string;
  seq: number;
  role: string;
  content: string;
  status: string;
}

/** Plain SQL against the database the servers share. */
export async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** Every message of a session, in seq order. */
export async function messagesOf(databaseUrl: string, sessionId: string): Promise<StoredMessage[]> {
  const rows = await query<StoredMessage>(
    databaseUrl,
    'SELECT id, session_id, seq::int AS seq, role, content, status FROM messages WHERE session_id = $1 ORDER BY seq',
    [sessionId],
  );
  return rows;
}

/** Resolves when `condition` holds, checking every 50 ms; fails with `what` after `timeoutMs`. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
