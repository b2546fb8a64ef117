import type { HistoryStore } from '../store/history-store.js';
import { HttpError } from './http-error.js';

// Chat requests per minute per API user, with the same `limits.messagesPerMinute` setting as the
// engine's per-session limit, keyed by user instead of session. The requests are counted in the
// history database (HistoryStore.admitRequest), not in this process: several servers on one
// database hold one limit between them. The engine still applies its own per-session limit to
// live providers; this one guards the server itself.

export class UserRateLimits {
  constructor(
    private readonly store: Pick<HistoryStore, 'admitRequest'>,
    private readonly perMinute: number,
  ) {}

  /** Counts one request against the user's allowance, or throws 429 with Retry-After (nothing counted). */
  async admit(userId: string): Promise<void> {
    if (this.perMinute <= 0) return;
    const waitMs = await this.store.admitRequest(userId, this.perMinute);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new HttpError(
        429,
        `rate limit: ${this.perMinute} chat requests a minute per user; try again in ${seconds} s`,
        { limit: 'rate', retryAfterSeconds: seconds },
        { 'retry-after': String(seconds) },
      );
    }
  }
}
