// Whether text drawn once (a reopened transcript, a greeting: <Static>, never redrawn) needs the
// Markdown parser or the syntax grammars loaded before it is drawn. Both load after the first
// frame otherwise, so these err on the side of yes: a false yes costs start-up time, a false no
// leaves Markdown markers on screen for good.

/** Anything marked could read as more than a plain paragraph: emphasis, code, links, headings, lists, quotes, tables, rules, HTML, escapes. */
const MARKDOWN_SIGNS = /[*_`#|[\]<>~\\]|^\s*([-+=]|\d+[.)])|^( {4}|\t)/m;

export function mayBeMarkdown(text: string): boolean {
  return MARKDOWN_SIGNS.test(text);
}

/** A fenced code block that names its language: the only thing the highlighter colours. */
export function hasLanguageFence(text: string): boolean {
  return /^ {0,3}(`{3,}|~{3,})[ \t]*[^\s`~]/m.test(text);
}
