import { TokenBucket } from 'limiter';

const MINUTE_MS = 60_000;

/**
 * N messages a minute for one session. Two views are combined and the stricter wins:
 * - this process's `limiter` token bucket (bursts up to N, then one every 60/N s), which paces a
 *   chat within one process;
 * - the session's stored user messages of the last minute, which other processes wrote too. Two
 *   `persona ask --continue` loops share no memory, only the database, so the database is what
 *   makes the limit hold across processes.
 */
export class SessionRateLimit {
  private readonly bucket: TokenBucket;

  constructor(readonly perMinute: number) {
    this.bucket = new TokenBucket({ bucketSize: perMinute, tokensPerInterval: perMinute, interval: 'minute' });
    this.bucket.content = perMinute;
  }

  /** Milliseconds to wait before the next message may be sent (0: now). */
  waitMs(storedUserMessageTimes: readonly number[], now = Date.now()): number {
    const local = this.bucket.getWaitTime(1);
    const recent = storedUserMessageTimes.filter((t) => now - t < MINUTE_MS).sort((a, b) => a - b);
    // The message that must leave the window before one more fits in it.
    const blocking = recent.length >= this.perMinute ? recent[recent.length - this.perMinute] : undefined;
    const stored = blocking === undefined ? 0 : blocking + MINUTE_MS - now;
    return Math.max(0, Math.ceil(local), Math.ceil(stored));
  }

  /** Spends one message from this process's bucket. */
  take(): void {
    this.bucket.tryRemoveTokens(1);
  }
}
