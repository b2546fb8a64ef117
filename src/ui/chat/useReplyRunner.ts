import { useCallback, useRef, useState } from 'react';
import type { ChatEvent } from '../../chat/events.js';
import { consumeReply, type ReplySinks } from './consume-reply.js';
import type { PersonaView } from './persona-view.js';
import type { AssemblerOptions } from './reply-assembler.js';

export interface ReplyRunner {
  busy: boolean;
  /** Streams one reply; `start` gets the signal that Esc / Ctrl-C aborts. */
  run(persona: PersonaView, start: (signal: AbortSignal) => AsyncIterable<ChatEvent>, budget: AssemblerOptions): Promise<void>;
  /** Stops the reply in progress; the engine saves what arrived, marked interrupted. */
  cancel(): void;
}

/** Owns the reply in progress: its abort controller and the busy flag. */
export function useReplyRunner(sinks: ReplySinks): ReplyRunner {
  const [busy, setBusy] = useState(false);
  const controller = useRef<AbortController | null>(null);
  const latestSinks = useRef(sinks);
  latestSinks.current = sinks;

  const run = useCallback<ReplyRunner['run']>(async (persona, start, budget) => {
    if (controller.current) return;
    const own = new AbortController();
    controller.current = own;
    setBusy(true);
    try {
      await consumeReply(start(own.signal), persona, latestSinks.current, budget);
    } finally {
      controller.current = null;
      setBusy(false);
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);
  return { busy, run, cancel };
}
