import type { ChatEngine } from '../chat/engine.js';
import type { Persona } from '../persona/schema.js';
import type { HistoryStore } from '../store/history-store.js';
import type { ChatStore } from '../chat/chat-store.js';
import type { SessionRecord } from '../core/records.js';

// What the HTTP server needs from the rest of the app, injected by `persona serve` (and by tests).
// The server never reads config, env or disk itself, so a test can run it against any store,
// persona set and engine wiring.

/**
 * The history store: the engine's ChatStore, the reads the session routes serve, and the per-user
 * request count (kept in the database, so several servers on one database share the limit).
 */
export interface ServerStore
  extends ChatStore, Pick<HistoryStore, 'listSessions' | 'getSessionSummary' | 'getTranscript' | 'admitRequest'> {}

/** What one chat request asks the engine wiring for. */
export interface EngineRequest {
  persona: Persona;
  store: ChatStore;
  /** Continue this session (its stored messages are the history). */
  session?: SessionRecord;
  /** From an OpenAI-style model name `persona@provider/model`; the server's defaults otherwise. */
  provider?: string;
  model?: string;
}

export type EngineFactory = (request: EngineRequest) => Promise<ChatEngine>;

/** The personas the API offers; ids only, never file paths, reach it. */
export interface PersonaCatalog {
  list(): Persona[];
  find(id: string): Persona | undefined;
}

export interface ServerOptions {
  store: ServerStore;
  personas: PersonaCatalog;
  createEngine: EngineFactory;
  /** Default 127.0.0.1; any other address needs at least one token. */
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Bearer token -> user id. Empty: no authentication, allowed on a loopback address only. */
  tokens?: ReadonlyMap<string, string>;
  /** Chat requests per minute per user (`limits.messagesPerMinute`); 0 turns the limit off. */
  messagesPerMinute?: number;
  /** Largest request body accepted, in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Origins whose web pages may call the API (CORS); `*` for any. None by default. */
  corsOrigins?: readonly string[];
  /** Slowloris defence: time to send the request headers, and the whole request (defaults 10 s, 30 s). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Open sockets at most (default 1024). */
  maxConnections?: number;
  /**
   * WebSocket heartbeat: every this many ms each /chat socket is pinged, and one that has not
   * answered the previous ping is terminated (default 30 s; 0 turns it off).
   */
  webSocketPingMs?: number;
  /** One line per request (method, path, status, time, user); never bodies or headers. */
  log?: (line: string) => void;
}

/** The user of a request when no token is configured: the same owner as the CLI's sessions. */
export const LOCAL_USER = 'local';
