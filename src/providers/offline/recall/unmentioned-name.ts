import type { Persona } from '../../../persona/schema.js';
import { contentStems, QUESTION_LEAD_IN, stems } from '../understand/words.js';

// "Do you use Slack?" asks whether the person uses a product the file never mentions. The topic's
// answer (the tools they do use) is still the right body, but said alone it dodges the question:
// a person says first that they don't, as far as they can think. Only names count, a capitalised
// word or run of them ("Google Sheets", "iPhone", "M-Pesa") right after the verb: "Do you use
// email?" asks about something so common that the file's silence on it says nothing, and "Do you
// work on Sundays?" is not a question about a product.

/** What a yes/no question about the person's own use of something asks, as its verb: 'thing' for a pastime. */
export type UseKind = 'use' | 'heard' | 'thing';

/**
 * "Do you (ever) use", "Have you tried", "Are you on", "Have you heard of"… then the name. The
 * lead-ins a speaker puts first ("So,", "And") are allowed; a determiner before the name too.
 */
const ASKS_USE = new RegExp(
  QUESTION_LEAD_IN +
    String.raw`(?:do|did|have|are|were|would|will|could)\s+you\s+` +
    String.raw`(?:(?:ever|still|also|currently|already|actually|personally|now|really|at all)\s+)*` +
    String.raw`(?:been\s+)?` +
    String.raw`(use|used|using|try|tried|trying|own|owned|have|had|run|running|pay for|paid for|subscribe to|subscribed to|` +
    String.raw`switch to|switched to|shop at|shopped at|shop on|bank with|banked with|buy from|bought from|sell on|sold on|` +
    String.raw`order from|ordered from|on|heard of|hear of|know about|know of|come across|came across)\s+` +
    String.raw`(?:(?:a|an|the|any)\s+)?(.*)$`,
  'i',
);

/** A name at the start of what follows the verb, case and all: capitalised words, or one with a capital inside ("iPhone"). */
const NAME = /^(?:[A-Z][\w.&+'-]*|[a-z]+[A-Z][\w.&+'-]*)(?:\s+(?:[A-Z0-9][\w.&+'-]*|[a-z]+[A-Z][\w.&+'-]*))*/;

/**
 * Capitalised words that are no product: the calendar, languages, and the common things and kinds
 * of software written in capitals ("a TV", "Wi-Fi", "a CRM"), whose absence from a file says as
 * little as that of "email".
 */
const NOT_NAMES = new Set(
  `i monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays
   january february march april may june july august september october november december weekends christmas easter
   english ai it tv wi-fi wifi gp covid crm erp pc sms hr ceo usb gps diy nhs uk us eu api saas vr ar suv ev atm pos vpn
   sim id pdf mp3 dvd cd nfc qr ios`.split(/\s+/),
);

const HEARD = new Set(['heard of', 'hear of', 'know about', 'know of', 'come across', 'came across']);

/** Everything the file says (its texts and keys, not JSON: "Tools:\\nSlack" would hide "slack"), lower-cased. */
const fileText = new WeakMap<Persona, string>();
function textOf(persona: Persona): string {
  let text = fileText.get(persona);
  if (text === undefined) fileText.set(persona, (text = textsIn(persona.data).join(' ').toLowerCase()));
  return text;
}

function textsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(textsIn);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, v]) => [key, ...textsIn(v)]);
  return [];
}

function mentions(persona: Persona, word: string): boolean {
  const escaped = word.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(String.raw`(?:^|[^a-z0-9])${escaped}(?:$|[^a-z0-9])`).test(textOf(persona));
}

/**
 * The name a yes/no question asks whether the person uses (or has heard of), when the file
 * mentions none of its words; undefined otherwise.
 */
export function unmentionedNameAsked(persona: Persona, question: string): { name: string; kind: UseKind } | undefined {
  const match = ASKS_USE.exec(question.trim());
  if (!match) return undefined;
  const name = NAME.exec(match[2]!)?.[0].replace(/(?:'s|[.'])+$/, '');
  if (!name) return undefined;
  const words = name.split(/\s+/);
  if (words.some((w) => NOT_NAMES.has(w.toLowerCase()))) return undefined;
  // Any of its words in the file ("Sheets" for "Google Sheets") and the file may well answer it.
  // "X" too: a one-letter name is checked as a whole word ("posts on X every day").
  if (words.some((w) => mentions(persona, w))) return undefined;
  return { name, kind: HEARD.has(match[1]!.toLowerCase()) ? 'heard' : 'use' };
}

// "Do you play golf?", "Do you bake?": the same question about a pastime, which no topic of the
// engine places. The person knows whether they play golf: "I'd be guessing" was the reply. Asked
// only of questions no topic took (a tools question keeps its tools answer), and only when no
// word of the thing is in the file, by stem ("gardening" for a file that "gardens"). Not a taste
// ("Do you like opera?"): with the file silent, having no view of it is the answer. Not a
// possession ("Do you have a car?"): the file may have it under another word (a Toyota Hilux).
const ASKS_THING = new RegExp(
  QUESTION_LEAD_IN +
    String.raw`(?:do|did|have|are|would)\s+you\s+` +
    String.raw`(?:(?:ever|still|also|currently|actually|personally|really|at all)\s+)*` +
    // "play the fiddle": an instrument takes "the", and "the" stays with it.
    String.raw`(?:play\s+(?=the\s)|(?:play|go to|go|do|collect|bake|knit|practi[sc]e|smoke|drink)\s+)` +
    // "a"/"an" stays with the thing ("A dog? Not that I can think of."); "any" does not. Not after
    // "your", "that" or (but for an instrument) "the": "Do you go to the club?" speaks of something known to exist.
    String.raw`(?!(?:to|your|that|this|those|these|their|his|her)\s)(?:(?:any|much|many|some)\s+)?((?:(?:a|an|the)\s+)?(?:[a-z][a-z'-]*)(?:\s+[a-z][a-z'-]*){0,2})\s*\??\s*$`,
  'i',
);

/** "Do you ski?": a pastime that is its own verb, said back as what it is ("Skiing? …"). */
const PASTIME_VERBS: Readonly<Record<string, string>> = {
  ski: 'skiing',
  surf: 'surfing',
  run: 'running',
  swim: 'swimming',
  fish: 'fishing',
  hunt: 'hunting',
  climb: 'climbing',
  dance: 'dancing',
  sing: 'singing',
  paint: 'painting',
  sew: 'sewing',
  garden: 'gardening',
  cycle: 'cycling',
  hike: 'hiking',
  sail: 'sailing',
  knit: 'knitting',
  bake: 'baking',
  skate: 'skating',
  row: 'rowing',
  box: 'boxing',
  golf: 'golf',
};
const ASKS_PASTIME = new RegExp(
  QUESTION_LEAD_IN +
    String.raw`(?:do|did)\s+you\s+(?:(?:ever|still|also|actually|personally|really)\s+)*(${Object.keys(PASTIME_VERBS).join('|')})(?:\s+(?:much|at all|often|anymore|any more))?\s*\??\s*$`,
  'i',
);

const fileStems = new WeakMap<Persona, ReadonlySet<string>>();
function stemsOfFile(persona: Persona): ReadonlySet<string> {
  let found = fileStems.get(persona);
  if (!found) fileStems.set(persona, (found = new Set(stems(textOf(persona)))));
  return found;
}

/** The thing (as asked) a yes/no question about the person's pastimes names, when the file has none of its words. */
export function unmentionedThingAsked(persona: Persona, question: string): { name: string; kind: UseKind } | undefined {
  const verb = ASKS_PASTIME.exec(question.trim())?.[1]?.toLowerCase();
  const thing = verb ? PASTIME_VERBS[verb] : ASKS_THING.exec(question.trim())?.[1];
  if (!thing || (/^the\s/i.test(thing) && !/\bplay\s+the\s/i.test(question))) return undefined;
  const named = contentStems(thing);
  if (named.length === 0 || named.some((s) => stemsOfFile(persona).has(s))) return undefined;
  return { name: thing, kind: 'thing' };
}
