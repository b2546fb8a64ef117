// Content words for matching a question or an option against persona facts: lower case, common
// function words dropped, a light suffix trim so "subscriptions" meets "subscription".

const STOP = new Set(
  `a an the and or but if then than of to in on at by for with from into over under about as is are was were be been being
  do does did done have has had having i me my we our you your he she his her they them their it its this that these those
  what which who whom whose when where why how would could should will can may might must shall not no yes any some all
  more most less least very really just also too so such there here up down out off again once only own same other each
  per every both few many much one two three am pm get got go going make made like want need use using`
    .split(/\s+/)
    .filter(Boolean),
);

export function contentWords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (raw.length < 3 || STOP.has(raw)) continue;
    words.add(stem(raw));
  }
  return words;
}

function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** 0..1: how much two word sets share, forgiving of a long fact against a short question. */
export function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / Math.min(Math.max(a.size, 1), Math.max(b.size, 1), 4);
}
