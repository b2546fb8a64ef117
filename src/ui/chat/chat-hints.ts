import { commandHint } from '../../core/invocation.js';
import { sanitizeInline } from '../../core/sanitize.js';

// Hints from providers and settings are written for the command line, where the way out is the
// `--provider offline` flag. In the chat the same way out is the /provider command.

/** A command-line hint, told the chat's way. */
export function forTheChat(hint: string): string {
  return commandHint(sanitizeInline(hint))
    .replace(/\buse --provider (\w+)/g, 'switch with /provider $1')
    .replace(/--provider\b/g, '/provider');
}

/** What to do after a provider failure: its own hint, then /retry or /provider. */
export function whatToDo(hint: string | undefined): string {
  const trimmed = hint
    ? sanitizeInline(hint)
        .replace(/[,;]? *(?:if it persists, )?(?:or )?use --provider offline$/, '')
        .trim()
    : '';
  // "/retry to try again" follows, so the hint's own "try again" would say it twice.
  const own = forTheChat(trimmed.replace(/^(?:wait a moment and )?try again(?:[,;] *(?:or )?|$)/, ''));
  return `${own ? `${own}; ` : ''}/retry to try again, or /provider offline to switch`;
}
