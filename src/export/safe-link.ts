// Links in model output are untrusted. Only web and mail addresses become clickable; anything
// else (javascript:, data:, vbscript:, file:, relative paths, entity-encoded tricks that do not
// parse as a URL) stays text. The WHATWG parser is the judge because it is what the browser
// itself will use: it strips the leading spaces and embedded tabs/newlines that hide a scheme.

const CLICKABLE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/** The normalised address to put in an href, or undefined when the link must stay text. */
export function safeLinkHref(href: string): string | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return CLICKABLE_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
