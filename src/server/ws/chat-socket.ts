import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import type { Authenticate } from '../auth.js';
import type { CorsPolicy } from '../cors.js';
import { HttpError, toHttpError } from '../http-error.js';
import type { InFlight } from '../in-flight.js';
import { chatMessage, seedChatEngine, seedEvents } from '../seed-chat.js';
import { requireOwnSession } from '../routes/sessions.js';
import type { ServerOptions } from '../types.js';
import type { UserRateLimits } from '../user-rate-limit.js';

// The chat over a WebSocket at /chat, beside the SSE route: the same turn, the same auth and
// ownership rules, the same events. In: `{"type":"send_message","personaId","message","sessionId"?,
// "requestId"?}`. Out: `{"type":"message","event":"start"|"delta"|"notice"|"fallback"|"done"|"error",
// "requestId","data"}` with the SSE route's payloads. `/chat?sessionId=<id>` binds the socket to one
// of the caller's sessions; a socket that starts a session stays in it for its next messages.
// A socket that closes aborts its turn (saved, marked interrupted), as a closed HTTP stream does.
// A heartbeat pings every socket; one that misses a pong (a laptop closed mid-chat, a dropped
// network: no FIN ever arrives) is terminated, so dead sockets neither pile up nor hold a turn.

const MAX_FRAME_BYTES = 256 * 1024;
/** Browsers cannot set Authorization on a WebSocket: they may offer `persona.bearer.<token>` as a subprotocol. */
const TOKEN_PROTOCOL = 'persona.bearer.';
export const DEFAULT_WEBSOCKET_PING_MS = 30_000;

const incoming = z.looseObject({
  type: z.literal('send_message'),
  personaId: z.optional(z.string().check(z.maxLength(64))),
  message: chatMessage.shape.message,
  sessionId: chatMessage.shape.sessionId,
  requestId: z.optional(z.union([z.string().check(z.maxLength(100)), z.number()])),
});

export interface SocketDeps {
  options: ServerOptions;
  inFlight: InFlight;
  rateLimits: UserRateLimits;
  cors: CorsPolicy;
  authenticate: Authenticate;
  hostAllowed: (req: IncomingMessage) => boolean;
  isClosing: () => boolean;
}

export function attachWebSocketChat(server: Server, deps: SocketDeps): { closeAll(): void } {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_FRAME_BYTES,
    handleProtocols: (protocols) => [...protocols].find((p) => p.startsWith(TOKEN_PROTOCOL)) ?? false,
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refused = refusal(req, deps);
    if (refused) {
      socket.end(`HTTP/1.1 ${refused}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`, () => socket.destroy());
      return;
    }
    const userId = deps.authenticate(withSocketToken(req))!;
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    const bound = url.searchParams.get('sessionId') ?? undefined;
    // The ownership check reads the database (maybe over a socket): the upgrade waits for it.
    void (async () => {
      let boundPersona: string | undefined;
      if (bound !== undefined) {
        try {
          boundPersona = (await requireOwnSession({ options: deps.options, userId }, bound)).personaId;
        } catch {
          socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n', () => socket.destroy());
          return;
        }
      }
      if (socket.destroyed) return;
      wss.handleUpgrade(req, socket, head, (ws) => {
        heartbeat.watch(ws);
        serveSocket(ws, userId, bound, boundPersona, deps);
      });
    })();
  });
  const heartbeat = startHeartbeat(wss, deps.options.webSocketPingMs ?? DEFAULT_WEBSOCKET_PING_MS);
  return {
    closeAll: () => {
      heartbeat.stop();
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
    },
  };
}

/**
 * Pings every socket each `intervalMs`; a socket that has not answered the previous ping by the
 * next one is terminated (its `close` handler then aborts a turn in progress, saved interrupted).
 * One timer for all sockets, unref'd so it never keeps the process alive.
 */
function startHeartbeat(wss: WebSocketServer, intervalMs: number): { watch(ws: WebSocket): void; stop(): void } {
  const answered = new WeakMap<WebSocket, boolean>();
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          for (const ws of wss.clients) {
            if (answered.get(ws) === false) {
              ws.terminate();
              continue;
            }
            answered.set(ws, false);
            ws.ping();
          }
        }, intervalMs).unref()
      : undefined;
  return {
    watch(ws) {
      answered.set(ws, true);
      ws.on('pong', () => answered.set(ws, true));
    },
    stop: () => clearInterval(timer),
  };
}

/** The status line an upgrade is refused with, or undefined when it may proceed. */
function refusal(req: IncomingMessage, deps: SocketDeps): string | undefined {
  const path = new URL(req.url ?? '/', 'http://server.invalid').pathname;
  if (path !== '/chat' && path !== '/chat/') return '404 Not Found';
  if (!deps.hostAllowed(req)) return '403 Forbidden';
  // Browsers do not apply CORS to WebSockets: any page could open one to 127.0.0.1, so a browser
  // (which always sends Origin) must come from an allowed origin. Other clients send none.
  if (req.headers.origin !== undefined && !deps.cors.allows(req.headers.origin)) return '403 Forbidden';
  if (deps.isClosing()) return '503 Service Unavailable';
  if (deps.authenticate(withSocketToken(req)) === undefined) return '401 Unauthorized';
  return undefined;
}

function withSocketToken(req: IncomingMessage): IncomingMessage {
  if (req.headers.authorization) return req;
  const offered = String(req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim())
    .find((p) => p.startsWith(TOKEN_PROTOCOL));
  if (!offered) return req;
  return { headers: { authorization: `Bearer ${offered.slice(TOKEN_PROTOCOL.length)}` } } as IncomingMessage;
}

function serveSocket(ws: WebSocket, userId: string, bound: string | undefined, boundPersona: string | undefined, deps: SocketDeps): void {
  let sessionId = bound;
  let personaId: string | undefined = boundPersona;
  let busy = false;
  const aborts = new Set<() => void>();
  ws.on('close', () => {
    for (const abort of aborts) abort();
  });
  const send = (event: string, data: Record<string, unknown>, requestId: unknown) =>
    new Promise<void>((resolve) => {
      if (ws.readyState !== ws.OPEN) return resolve();
      ws.send(JSON.stringify({ type: 'message', event, requestId: requestId ?? null, data }), () => resolve());
    });
  void send('ready', { sessionId: sessionId ?? null }, null);

  ws.on('message', (raw, isBinary) => {
    void (async () => {
      let requestId: unknown = null;
      try {
        let value: unknown;
        try {
          value = JSON.parse(isBinary ? '' : raw.toString());
        } catch {
          throw new HttpError(400, 'frame is not valid JSON');
        }
        requestId = (value as { requestId?: unknown })?.requestId ?? null;
        const parsed = z.safeParse(incoming, value);
        if (!parsed.success) {
          const issue = parsed.error.issues[0]!;
          const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
          throw new HttpError(400, `invalid message: ${where}${issue.message}`);
        }
        const msg = parsed.data;
        if (busy) throw new HttpError(409, 'a reply is still streaming on this socket; wait for its done or error event');
        const targetSession = msg.sessionId ?? sessionId;
        const targetPersona = msg.personaId ?? personaId;
        if (!targetPersona) throw new HttpError(400, 'invalid message: personaId: name the persona to chat with');
        busy = true;
        try {
          await runTurn(msg.message, targetPersona, targetSession, requestId);
        } finally {
          busy = false;
        }
      } catch (error) {
        const http = toHttpError(error);
        if (http.status === 500) deps.options.log?.(`error WS /chat: ${error instanceof Error ? error.message : String(error)}`);
        await send(
          'error',
          { error: http.status === 500 ? 'internal server error' : http.message, status: http.status, ...http.extra },
          requestId,
        );
      }
    })();
  });

  async function runTurn(message: string, persona: string, session: string | undefined, requestId: unknown): Promise<void> {
    const started = performance.now();
    const engine = await seedChatEngine({ options: deps.options, userId, rateLimits: deps.rateLimits }, persona, {
      message,
      ...(session ? { sessionId: session } : {}),
    });
    const reply = deps.inFlight.start();
    aborts.add(reply.abort);
    try {
      const events = engine.send(message, { signal: reply.signal, noWait: true, inputMode: 'typed' });
      for await (const { event, data } of seedEvents(events)) {
        if (event === 'start') {
          sessionId = data.sessionId as string;
          personaId = persona;
        }
        await send(event, data, requestId);
      }
    } finally {
      aborts.delete(reply.abort);
      reply.release();
      deps.options.log?.(`WS /chat send_message ${Math.round(performance.now() - started)}ms user=${userId}`);
    }
  }
}
