import type { Persona } from '../../../persona/schema.js';
import { FOLLOW_UP_CUES, META_CUES, TOPIC_CUES } from '../understand/cues.js';
import { stems, STOP } from '../understand/words.js';
import { GENERIC_WORDS } from './index.js';
import { factsOf, type Fact } from './persona-facts.js';

// "Do you use M-Pesa?" is a tools question about one thing. The topic's own answer (the phone,
// WhatsApp groups, an exercise book) may not name it while a fact of the file does ("pays her
// suppliers through M-Pesa"): that fact is the answer. A thing named is a word of the question
// that no cue uses (cue words say what kind of question it is, not what it is about), that is not
// generic, and that the file names in only a few places: a word the file uses everywhere ("milk"
// for a dairy farmer) says nothing about which of its facts is meant.

/** Stems every cue is made of: words that say what kind of question it is. Built on first use, not at start-up. */
let cueWords: ReadonlySet<string> | undefined;
function cueWordsOf(): ReadonlySet<string> {
  cueWords ??= new Set(
    [TOPIC_CUES, FOLLOW_UP_CUES, META_CUES].flatMap((table) =>
      Object.values<readonly string[]>(table).flatMap((phrases) => phrases.flatMap((p) => stems(p.replace(/^~/, '')))),
    ),
  );
  return cueWords;
}

/** Amounts ("two hours a week") and the small words STOP leaves (it is tuned for subjects of facts): not things. */
const NOT_THINGS: ReadonlySet<string> = new Set(
  stems(`one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty hundred thousand
     million half quarter double twice once dozen couple few several whether either neither rather unless although though
     while during without within ever never still already yet else instead maybe perhaps something anything nothing
     everything someone anyone everyone somebody anybody nobody somewhere anywhere everywhere kind sort type lot lots
     often usually always sometimes rarely seldom ever`),
);

/** A thing named by at most this many facts is distinctive. */
const MAX_FACTS_NAMING = 3;

const factStems = new WeakMap<Fact, ReadonlySet<string>>();
function stemsOf(fact: Fact): ReadonlySet<string> {
  let found = factStems.get(fact);
  if (!found) factStems.set(fact, (found = new Set(stems(fact.text))));
  return found;
}

/** The stems of what `question` names, by the rule above (whether the file names them is not asked). */
export function namedThings(question: string): string[] {
  return [...new Set(stems(question))].filter(
    (s) => s.length > 2 && !/^\d+$/.test(s) && !STOP.has(s) && !GENERIC_WORDS.has(s) && !cueWordsOf().has(s) && !NOT_THINGS.has(s),
  );
}

/**
 * The facts that name everything the question names, in the file's order, when each thing is
 * distinctive in the file; none when the question names nothing, or something the file does not.
 */
export function factsNaming(persona: Persona, question: string): { named: string[]; facts: Fact[] } {
  const named = namedThings(question);
  if (named.length === 0) return { named, facts: [] };
  const facts = factsOf(persona);
  for (const thing of named) {
    const naming = facts.filter((f) => stemsOf(f).has(thing)).length;
    if (naming === 0 || naming > MAX_FACTS_NAMING) return { named, facts: [] };
  }
  return { named, facts: facts.filter((f) => named.every((thing) => stemsOf(f).has(thing))) };
}

/** Whether `text` names every one of `named` (stems). */
export function namesAll(text: string, named: readonly string[]): boolean {
  const present = new Set(stems(text));
  return named.every((thing) => present.has(thing));
}
