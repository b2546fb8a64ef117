import type { IncomingMessage, ServerResponse } from 'node:http';

// CORS for web pages the user trusts (`--cors <origin>` / `server.corsOrigins`); none by default,
// so no other web site can read the API's answers or send it JSON. Preflights are answered before
// authentication: browsers never send credentials on them.

const ALLOWED_METHODS = 'GET, POST, OPTIONS';
const EXPOSED_HEADERS = 'x-persona-session, retry-after';
const PREFLIGHT_MAX_AGE_S = '600';

/** `https://app.example:8443` style origins, normalised for comparison; `*` allows any. */
export function normaliseOrigin(origin: string): string {
  if (origin === '*') return origin;
  const url = new URL(origin);
  return url.origin;
}

export class CorsPolicy {
  private readonly origins: Set<string>;

  constructor(origins: readonly string[]) {
    this.origins = new Set(origins.map(normaliseOrigin));
  }

  allows(origin: string | undefined): origin is string {
    if (!origin) return false;
    return this.origins.has('*') || this.origins.has(origin);
  }

  /** Adds the CORS headers an allowed origin needs to read the response. */
  decorate(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    res.setHeader('vary', 'Origin');
    if (!this.allows(origin)) return;
    res.setHeader('access-control-allow-origin', origin);
    res.setHeader('access-control-expose-headers', EXPOSED_HEADERS);
  }

  /** Answers an OPTIONS preflight: 204 for an allowed origin, 403 otherwise. */
  preflight(req: IncomingMessage, res: ServerResponse): void {
    const origin = req.headers.origin;
    if (!this.allows(origin)) {
      const text = JSON.stringify({
        error: `origin ${origin ?? '(none)'} is not allowed to call this server`,
        hint: 'start the server with --cors <origin> (or set server.corsOrigins) for a web page you trust',
      });
      res.writeHead(403, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), vary: 'Origin' });
      res.end(text);
      return;
    }
    const requested = String(req.headers['access-control-request-headers'] ?? '');
    res.writeHead(204, {
      'access-control-allow-origin': origin,
      'access-control-allow-methods': ALLOWED_METHODS,
      // Echo what the page asks for: OpenAI clients send their own x-stainless-* headers.
      ...(requested ? { 'access-control-allow-headers': requested.slice(0, 2000) } : {}),
      'access-control-max-age': PREFLIGHT_MAX_AGE_S,
      vary: 'Origin, Access-Control-Request-Headers',
    });
    res.end();
  }
}
