// The last pass over a reply. Persona fields bring their own punctuation ("Who else like us is
// running it?") into templates that add theirs, which is how "running it??" and "it?." happen.
// An ellipsis ("...") is kept; everything else collapses to the first mark.

export function tidyPunctuation(text: string): string {
  return text
    .replace(/([?!])[?!.]+/g, (run: string, first: string) => (/^[?!]+$/.test(run) && new Set(run).size > 1 ? '?!' : first))
    .replace(/(?<!\.)\.([?!])/g, '$1')
    .replace(/(?<!\.)\.\.(?!\.)/g, '.')
    .replace(/([,;:])[,;:.]+/g, '$1')
    .replace(/\s+([,;:.?!])(?=\s|$)/g, '$1');
}
