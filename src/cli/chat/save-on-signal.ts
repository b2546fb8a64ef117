import { interruptReplies } from '../../chat/in-flight.js';

// The Ink chat reads Ctrl-C as a key, so a signal only comes from outside: the terminal window
// closed (SIGHUP), `kill` (SIGTERM), `kill -INT`. Node's default would end the process on the
// spot and lose the reply being streamed; instead the reply stops as Esc stops it, what arrived
// is saved marked interrupted, and the process exits with 128 + the signal number. A second
// signal exits at once.

const SIGNALS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
/** Long enough to write one row; short enough that closing the window still feels instant. */
const SAVE_TIMEOUT_MS = 1000;

/** Installs the handlers; `beforeExit` restores the terminal. Returns a disposer. */
export function saveOnSignal(beforeExit: () => void): () => void {
  let stopping = false;
  const handlers = Object.entries(SIGNALS).map(([name, number]) => {
    const handler = () => {
      if (stopping) process.exit(128 + number);
      stopping = true;
      // Ink hears the signal too and may unmount the chat, ending the process normally before the
      // save settles: the exit status must say a signal ended it either way.
      process.exitCode = 128 + number;
      void interruptReplies(SAVE_TIMEOUT_MS).finally(() => {
        try {
          beforeExit();
        } catch {
          // The terminal may be gone (SIGHUP): nothing left to restore.
        }
        process.exit(128 + number);
      });
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return () => {
    for (const [name, handler] of handlers) process.off(name, handler);
  };
}
