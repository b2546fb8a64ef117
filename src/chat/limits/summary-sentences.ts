// Reading a reply for the extractive summary. Replies are Markdown: numbered points, bullets and
// emphasis. Split naively, "Let me set this out clearly: 1. Numbers first." ends at "1.", so the
// Markdown is read as blocks of prose first, and lead-ins that carry no content are passed over.

/** "**word**", "_word_", "`code`", "# Heading": the words without the marks. */
function stripEmphasis(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s+/, '')
    .replace(/^\s*>\s?/, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)(.+?)(?<=\S)\2(?!\w)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1');
}

const LIST_MARKER = /^\s*(?:\d{1,3}[.)]|[-*+•])\s+/;

/**
 * The reply as blocks of prose: each list item is one, and so is a line ending in a colon ("Let me
 * set this out clearly:"); other consecutive lines are one paragraph. Marks and markers are removed.
 */
export function proseBlocks(text: string): string[] {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push(paragraph.join(' ').replace(/\s+/g, ' '));
    paragraph = [];
  };
  for (const raw of text.split('\n')) {
    const item = LIST_MARKER.test(raw);
    const line = stripEmphasis(raw.replace(LIST_MARKER, '')).trim();
    if (line === '') {
      flush();
      continue;
    }
    if (item) flush();
    paragraph.push(line);
    if (item || /:$/.test(line)) flush();
  }
  flush();
  return blocks;
}

/** Abbreviations whose full stop ends no sentence. */
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|approx|Mr|Mrs|Ms|Dr|Prof|St|No|Inc|Ltd|Co|U\.S|U\.K)\.$/i;

/** Sentences of one block of prose; a full stop inside "1.5", "e.g." or "$4.99" ends nothing. */
export function sentencesOf(prose: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (const match of prose.matchAll(/[.!?]+["”’)]?(?=\s+|$)/g)) {
    const end = match.index + match[0].length;
    const candidate = prose.slice(start, end).trim();
    if (ABBREVIATION.test(candidate)) continue;
    if (candidate !== '') out.push(candidate);
    start = end;
  }
  const rest = prose.slice(start).trim();
  if (rest !== '') out.push(rest);
  return out;
}

/** Openers that only announce an answer: "Let me set this out clearly:", "Oh, good question.", "Here's the thing." */
const LEAD_IN =
  /^(?:(?:oh|ooh|ah|ha|hmm|okay|ok|well|sure|so|right)[,!.]?\s*)*(?:(?:a |a really |that's a |that is a )?(?:good|great|fair|fun) question|happy to (?:help|get into that|answer)|thanks? (?:you )?for asking|love this question|now you're talking|here'?s the thing|here is the thing|put it this way|let me put it (?:differently|this way)|allow me to be more specific|i'?ll be direct|i will be direct|here'?s the short version|short version|okay, so|certainly|gladly|sure, happy to)[.!?]*$/i;

export function isLeadIn(sentence: string): boolean {
  const bare = sentence.trim();
  // "A few things:", "There are several considerations:": a colon that introduces what follows.
  if (/:$/.test(bare) && bare.split(/\s+/).length <= 8) return true;
  return LEAD_IN.test(bare) || /^[^\p{L}\p{N}]*$/u.test(bare);
}

/** A sentence cut to `maxChars`, at a word boundary when one is near. */
export function clip(sentence: string, maxChars: number): string {
  if (sentence.length <= maxChars) return sentence;
  const cut = sentence.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:]+$/, '')}…`;
}

/** The sentences of a Markdown reply, in order, list items included, marks removed. */
export function replySentences(text: string): string[] {
  return proseBlocks(text).flatMap(sentencesOf);
}
