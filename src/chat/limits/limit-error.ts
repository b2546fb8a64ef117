import { ExitCode, UserError } from '../../core/errors.js';

/** Which limit stopped a message. */
export type LimitKind = 'rate' | 'turns' | 'context' | 'session_budget' | 'daily_budget';

/**
 * A message refused before anything was saved or sent: the rate limit (with --no-wait), a full
 * conversation, or a spent budget. The message says which limit and the hint how to go on.
 */
export class LimitError extends UserError {
  readonly limit: LimitKind;
  constructor(limit: LimitKind, message: string, hint: string) {
    super(message, { hint, exitCode: ExitCode.limit });
    this.limit = limit;
  }
}

/** Waiting for the rate limit was cancelled (Ctrl-C, Esc): nothing was sent or saved. */
export class WaitCancelledError extends UserError {
  constructor() {
    super('stopped while waiting for the rate limit; the message was not sent', { exitCode: ExitCode.interrupted });
  }
}
