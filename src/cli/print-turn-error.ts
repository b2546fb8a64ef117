import { commandHint } from '../core/invocation.js';
import type { ProviderError } from '../core/errors.js';
import { colorFor } from './output.js';

/** A provider failure after the user message was saved: say what happened and how to go on. */
export function printTurnError(error: ProviderError, sessionId: string | null): void {
  const e = colorFor(process.stderr);
  process.stderr.write(`${e.red('error:')} ${commandHint(error.message)}\n`);
  if (error.hint) process.stderr.write(`${e.dim('hint:')} ${commandHint(error.hint)}\n`);
  if (sessionId)
    process.stderr.write(
      `${e.dim(`your message is saved in session ${sessionId}; retry with: ${commandHint('persona ask')} --session ${sessionId} "…"`)}\n`,
    );
}
