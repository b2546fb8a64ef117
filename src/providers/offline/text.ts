import { sanitizeInline } from '../../core/sanitize.js';

// Word-level helpers shared by fact extraction, relevance and composition. Persona fields are
// written as list items ("Manual reconciliation eats two days a month.") and have to be dropped into
// the middle of a sentence without breaking it.

const STOPWORDS = new Set(
  (
    'a an the and or but if then so to of in on at by for with from into about as is are was were be been being am ' +
    'i me my mine you your yours we our us they them their he she his her it its this that these those there here ' +
    'do does did doing done have has had having can could would should will shall may might must not no yes ' +
    'what which who whom whose when where why how all any some each every more most much many very really just ' +
    'also too than like get got go going think thing things know tell say said want would way make lot bit ' +
    'up out over under again further once only own same other such both few nor off s t don isn ok okay well'
  ).split(' '),
);

/** Cheap suffix stripping so "prices", "pricing" and "priced" meet at "pric". */
export function stem(word: string): string {
  let w = word.toLowerCase();
  for (const suffix of ['ations', 'ation', 'ings', 'ing', 'ies', 'ied', 'ers', 'er', 'ed', 'es', 'ly', 's']) {
    if (w.length - suffix.length >= 3 && w.endsWith(suffix)) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w.replace(/e$/, '');
}

/** Content words of a text, stemmed, without stopwords: what two texts must share to be "about" the same thing. */
export function contentStems(text: string): Set<string> {
  const out = new Set<string>();
  for (const raw of text.toLowerCase().match(/[a-z0-9$€£%]+(?:['’-][a-z0-9]+)*/g) ?? []) {
    const word = raw.replace(/['’]s$/, '');
    if (word.length < 2 || STOPWORDS.has(word)) continue;
    out.add(stem(word));
  }
  return out;
}

export function overlap(a: Set<string>, b: Set<string>): number {
  let count = 0;
  for (const w of a) if (b.has(w)) count++;
  return count;
}

/** Proper nouns that often open a persona fact and must keep their capital mid-sentence. */
const PROPER = new Set(
  (
    'I Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December English Spanish French German Chinese American British European Asian ' +
    'African Canadian Australian Indian Google Excel Slack Instagram TikTok LinkedIn YouTube Facebook Amazon Apple ' +
    'Microsoft Salesforce Shopify Notion Zoom Twitter Reddit Spotify Netflix Uber Oracle Etsy Pinterest Discord ' +
    'Twitch Snapchat WhatsApp Gen Christmas Sunday Black Friday Canva Figma Airbnb Walmart Costco Target Tesla ' +
    // Languages and peoples: "Arabic poetry" is an interest, "arabic poetry" a typo.
    'Arabic Arab Arabian Emirati Lebanese Egyptian Moroccan Turkish Persian Hebrew Greek Latin Italian Portuguese ' +
    'Brazilian Mexican Argentine Colombian Russian Ukrainian Polish Dutch Swedish Norwegian Danish Finnish Icelandic ' +
    'Irish Scottish Welsh Japanese Korean Mandarin Cantonese Vietnamese Thai Filipino Indonesian Malay Hindi Urdu ' +
    'Bengali Punjabi Tamil Swahili Kikuyu Yoruba Igbo Hausa Zulu Amharic Nigerian Kenyan Ghanaian Ethiopian Catholic ' +
    'Muslim Islamic Jewish Christian Hindu Buddhist Ramadan Eid Diwali Hanukkah Easter Olympic Olympics Premier'
  ).split(' '),
);

/**
 * Words a text capitalises where a sentence does not start: the names its author uses ("Kikuyu",
 * "Maldives", "Epicor"), so a fact or interest that opens with one keeps its capital.
 */
export function properNounsIn(texts: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const text of texts) {
    for (const match of text.matchAll(/(?<=[\p{L}\p{N},)'’]\s+)([A-Z][a-z]+(?:['’-][A-Za-z]+)*)/gu)) {
      const word = match[1]!.replace(/['’-].*$/, '');
      if (word !== 'I') out.add(word);
    }
  }
  return out;
}

const NO_NAMES: ReadonlySet<string> = new Set();

/** Lower-cases the first letter unless the first word looks like a name or an acronym. */
export function lowerFirst(text: string, properNouns: ReadonlySet<string> = NO_NAMES): string {
  const first = text.match(/^[^\s,;:]+/)?.[0] ?? '';
  const bare = first.replace(/[^A-Za-z'’-]/g, '');
  // "Kikuyu-language radio" is named by its first part.
  const head = bare.split(/['’-]/)[0] ?? '';
  if (bare === '' || PROPER.has(bare) || PROPER.has(head) || properNouns.has(head) || bare.startsWith("I'") || bare.startsWith('I’'))
    return text;
  // "CFO", "QuickBooks", "iPhone", "K-dramas": a capital after the first letter marks a name or acronym.
  if (/[A-Z]/.test(bare.slice(1)) || /^[A-Z]-/.test(bare)) return text;
  // "The Wall Street Journal", "A Tribe Called Quest": an article before a capitalized word is a title.
  if (/^(The|A|An)$/.test(bare) && /^\S+\s+[A-Z]/.test(text)) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const OPENING_QUOTE = /(?:^|[\s(])["“'‘](?=[\p{L}\p{N}])/u;
const CLOSING_QUOTE = /[\p{L}\p{N}.!?]["”'’](?![\p{L}\p{N}])/u;

/**
 * Quotes around the whole item go ('"Reduce churn"'); a quote that closes one opened inside the
 * item stays, or "subject line 'Good news about your plan'" would be left open.
 */
function unwrapQuotes(text: string): string {
  const opens = /^["“'‘]/.test(text);
  const closes = /["”'’]$/.test(text);
  if (opens && closes) return text.slice(1, -1);
  if (opens && !CLOSING_QUOTE.test(text.slice(1))) return text.slice(1);
  if (closes && !OPENING_QUOTE.test(text.slice(0, -1))) return text.slice(0, -1);
  return text;
}

/** Untrusted persona text made safe to splice: one line, no control codes, no list markers or end punctuation. */
export function cleanFact(raw: string): string {
  const item = sanitizeInline(raw)
    .replace(/^\s*(?:[-*•–]|\d+[.)])\s+/, '')
    .replace(/[\s.;:,!]+$/, '');
  return unwrapQuotes(item)
    .replace(/[\s.;:,!]+$/, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/** "a, b and c": how people list things out loud. */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "a CFO", "an MBA", "an engineer": article by sound, with acronyms read letter by letter. */
export function withArticle(noun: string): string {
  const first = noun.split(/\s/)[0] ?? '';
  const acronym = /^[A-Z]{2,}$/.test(first);
  const vowelSound = acronym ? /^[AEFHILMNORSX]/.test(first) : /^[aeiou]/i.test(first) && !/^(uni|use|usu|eu|one)/i.test(first);
  return `${vowelSound ? 'an' : 'a'} ${noun}`;
}

/** Sentences of a free-text field such as a background story. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+(?=[A-Z"“])|\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Key names such as `mediaDiet` or `media_diet` read as "media diet". */
export function humanizeKey(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
}

const PICTOGRAPH = /\p{Extended_Pictographic}/u;

export function isEmoji(text: string): boolean {
  return PICTOGRAPH.test(text) && !/[A-Za-z0-9]/.test(text);
}

/** Removes emoji (with their joiners and variation selectors) for personas who never use them. */
export function stripEmoji(text: string): string {
  return text
    .replace(/(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D})+/gu, '')
    .replace(/ +([.,!?])/g, '$1')
    .replace(/ {2,}/g, ' ')
    .replace(/ +$/gm, '');
}
