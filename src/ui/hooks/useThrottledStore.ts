import { useEffect, useState } from 'react';

export interface Subscribable<T> {
  get(): T;
  subscribe(listener: (urgent: boolean) => void): () => void;
}

/** Default frame budget: about 30 renders a second, as often as a terminal usefully repaints. */
export const FRAME_MS = 33;

/**
 * The store's value, re-rendering at most once per `intervalMs` however often it changes; an
 * urgent change renders at once. This is what keeps a fast token stream from re-rendering per token.
 */
export function useThrottledStore<T>(store: Subscribable<T>, intervalMs = FRAME_MS): T {
  const [value, setValue] = useState(() => store.get());
  useEffect(() => {
    let timer: NodeJS.Timeout | undefined;
    let last = 0;
    const flush = () => {
      timer = undefined;
      last = Date.now();
      setValue(store.get());
    };
    const unsubscribe = store.subscribe((urgent) => {
      if (urgent) {
        if (timer) clearTimeout(timer);
        flush();
        return;
      }
      if (timer) return;
      timer = setTimeout(flush, Math.max(0, intervalMs - (Date.now() - last)));
    });
    setValue(store.get());
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [store, intervalMs]);
  return value;
}
