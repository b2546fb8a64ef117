import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../core/errors.js';
import { sanitizeInline } from '../core/sanitize.js';
import { createAuthenticator } from './auth.js';
import { isLoopback, urlHost } from './bind.js';
import { CorsPolicy } from './cors.js';
import { hostAllowed } from './host-guard.js';
import { ResponseCache } from './responses/response-cache.js';
import { attachWebSocketChat } from './ws/chat-socket.js';
import { DEFAULT_MAX_BODY_BYTES } from './body.js';
import type { RequestContext } from './context.js';
import { HttpError, toHttpError } from './http-error.js';
import { InFlight } from './in-flight.js';
import { openAIError } from './openai-wire.js';
import { sendJson } from './respond.js';
import { routes } from './routes/index.js';
import { createRouter } from './router.js';
import { LOCAL_USER, type ServerOptions } from './types.js';
import { UserRateLimits } from './user-rate-limit.js';

// `persona serve`: the chat API on node:http. Every request is authenticated (when tokens are
// configured), routed, and answered; any failure becomes a JSON error and a log line, never a
// crash. Before any of that, the Host header is checked (DNS rebinding) and CORS preflights are
// answered. Header and request timeouts and a connection cap keep slow or idle sockets from
// starving everyone else. close() stops accepting, lets replies in progress finish for a grace period, then aborts
// them (the engine saves them, marked interrupted).

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Replies still being generated. */
  readonly inFlight: number;
  close(options?: { graceMs?: number }): Promise<void>;
}

export const DEFAULT_GRACE_MS = 10_000;
/** A client gets this long to send its request headers (slowloris defence). */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
/** ... and this long for the whole request, body included (not the reply, which may stream for longer). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
/** Open sockets at most; more are refused at once rather than queued. */
export const DEFAULT_MAX_CONNECTIONS = 1024;

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const host = options.host ?? '127.0.0.1';
  const tokens = options.tokens ?? new Map<string, string>();
  if (!isLoopback(host) && tokens.size === 0) {
    throw new UsageError(
      `binding to ${host} lets other machines call the API; it needs a token`,
      'pass --token <secret> (or set server.token / server.users in the config), or bind to 127.0.0.1',
    );
  }
  const authenticate = tokens.size > 0 ? createAuthenticator(tokens) : () => LOCAL_USER;
  const cors = new CorsPolicy(options.corsOrigins ?? []);
  const responses = new ResponseCache();
  let port = 0;
  const route = createRouter(routes);
  const inFlight = new InFlight();
  const rateLimits = new UserRateLimits(options.store, options.messagesPerMinute ?? 0);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let closing = false;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    let userId: string | undefined;
    try {
      if (!hostAllowed(req.headers, port, tokens.size > 0)) throw forbiddenHost(req.headers.host);
      cors.decorate(req, res);
      if (req.method === 'OPTIONS') return cors.preflight(req, res);
      if (closing) throw new HttpError(503, 'the server is shutting down', {}, { connection: 'close' });
      userId = authenticate(req);
      if (userId === undefined) throw new HttpError(401, 'Unauthorized', {}, { 'www-authenticate': 'Bearer' });
      const { handler, params } = route(req.method ?? '', url.pathname);
      const ctx: RequestContext = { req, res, url, params, userId, options, maxBodyBytes, rateLimits, inFlight, responses };
      await handler(ctx);
    } catch (error) {
      const http = toHttpError(error);
      if (http.status === 500)
        options.log?.(`error ${sanitizeInline(req.method ?? '')} ${sanitizeInline(url.pathname)}: ${sanitizeInline(describe(error))}`);
      sendError(res, url.pathname, http);
    } finally {
      const ms = Math.round(performance.now() - started);
      options.log?.(`${sanitizeInline(req.method ?? '')} ${sanitizeInline(url.pathname)} ${res.statusCode} ${ms}ms user=${userId ?? '-'}`);
      if (!res.writableEnded) res.end();
    }
  }

  const server = createServer(
    {
      headersTimeout: options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      // Node checks those timeouts on this interval (30 s by default): a slow socket is closed
      // within a second of its deadline instead of up to half a minute after.
      connectionsCheckingInterval: 1000,
    },
    (req, res) => void handle(req, res),
  );
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  const sockets = attachWebSocketChat(server, {
    options,
    inFlight,
    rateLimits,
    cors,
    authenticate,
    hostAllowed: (req) => hostAllowed(req.headers, port, tokens.size > 0),
    isClosing: () => closing,
  });
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    // A timed-out or malformed request: answer if we still can, then close the socket for good
    // (end() alone leaves it half-open while a slow client never closes its side).
    if (!socket.writable) return void socket.destroy();
    socket.end(`HTTP/1.1 ${clientErrorStatus(error.code)}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n`, () => socket.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  let closed: Promise<void> | undefined;
  return {
    url: `http://${urlHost(host)}:${port}`,
    port,
    get inFlight() {
      return inFlight.size;
    },
    close({ graceMs = DEFAULT_GRACE_MS } = {}) {
      closed ??= (async () => {
        closing = true;
        const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        let timer: NodeJS.Timeout | undefined;
        const graceOver = new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)));
        await Promise.race([inFlight.idle(), graceOver]);
        clearTimeout(timer);
        inFlight.abortAll();
        await inFlight.idle();
        sockets.closeAll();
        server.closeAllConnections();
        await stopped;
      })();
      return closed;
    },
  };
}

function sendError(res: ServerResponse, path: string, error: HttpError): void {
  if (res.headersSent) return;
  // OpenAI clients read `{error: {message, type, code}}`; the seed's API reads `{error: "text"}`.
  // 401 keeps the seed's shape everywhere: one contract for a wrong token.
  const body =
    path.startsWith('/v1/') && error.status !== 401
      ? openAIError(
          error.status,
          error.message,
          typeof error.extra.kind === 'string' ? error.extra.kind : typeof error.extra.limit === 'string' ? error.extra.limit : null,
          typeof error.extra.param === 'string' ? error.extra.param : null,
        )
      : { error: error.message, ...error.extra };
  sendJson(res, error.status, body, error.headers);
}

function clientErrorStatus(code: string | undefined): string {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return '408 Request Timeout';
  if (code === 'HPE_HEADER_OVERFLOW') return '431 Request Header Fields Too Large';
  return '400 Bad Request';
}

function forbiddenHost(host: string | undefined): HttpError {
  return new HttpError(
    403,
    `Host ${JSON.stringify(host ?? '')} is not this server: without a token only localhost, 127.0.0.1 or [::1] with the port are accepted`,
    {
      hint: 'call the server by its loopback URL, or start it with --token to serve it under other names (behind a proxy)',
    },
  );
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
