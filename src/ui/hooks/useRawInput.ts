import { useStdin } from 'ink';
import { useEffect, useRef } from 'react';

/**
 * Every input event as the raw sequence Ink's parser split it into (one key, one escape sequence,
 * or one pasted chunk). The chat's editor needs the raw form: see input/keys.ts.
 */
export function useRawInput(handler: (sequence: string) => void, active = true): void {
  const { setRawMode, internal_eventEmitter: events } = useStdin();
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    if (!active) return;
    setRawMode(true);
    const listener = (data: string) => latest.current(data);
    events.on('input', listener);
    return () => {
      events.off('input', listener);
      setRawMode(false);
    };
  }, [active, events, setRawMode]);
}
