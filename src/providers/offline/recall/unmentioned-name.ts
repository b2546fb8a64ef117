import type { Persona } from '../../../persona/schema.js';
import { contentStems, stems } from '../understand/words.js';

// "Do you use Slack?" asks whether the person uses a product the file never mentions. The topic's
// answer (the tools they do use) is still the right body, but said alone it dodges the question:
// a person says first that they don't, as far as they can think. Only names count, a capitalised
// word or run of them ("Google Sheets", "iPhone", "M-Pesa") right after the verb: "Do you use
// email?" asks about something so common that the file's silence on it says nothing, and "Do you
// work on Sundays?" is not a question about a product.

/** What a yes/no question about the person's own use of something asks, as its verb: 'thing' for a pastime or a possession. */
export type UseKind = 'use' | 'heard' | 'thing';

/**
 * "Do you (ever) use", "Have you tried", "Are you on", "Have you heard of"… then the name. The
 * lead-ins a speaker puts first ("So,", "And") are allowed; a determiner before the name too.
 */
const ASKS_USE = new RegExp(
  String.raw`^\W*(?:(?:so|and|but|ok|okay|well|also|quick question)\b[,:]?\s*)?` +
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

/** Capitalised words that are no product: the calendar, the pronoun, the interviewer's "AI". */
const NOT_NAMES = new Set(
  `i monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays thursdays fridays saturdays sundays
   january february march april may june july august september october november december weekends christmas easter
   english ai it that this those these them anything something`.split(/\s+/),
);

const HEARD = new Set(['heard of', 'hear of', 'know about', 'know of', 'come across', 'came across']);

/** Everything the file says, lower-cased, for "does it mention this name anywhere". */
const fileText = new WeakMap<Persona, string>();
function textOf(persona: Persona): string {
  let text = fileText.get(persona);
  if (text === undefined) fileText.set(persona, (text = JSON.stringify(persona.data).toLowerCase()));
  return text;
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
  if (words.some((w) => w.length > 1 && mentions(persona, w))) return undefined;
  return { name, kind: HEARD.has(match[1]!.toLowerCase()) ? 'heard' : 'use' };
}

// "Do you play golf?", "Do you have a smartwatch?": the same question about a common thing, which
// no topic of the engine places. The person knows whether they play golf: "I'd be guessing" was
// the reply. Asked only of questions no topic took (a tools question keeps its tools answer), and
// only when no word of the thing is in the file, by stem ("gardening" for a file that "gardens").
// Not a taste ("Do you like opera?"): with the file silent, having no view of it is the answer.
const ASKS_THING = new RegExp(
  String.raw`^\W*(?:(?:so|and|but|ok|okay|well|also)\b[,:]?\s*)?(?:do|did|have|are|would)\s+you\s+` +
    String.raw`(?:(?:ever|still|also|currently|actually|personally|really|at all)\s+)*` +
    String.raw`(?:play|drink|go to|go|do|collect|cook|own|wear|keep|have|ride|grow|bake|knit|practi[sc]e|speak|smoke|drive)\s+` +
    // "a"/"an" stays with the thing ("A dog? Not that I can think of."); "any" does not. Not after
    // "the", "your", "that": "Do you own the practice?" speaks of something known to exist.
    String.raw`(?!(?:the|your|that|this|those|these|their|his|her)\s)(?:(?:any|much|many|some)\s+)?((?:(?:a|an)\s+)?(?:[a-z][a-z'-]*)(?:\s+[a-z][a-z'-]*){0,2})\s*\??\s*$`,
  'i',
);

const fileStems = new WeakMap<Persona, ReadonlySet<string>>();
function stemsOfFile(persona: Persona): ReadonlySet<string> {
  let found = fileStems.get(persona);
  if (!found) fileStems.set(persona, (found = new Set(stems(textOf(persona)))));
  return found;
}

/** The thing (as asked) a yes/no question about the person's pastimes or possessions names, when the file has none of its words. */
export function unmentionedThingAsked(persona: Persona, question: string): { name: string; kind: UseKind } | undefined {
  const thing = ASKS_THING.exec(question.trim())?.[1];
  if (!thing) return undefined;
  const named = contentStems(thing);
  if (named.length === 0 || named.some((s) => stemsOfFile(persona).has(s))) return undefined;
  return { name: thing, kind: 'thing' };
}
