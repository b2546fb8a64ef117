import type { IncomingMessage } from 'node:http';
import type { ChatEngine } from '../chat/engine.js';
import type { ChatEvent } from '../chat/events.js';
import type { RequestContext } from './context.js';

// One chat turn over HTTP. The first event is awaited before any response is written: a refusal
// by a limit, or a database that cannot take the user's message, is thrown before `start` and so
// still becomes a proper HTTP status instead of an event in a 200 stream.

export interface StartedTurn {
  first: ChatEvent;
  rest: AsyncIterator<ChatEvent>;
}

export async function startTurn(engine: ChatEngine, text: string, signal: AbortSignal): Promise<StartedTurn | undefined> {
  // noWait: an HTTP client gets 429 and decides when to retry, rather than a request left hanging.
  const rest = engine.send(text, { signal, noWait: true, inputMode: 'typed' })[Symbol.asyncIterator]();
  const first = await rest.next();
  return first.done ? undefined : { first: first.value, rest };
}

/**
 * The whole turn, its first event included. An iterator over the engine's own rather than one
 * more generator: every word of a reply passes through it.
 */
export function eventsOf(turn: StartedTurn): AsyncIterable<ChatEvent> {
  let first: ChatEvent | undefined = turn.first;
  const iterator: AsyncIterator<ChatEvent> = {
    next() {
      if (first === undefined) return turn.rest.next();
      const value = first;
      first = undefined;
      return Promise.resolve({ done: false, value });
    },
  };
  return { [Symbol.asyncIterator]: () => iterator };
}

/**
 * Runs one reply as in-flight work: shutdown waits for it (then aborts it), and a client that
 * hangs up aborts it, so the engine saves what was generated, marked interrupted.
 */
export async function asInFlight(ctx: RequestContext, work: (signal: AbortSignal) => Promise<void>): Promise<void> {
  const reply = ctx.inFlight.start();
  const onClose = () => {
    if (!ctx.res.writableFinished) reply.abort();
  };
  ctx.res.on('close', onClose);
  try {
    await work(reply.signal);
  } finally {
    ctx.res.off('close', onClose);
    reply.release();
  }
}

export function wantsEventStream(req: IncomingMessage): boolean {
  return /\btext\/event-stream\b/i.test(String(req.headers.accept ?? ''));
}
