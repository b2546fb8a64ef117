// What a person types into `persona search` must never be an FTS5 syntax error (`"foo`, `AND(`,
// `NEAR(`, a lone `*`). Every word or "quoted phrase" becomes an FTS5 string, so operators and
// punctuation lose their meaning; all terms must match. A trailing `*` keeps its prefix meaning,
// which is the one operator people expect to work.

const TERM = /"([^"]*)"|(\S+)/g;
const SEARCHABLE = /[\p{L}\p{N}]/u;

/** One word or quoted phrase as typed; `prefix` when it ended in `*`. */
export interface SearchTerm {
  text: string;
  prefix: boolean;
}

/** The searchable terms in `text` (punctuation-only words and empty phrases dropped). */
export function searchTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const match of text.matchAll(TERM)) {
    const raw = match[1] ?? match[2] ?? '';
    const prefix = match[2] !== undefined && /[\p{L}\p{N}]\*+$/u.test(raw);
    const words = prefix ? raw.replace(/\*+$/, '') : raw;
    if (SEARCHABLE.test(words)) terms.push({ text: words, prefix });
  }
  return terms;
}

/** The FTS5 MATCH expression for `text`, or undefined when nothing searchable is left. */
export function toFtsQuery(text: string): string | undefined {
  const terms = searchTerms(text);
  return terms.length > 0 ? terms.map((t) => `"${t.text.replaceAll('"', '""')}"${t.prefix ? '*' : ''}`).join(' ') : undefined;
}
