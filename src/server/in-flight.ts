import { trackReply, type TrackedReply } from '../chat/in-flight.js';

// The replies being generated right now. Shutdown waits for them to finish, then aborts the rest:
// an aborted turn is saved by the engine, marked interrupted, and its stream ends normally. Each
// is registered with the engine's own list of replies (src/chat/in-flight.ts), whose signal the
// engine then uses as it is rather than making another.

export class InFlight {
  private readonly running = new Set<TrackedReply>();
  private readonly idleWaiters: Array<() => void> = [];

  get size(): number {
    return this.running.size;
  }

  /** A controller for one reply; `release` it when the reply is over. */
  start(): { signal: AbortSignal; abort: () => void; release: () => void } {
    const reply = trackReply(undefined);
    this.running.add(reply);
    return {
      signal: reply.signal,
      abort: reply.abort,
      release: () => {
        reply.settle();
        this.running.delete(reply);
        if (this.running.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      },
    };
  }

  abortAll(): void {
    for (const reply of this.running) reply.abort();
  }

  /** Resolves when nothing is running (at once when nothing is). */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
