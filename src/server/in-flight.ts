// The replies being generated right now. Shutdown waits for them to finish, then aborts the rest:
// an aborted turn is saved by the engine, marked interrupted, and its stream ends normally.

export class InFlight {
  private readonly running = new Set<AbortController>();
  private readonly idleWaiters: Array<() => void> = [];

  get size(): number {
    return this.running.size;
  }

  /** A controller for one reply; `release` it when the reply is over. */
  start(): { signal: AbortSignal; abort: () => void; release: () => void } {
    const controller = new AbortController();
    this.running.add(controller);
    return {
      signal: controller.signal,
      abort: () => controller.abort(),
      release: () => {
        this.running.delete(controller);
        if (this.running.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      },
    };
  }

  abortAll(): void {
    for (const controller of this.running) controller.abort();
  }

  /** Resolves when nothing is running (at once when nothing is). */
  idle(): Promise<void> {
    if (this.running.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }
}
