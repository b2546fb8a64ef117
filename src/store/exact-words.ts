import type { SearchTerm } from './fts-query.js';

// The full-text index stems words (porter), so "generator" also finds "general". That helps
// recall, but a person who typed a whole word expects messages with that very word first. This
// decides, per message, whether every term appears as typed: as a whole word (or word sequence for
// a quoted phrase, or a word start for a prefix), ignoring case and accents as the index does.

/** Lower-cased words with accents removed, split the way the index's unicode61 tokenizer splits. */
export function wordsOf(text: string): string[] {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** A compiled check for one query: true when `content` has every term exactly. */
export function exactWordMatcher(terms: readonly SearchTerm[]): (content: string) => boolean {
  const wanted = terms.map((t) => ({ words: wordsOf(t.text), prefix: t.prefix })).filter((t) => t.words.length > 0);
  return (content) => {
    const words = wordsOf(content);
    return wanted.every((term) => containsSequence(words, term.words, term.prefix));
  };
}

function containsSequence(words: string[], sequence: string[], prefix: boolean): boolean {
  const last = sequence.length - 1;
  for (let start = 0; start + last < words.length; start++) {
    let ok = true;
    for (let i = 0; i <= last && ok; i++) {
      const word = words[start + i]!;
      ok = prefix && i === last ? word.startsWith(sequence[i]!) : word === sequence[i];
    }
    if (ok) return true;
  }
  return false;
}
