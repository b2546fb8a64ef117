import { commandHint } from '../core/invocation.js';
import { ExitCode, isUserError } from '../core/errors.js';
import { colorFor, sanitizeInline } from './output.js';

// One place formats every error the same way and picks the exit code. User mistakes get a
// message and a hint; only a bug (anything that is not a UserError) shows a stack, and only with
// PERSONA_DEBUG set.

export function handleError(error: unknown): number {
  const e = colorFor(process.stderr);
  if (isUserError(error)) {
    // Messages quote untrusted input (a parser's excerpt of a binary file, a server's error body).
    const lines = error.message.split('\n').map((line) => commandHint(sanitizeInline(line)));
    process.stderr.write(`${e.red('error:')} ${lines[0]}\n`);
    for (const line of lines.slice(1)) process.stderr.write(`  ${line}\n`);
    if (error.hint) process.stderr.write(`${e.dim('hint:')} ${commandHint(sanitizeInline(error.hint))}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${e.red('error:')} unexpected failure: ${sanitizeInline(message)}\n`);
  if (process.env.PERSONA_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else process.stderr.write(`${e.dim('hint:')} this is a bug; run again with PERSONA_DEBUG=1 for details and report it\n`);
  return ExitCode.failure;
}
