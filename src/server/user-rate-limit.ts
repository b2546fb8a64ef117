import { SessionRateLimit } from '../chat/limits/rate-limit.js';
import { HttpError } from './http-error.js';

// Chat requests per minute per API user: the engine's limiter (a `limiter` token bucket) with the
// same `limits.messagesPerMinute` setting, keyed by user instead of session. The engine still
// applies its own per-session limit to live providers; this one guards the server itself, so it
// counts every chat request, the offline engine's too.

export class UserRateLimits {
  private readonly byUser = new Map<string, SessionRateLimit>();

  constructor(private readonly perMinute: number) {}

  /** Takes one request from the user's allowance, or throws 429 with Retry-After. */
  admit(userId: string): void {
    if (this.perMinute <= 0) return;
    let limit = this.byUser.get(userId);
    if (!limit) {
      limit = new SessionRateLimit(this.perMinute);
      this.byUser.set(userId, limit);
    }
    const waitMs = limit.waitMs([]);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new HttpError(
        429,
        `rate limit: ${this.perMinute} chat requests a minute per user; try again in ${seconds} s`,
        { limit: 'rate', retryAfterSeconds: seconds },
        { 'retry-after': String(seconds) },
      );
    }
    limit.take();
  }
}
