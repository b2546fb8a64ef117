import { useCallback, useRef, useState } from 'react';
import type { ChatEvent } from '../../chat/events.js';
import { consumeReply, type ReplySinks } from './consume-reply.js';
import type { PersonaView } from './persona-view.js';
import type { AssemblerOptions } from './reply-assembler.js';

export interface ReplyRunner {
  busy: boolean;
  /** Streams one reply; `start` gets the signal that Esc / Ctrl-C aborts. */
  run(persona: PersonaView, start: (signal: AbortSignal) => AsyncIterable<ChatEvent>, budget: AssemblerOptions): Promise<void>;
  /** Runs any reply-producing work (a group turn) with the same busy flag and Esc / Ctrl-C. */
  runWork(work: (signal: AbortSignal, sinks: ReplySinks) => Promise<void>): Promise<void>;
  /** Stops the reply in progress; the engine saves what arrived, marked interrupted. */
  cancel(): void;
  /**
   * Stops the reply in progress and settles once its work has ended, so its saves (the message
   * just sent, the interrupted reply) are done before the caller closes the store. Quitting a
   * moment after Enter would otherwise close the history while the first message is being saved.
   */
  stop(): Promise<void>;
}

/** A reply that ignores its abort must not keep the chat from quitting. */
const STOP_WAIT_MS = 3000;

/** Owns the reply in progress: its abort controller and the busy flag. */
export function useReplyRunner(sinks: ReplySinks): ReplyRunner {
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const working = useRef<Promise<void> | null>(null);
  const latestSinks = useRef(sinks);
  latestSinks.current = sinks;

  const runWork = useCallback<ReplyRunner['runWork']>(async (work) => {
    if (controller.current) return;
    const own = new AbortController();
    controller.current = own;
    setBusy(true);
    const done = work(own.signal, latestSinks.current);
    working.current = done.then(
      () => undefined,
      () => undefined,
    );
    try {
      await done;
    } finally {
      controller.current = null;
      working.current = null;
      setBusy(false);
    }
  }, []);
  const run = useCallback<ReplyRunner['run']>(
    (persona, start, budget) => runWork((signal, sinks) => consumeReply(start(signal), persona, sinks, budget)),
    [runWork],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const stop = useCallback(async () => {
    const inProgress = working.current;
    controller.current?.abort();
    if (!inProgress) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([inProgress, new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)))]);
    clearTimeout(timer);
  }, []);
  return { busy, run, runWork, cancel, stop };
}
