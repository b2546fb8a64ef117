import { searchTerms } from '../fts-query.js';

// Full-text search on PostgreSQL, shaped like SQLite's: the same reading of what a person typed
// (every word or "quoted phrase" must match, a trailing * is a prefix; see fts-query.ts), snippets
// with « » around matches and … where the text goes on.

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The to_tsquery text for `text`, or undefined when nothing searchable is left. Only letters and
 * digits reach it, each as a quoted lexeme, so no input can be a tsquery syntax error; it is always
 * sent as a bound parameter, never spliced into SQL. The same text read with the 'english' config
 * finds word forms (the stem), with the 'simple' config the words exactly as typed.
 */
export function toTsQuery(text: string): string | undefined {
  const parts: string[] = [];
  for (const term of searchTerms(text)) {
    const words = term.text.toLowerCase().match(WORD) ?? [];
    if (words.length === 0) continue;
    const lexemes = words.map((word, i) => `'${word}'${term.prefix && i === words.length - 1 ? ':*' : ''}`);
    parts.push(lexemes.length === 1 ? lexemes[0]! : `(${lexemes.join(' <-> ')})`);
  }
  return parts.length > 0 ? parts.join(' & ') : undefined;
}

export const HIGHLIGHT_START = '«';
export const HIGHLIGHT_END = '»';
export const ELLIPSIS = '…';

/** ts_headline's options: about as many words as SQLite's snippet(…, 12) shows, one excerpt. */
export const HEADLINE_OPTIONS = `StartSel=${HIGHLIGHT_START}, StopSel=${HIGHLIGHT_END}, MaxWords=12, MinWords=11, ShortWord=0, HighlightAll=false`;

/**
 * ts_headline returns one excerpt of the text without saying whether it was cut; SQLite's snippet
 * marks a cut with … at that end. This adds the marks by finding the excerpt in the message.
 */
export function withEllipsis(content: string, headline: string): string {
  const excerpt = headline.trim();
  const plain = excerpt.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '');
  if (plain === '') return excerpt;
  const at = content.indexOf(plain);
  if (at < 0) return excerpt;
  const before = content.slice(0, at).trim() === '' ? '' : ELLIPSIS;
  const after = content.slice(at + plain.length).trim() === '' ? '' : ELLIPSIS;
  return `${before}${excerpt}${after}`;
}
