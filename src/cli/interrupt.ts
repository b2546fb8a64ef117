/**
 * Ctrl-C once aborts the reply in progress (what arrived is saved, marked interrupted); a second
 * Ctrl-C quits at once. Returns the signal to pass to the engine and a disposer.
 */
export function abortOnInterrupt(): { signal: AbortSignal; dispose: () => void; interrupted: () => boolean } {
  const controller = new AbortController();
  let count = 0;
  const onSignal = () => {
    count++;
    if (count === 1) controller.abort();
    else process.exit(130);
  };
  // SIGHUP: the terminal window was closed.
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  return {
    signal: controller.signal,
    interrupted: () => controller.signal.aborted,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.off('SIGHUP', onSignal);
    },
  };
}
