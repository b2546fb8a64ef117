// Replies streaming in this process, so a shutdown (the terminal closed, `kill`) can stop them
// the way Esc does and wait until each has saved what arrived, marked interrupted. The engine
// registers every reply here, unless the front end registered it already (the server does, to
// stop replies on shutdown or when a client hangs up).

interface InFlightReply {
  abort(): void;
  /** Resolves once the reply's row is written (complete, interrupted or error). */
  saved: Promise<void>;
}

const replies = new Set<InFlightReply>();
/** Signals of replies registered here: a reply whose caller registered it already is not registered twice. */
const registered = new WeakSet<AbortSignal>();
const nothing = (): void => {};

export interface TrackedReply {
  /** Aborted by `interruptReplies`, by `abort`, or by the caller's signal. */
  signal: AbortSignal;
  abort: () => void;
  /** Call once the reply is saved (more calls do nothing). */
  settle: () => void;
}

/**
 * Called by the engine for each reply: returns the signal the reply must honour and a `settle` to
 * call once it is saved. A front end that runs replies as work of its own (the server) registers
 * it first, with no signal, and hands the engine that signal: one controller per reply.
 */
export function trackReply(signal: AbortSignal | undefined): TrackedReply {
  if (signal && registered.has(signal)) return { signal, abort: nothing, settle: nothing };
  const own = new AbortController();
  registered.add(own.signal);
  let settle!: () => void;
  const entry: InFlightReply = { abort: () => own.abort(), saved: new Promise<void>((resolve) => (settle = resolve)) };
  replies.add(entry);
  // The caller's signal aborts ours: one signal for the reply, without AbortSignal.any (a third
  // signal, held weakly and cleaned up by the garbage collector, on every reply).
  const follow = () => own.abort(signal?.reason);
  if (signal?.aborted) follow();
  else signal?.addEventListener('abort', follow, { once: true });
  return {
    signal: own.signal,
    abort: entry.abort,
    settle: () => {
      signal?.removeEventListener('abort', follow);
      replies.delete(entry);
      settle();
    },
  };
}

/** Stops every reply in progress and waits (at most `timeoutMs`) until each is saved. */
export async function interruptReplies(timeoutMs: number): Promise<void> {
  const pending = [...replies];
  for (const reply of pending) reply.abort();
  if (pending.length === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([Promise.all(pending.map((r) => r.saved)), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
  clearTimeout(timer);
}
