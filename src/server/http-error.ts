import { LimitError } from '../chat/limits/limit-error.js';
import { ProviderError, StoreError, UserError } from '../core/errors.js';

// Every failure a route can meet becomes one HttpError: a status, a message safe to send, and
// fields a client can act on. Provider messages are already scrubbed of keys by the adapters.

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** Provider trouble the client may retry later (503) versus a bad upstream answer (502). */
const UNAVAILABLE_KINDS = new Set(['rate_limit', 'overloaded', 'unreachable', 'timeout', 'config']);

export function providerStatus(error: ProviderError): number {
  return UNAVAILABLE_KINDS.has(error.kind) ? 503 : 502;
}

export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  if (error instanceof LimitError) {
    const extra = { limit: error.limit, ...(error.hint ? { hint: error.hint } : {}) };
    return new HttpError(error.limit === 'rate' ? 429 : 409, error.message, extra);
  }
  if (error instanceof ProviderError) {
    return new HttpError(providerStatus(error), error.message, { kind: error.kind, provider: error.provider });
  }
  if (error instanceof StoreError) return new HttpError(503, 'the history database is unavailable; try again shortly');
  if (error instanceof UserError) return new HttpError(400, error.message, error.hint ? { hint: error.hint } : {});
  return new HttpError(500, 'internal server error');
}

export const notFound = (what: string) => new HttpError(404, `${what} not found`);
