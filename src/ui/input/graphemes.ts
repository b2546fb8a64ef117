// Grapheme clusters: what a person sees as one character (👍🏽, 🇯🇵, 👨‍👩‍👧, e + U+0301, Hangul jamo
// syllables). The editor moves, deletes and draws its cursor in these, never inside one.
//
// A keypress must stay fast in a long input (a 10 kB paste), so only a few characters around the
// cursor are segmented: the window reaches back and forward to the nearest positions that are
// boundaries whatever surrounds them, and Intl.Segmenter's `containing` finds the cluster inside it.
// Text with no such position nearby (a long run of emoji or CJK) is handed over whole: `containing`
// still looks only near the index, so that costs a copy of the text, not a walk through it.
import { graphemeSegmenter } from '../terminal-width/grapheme-segmenter.js';

// ICU's segmenter loads only for text that is not ASCII (see grapheme-segmenter.ts).
const segmenter = graphemeSegmenter;

export interface Cluster {
  start: number;
  end: number;
}

/** The cluster holding the UTF-16 unit at `index` (0 <= index < text.length). */
export function clusterAt(text: string, index: number): Cluster {
  const from = certainBoundaryAtOrBefore(text, index);
  const to = certainBoundaryAfter(text, index);
  const found = segmenter.segment(text.slice(from, to)).containing(index - from)!;
  return { start: from + found.index, end: from + found.index + found.segment.length };
}

/** The boundary before the cluster that ends at or contains `cursor - 1`: one step left. */
export function previousBoundary(text: string, cursor: number): number {
  if (cursor <= 0) return 0;
  return clusterAt(text, Math.min(cursor, text.length) - 1).start;
}

/** The boundary after the cluster at `cursor`: one step right. */
export function nextBoundary(text: string, cursor: number): number {
  if (cursor >= text.length) return text.length;
  return clusterAt(text, Math.max(cursor, 0)).end;
}

/** `index` if it is a boundary, else the start (or end) of the cluster it falls inside. */
export function snapToBoundary(text: string, index: number, toward: 'start' | 'end'): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const cluster = clusterAt(text, index);
  if (cluster.start === index) return index;
  return toward === 'start' ? cluster.start : cluster.end;
}

/**
 * True when a cluster boundary sits at `index` no matter what text lies further away: at either
 * end, after a line feed, before one (not after CR), and between two ASCII characters. No ASCII
 * character extends, joins or prepends to a neighbour (UAX #29), so the rules that look further
 * back (regional-indicator pairs, emoji ZWJ sequences) stop there too, and the text on either
 * side segments the same alone as in the whole.
 */
function isCertainBoundary(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return true;
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  if (before === 0x0d && after === 0x0a) return false;
  return before === 0x0a || after === 0x0a || (before < 0x80 && after < 0x80);
}

/** How far to look for a certain boundary before handing `containing` the whole text. */
const WINDOW_REACH = 64;

function certainBoundaryAtOrBefore(text: string, index: number): number {
  for (let at = index; at > index - WINDOW_REACH; at--) if (isCertainBoundary(text, at)) return at;
  return 0;
}

function certainBoundaryAfter(text: string, index: number): number {
  for (let at = index + 1; at < index + 1 + WINDOW_REACH; at++) if (isCertainBoundary(text, at)) return at;
  return text.length;
}
