import type { IncomingMessage, ServerResponse } from 'node:http';
import type { InFlight } from './in-flight.js';
import type { ResponseCache } from './responses/response-cache.js';
import type { ServerOptions } from './types.js';
import type { UserRateLimits } from './user-rate-limit.js';

/** Everything a route handler gets for one request. */
export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
  /** Who is asking: sessions they start belong to them, and they see only theirs. */
  userId: string;
  options: ServerOptions;
  maxBodyBytes: number;
  rateLimits: UserRateLimits;
  inFlight: InFlight;
  /** Recent Responses API output items, so `item_reference` inputs resolve. */
  responses: ResponseCache;
}

export type Handler = (ctx: RequestContext) => Promise<void>;
