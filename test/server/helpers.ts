import { join } from 'node:path';
import OpenAI from 'openai';
import { afterEach } from 'vitest';
import { providerCache, setUpEngine, type ModelFlags } from '../../src/cli/engine-setup.js';
import type { Config } from '../../src/core/config.js';
import { diskPersonaCatalog } from '../../src/server/persona-catalog.js';
import { startServer, type RunningServer } from '../../src/server/server.js';
import type { ServerOptions } from '../../src/server/types.js';
import type { HistoryStore } from '../../src/store/history-store.js';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { openStore } from '../../src/store/sqlite-store.js';
import { tempDir } from '../support/temp.js';

// A server under test on a free loopback port, with its own PERSONA_HOME, a real SQLite history,
// the shipped personas and the CLI's engine wiring. Closed after each test.

export const TOKEN_A = 'token-of-user-alice-0123456789';
export const TOKEN_B = 'token-of-user-bob-9876543210xx';
export const UPSTREAM_KEY = 'sk-upstream-secret-key-abcdef123456';

export interface TestServer {
  url: string;
  home: string;
  store: HistoryStore;
  server: RunningServer;
  logs: string[];
}

const running: TestServer[] = [];

afterEach(async () => {
  for (const t of running.splice(0)) {
    await t.server.close({ graceMs: 0 });
    await t.store.close();
  }
});

export interface TestServerOptions extends Partial<
  Pick<
    ServerOptions,
    | 'host'
    | 'messagesPerMinute'
    | 'maxBodyBytes'
    | 'corsOrigins'
    | 'headersTimeoutMs'
    | 'requestTimeoutMs'
    | 'maxConnections'
    | 'webSocketPingMs'
  >
> {
  /** user id -> token */
  users?: Record<string, string>;
  config?: Config;
  flags?: ModelFlags;
  /** Share another test server's PERSONA_HOME (and so its database file): a second server on one history. */
  home?: string;
  /** Keep the history in this PostgreSQL database instead of the SQLite file in PERSONA_HOME. */
  databaseUrl?: string;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const home = options.home ?? tempDir('persona-serve-');
  process.env.PERSONA_HOME = home;
  const store = options.databaseUrl ? await openPostgresStore(options.databaseUrl) : openStore(join(home, 'persona.db'));
  const config: Config = { retries: 0, timeoutMs: 5000, ...options.config };
  const logs: string[] = [];
  // As `persona serve` wires it: providers resolved once and shared by every request.
  const resolveProvider = providerCache();
  const server = await startServer({
    store,
    personas: diskPersonaCatalog(),
    createEngine: (request) =>
      setUpEngine({
        persona: request.persona,
        store: request.store,
        session: request.session,
        flags: {
          ...options.flags,
          ...(request.provider ? { provider: request.provider, model: request.model } : request.model ? { model: request.model } : {}),
        },
        config,
        resolveProvider,
      }),
    host: options.host,
    port: 0,
    tokens: new Map(Object.entries(options.users ?? {}).map(([user, token]) => [token, user])),
    messagesPerMinute: options.messagesPerMinute ?? 0,
    maxBodyBytes: options.maxBodyBytes,
    corsOrigins: options.corsOrigins,
    headersTimeoutMs: options.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
    maxConnections: options.maxConnections,
    webSocketPingMs: options.webSocketPingMs,
    log: (line) => logs.push(line),
  });
  const t = { url: server.url, home, store, server, logs };
  running.push(t);
  return t;
}

/** The upstream provider is the wire server: the server under test is its OpenAI client. */
export function upstreamConfig(wireUrl: string): Pick<TestServerOptions, 'config' | 'flags'> {
  return { config: { openai: { apiKey: UPSTREAM_KEY, baseUrl: `${wireUrl}/v1` } }, flags: { provider: 'openai' } };
}

export function openaiClient(url: string, token = 'no-token-needed'): OpenAI {
  return new OpenAI({ apiKey: token, baseURL: `${url}/v1`, maxRetries: 0, timeout: 10_000 });
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export interface SseEvent {
  event: string | undefined;
  data: string;
}

/** Reads a whole text/event-stream response into its events. */
export async function readSse(response: Response): Promise<SseEvent[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.trim() !== '')
    .map((block) => {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
      const data = lines
        .filter((l) => l.startsWith('data: '))
        .map((l) => l.slice(6))
        .join('\n');
      return { event, data };
    });
}

export const json = (event: SseEvent) => JSON.parse(event.data);
