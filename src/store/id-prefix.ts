import { UsageError } from '../core/errors.js';

// Sessions are found by a unique prefix of their id, as git finds commits. Both backends share the
// rules: what can be an id, how many candidates to fetch, and the error that lists them.

/** Candidates shown when a prefix is ambiguous; a search fetches one more to know there are more. */
export const AMBIGUOUS_SHOWN = 5;

/** The prefix as ids are written (lower-case base32), or undefined when it cannot match any id. */
export function idPrefix(input: string): string | undefined {
  const wanted = input.trim().toLowerCase();
  // Anything else cannot match, and this keeps GLOB / LIKE patterns free of wildcards.
  return /^[0-9a-z]+$/.test(wanted) ? wanted : undefined;
}

/** The one match, undefined for none, or a UsageError listing candidates when there are several. */
export function uniqueMatch<T extends { id: string }>(wanted: string, matches: readonly T[]): T | undefined {
  if (matches.length <= 1) return matches[0];
  const count = matches.length > AMBIGUOUS_SHOWN ? `more than ${AMBIGUOUS_SHOWN}` : String(matches.length);
  throw new UsageError(
    `The id prefix "${wanted}" matches ${count} sessions.`,
    `Type more of the id, e.g. one of: ${matches
      .slice(0, AMBIGUOUS_SHOWN)
      .map((m) => m.id)
      .join(', ')}`,
  );
}
