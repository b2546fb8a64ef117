import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import type { ChatTurn } from '../../core/messages.js';
import { estimateTokens } from '../prompt.js';
import { fillPlaceholders, type Names } from './placeholders.js';
import { keyMatches, mentionsKey } from './lore-keys.js';

// A card's lorebook (`character_book`): entries whose keys appear in the recent conversation are
// put into the context, within a token budget, as the V2/V3 spec describes:
// - `enabled: false` entries never fire; `constant` ones always do;
// - keys match case-insensitively unless `case_sensitive`, literally or as `/regex/flags` keys
//   (see lore-keys.ts: word boundaries in spaced scripts, anywhere in CJK, regexes on RE2);
// - `selective` entries also need one of their `secondary_keys`;
// - when the budget is short, lower `priority` goes first; what is kept is inserted by
//   `insertion_order` (lower first);
// - `scan_depth` is how many recent messages are searched; `recursive_scanning` lets the text of
//   fired entries fire others.
// V3 decorator lines (`@@…`) are stripped; `@@activate` and `@@dont_activate` are honoured.

export const DEFAULT_SCAN_DEPTH = 2;
export const DEFAULT_TOKEN_BUDGET = 512;
/** However large a budget a card asks for, the lorebook gets at most this much of the context. */
export const MAX_TOKEN_BUDGET = 2048;
const MAX_RECURSION = 3;

const entrySchema = z.looseObject({
  keys: z.catch(z.array(z.string()), []),
  content: z.string(),
  enabled: z._default(z.catch(z.boolean(), true), true),
  insertion_order: z._default(z.catch(z.number(), 0), 0),
  case_sensitive: z.catch(z.nullish(z.boolean()), undefined),
  priority: z.catch(z.nullish(z.number()), undefined),
  selective: z.catch(z.nullish(z.boolean()), undefined),
  secondary_keys: z.catch(z.nullish(z.array(z.string())), undefined),
  constant: z.catch(z.nullish(z.boolean()), undefined),
  use_regex: z.catch(z.nullish(z.boolean()), undefined),
});
type Entry = z.output<typeof entrySchema>;

const bookSchema = z.looseObject({
  scan_depth: z.catch(z.nullish(z.number().check(z.int(), z.minimum(1))), undefined),
  token_budget: z.catch(z.nullish(z.number().check(z.minimum(0))), undefined),
  recursive_scanning: z.catch(z.nullish(z.boolean()), undefined),
  entries: z.catch(z.array(z.unknown()), []),
});

interface Candidate {
  index: number;
  entry: Entry;
  text: string;
  always: boolean;
  never: boolean;
}

export { mentionsKey };

function candidateOf(raw: unknown, index: number): Candidate | undefined {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success || parsed.data.enabled === false) return undefined;
  const lines = parsed.data.content.split('\n');
  const decorators: string[] = [];
  while (lines.length > 0 && lines[0]!.trim().startsWith('@@')) decorators.push(lines.shift()!.trim().toLowerCase());
  const text = lines.join('\n').trim();
  if (text === '') return undefined;
  return {
    index,
    entry: parsed.data,
    text,
    always: parsed.data.constant === true || decorators.some((d) => /^@@activate\b/.test(d)),
    never: decorators.some((d) => /^@@dont_activate\b/.test(d)),
  };
}

function fires(c: Candidate, scanned: string): boolean {
  if (c.always) return true;
  if (c.never) return false;
  const cs = c.entry.case_sensitive === true;
  if (!c.entry.keys.some((k) => keyMatches(scanned, k, cs))) return false;
  const secondary = c.entry.secondary_keys ?? [];
  if (c.entry.selective && secondary.length > 0) return secondary.some((k) => keyMatches(scanned, k, cs));
  return true;
}

/** The texts of the entries to insert for these turns, in insertion order, placeholders filled. */
export function activeLoreEntries(bookValue: unknown, turns: ChatTurn[], names: Names): string[] {
  const book = bookSchema.safeParse(bookValue);
  if (!book.success) return [];
  const candidates = book.data.entries.map(candidateOf).filter((c): c is Candidate => c !== undefined);
  if (candidates.length === 0) return [];
  const depth = book.data.scan_depth ?? DEFAULT_SCAN_DEPTH;
  let scanned = turns
    .slice(-depth)
    .map((t) => t.content)
    .join('\n');
  const fired = new Set<Candidate>();
  for (let pass = 0; pass <= (book.data.recursive_scanning ? MAX_RECURSION : 0); pass++) {
    const fresh = candidates.filter((c) => !fired.has(c) && fires(c, scanned));
    if (fresh.length === 0) break;
    for (const c of fresh) fired.add(c);
    scanned += `\n${fresh.map((c) => c.text).join('\n')}`;
  }
  const budget = Math.min(book.data.token_budget ?? DEFAULT_TOKEN_BUDGET, MAX_TOKEN_BUDGET);
  const byImportance = [...fired].sort(
    (a, b) =>
      Number(b.always) - Number(a.always) ||
      (b.entry.priority ?? 0) - (a.entry.priority ?? 0) ||
      a.entry.insertion_order - b.entry.insertion_order ||
      a.index - b.index,
  );
  const kept: Candidate[] = [];
  let used = 0;
  for (const c of byImportance) {
    const cost = estimateTokens(c.text);
    if (used + cost > budget) continue;
    kept.push(c);
    used += cost;
  }
  return kept
    .sort((a, b) => a.entry.insertion_order - b.entry.insertion_order || a.index - b.index)
    .map((c) => fillPlaceholders(c.text, names));
}
