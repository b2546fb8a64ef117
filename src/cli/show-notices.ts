import { commandHint } from '../core/invocation.js';
import { colorFor, sanitizeInline } from './output.js';

// What the engine tells the user before or during a turn (a rate-limit wait, a budget warning or
// override) goes to stderr as a note, the same way in `ask`, `ask --script` and the line-mode chat.

/** Prints one notice as `note: …` on stderr. */
export function printNotice(text: string): void {
  process.stderr.write(`${colorFor(process.stderr).yellow('note:')} ${commandHint(sanitizeInline(text))}\n`);
}
