import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UsageError } from '../core/errors.js';
import { sanitizeInline } from '../core/sanitize.js';
import { createAuthenticator } from './auth.js';
import { isLoopback, urlHost } from './bind.js';
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
// crash. close() stops accepting, lets replies in progress finish for a grace period, then aborts
// them (the engine saves them, marked interrupted).

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** Replies still being generated. */
  readonly inFlight: number;
  close(options?: { graceMs?: number }): Promise<void>;
}

export const DEFAULT_GRACE_MS = 10_000;

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
  const route = createRouter(routes);
  const inFlight = new InFlight();
  const rateLimits = new UserRateLimits(options.messagesPerMinute ?? 0);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let closing = false;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? '/', 'http://server.invalid');
    let userId: string | undefined;
    try {
      if (closing) throw new HttpError(503, 'the server is shutting down', {}, { connection: 'close' });
      userId = authenticate(req);
      if (userId === undefined) throw new HttpError(401, 'Unauthorized', {}, { 'www-authenticate': 'Bearer' });
      const { handler, params } = route(req.method ?? '', url.pathname);
      const ctx: RequestContext = { req, res, url, params, userId, options, maxBodyBytes, rateLimits, inFlight };
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

  const server = createServer((req, res) => void handle(req, res));
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

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
        )
      : { error: error.message, ...error.extra };
  sendJson(res, error.status, body, error.headers);
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
