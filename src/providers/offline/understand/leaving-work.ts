import { contentStems, stems } from './words.js';

// "What would make you leave nursing?", "Would you ever quit your job?": leaving the work, not a
// product. The walk-away cues ("make you leave", "give up on") fit both, and "job" pulls towards a
// description of the work; what the question asks is what wears on the person there, which is what
// the file's frustrations (pain points, challenges) say. The work is a job word, or a word of the
// person's own occupation ("nursing" for a nurse: one stem).

/** Not "get out of": "What do you get out of your job?" asks what it gives them. */
const LEAVING = /\b(?:leave|leaving|left|quit|quitting|give up|giving up|gave up|walk away from|pack in|retire from)\s+(.*)$/i;

/** Words between the verb and what is left: "quit your job", "leave the profession", "give up teaching altogether". */
const BEFORE_THE_THING = /^(?:(?:being|your|the|my|this|that|a|an|current|present|whole|day|full-time)\s+)*/i;

export const JOB_WORDS: ReadonlySet<string> = new Set(stems('job jobs career profession industry employer workplace trade vocation'));

/** Words of an occupation that do not say which work it is ("Senior staff nurse, adult intensive care"). */
const NOT_THE_WORK: ReadonlySet<string> = new Set(
  stems('senior junior head chief lead staff assistant deputy part time full self employed owner'),
);

/**
 * An occupation's words as a question might say them: "teacher" as "teaching", "brewer" as
 * "brewery", "dentist" as "dentistry".
 */
export function workStems(occupation: string | undefined): Set<string> {
  const own = contentStems(occupation ?? '').filter((s) => !NOT_THE_WORK.has(s));
  return new Set(
    own.flatMap((s) => {
      const verb = s.length > 5 && s.endsWith('er') ? s.slice(0, -2) : undefined;
      return verb ? [s, verb, `${verb}eri`] : [s, `${s}ri`];
    }),
  );
}

/**
 * The stems that name the work `question` asks about leaving, or undefined when it asks about
 * leaving something else. The thing left is the phrase right after the verb, up to a small word
 * or a stop, and what decides is its last word: "quit nursing", "leave your job" are the work;
 * "leave your current software vendor", "quit your truck stop app" are products, whatever the
 * person's occupation ("software engineer", "truck driver") has in common with them.
 */
export function workLeft(question: string, occupation: string | undefined): string[] | undefined {
  const after = LEAVING.exec(question)?.[1];
  if (after === undefined) return undefined;
  // "quit being a brewer": a role, whatever the file calls the occupation (a card may not say).
  const role = /^being\s+an?\s+/i.test(after);
  const phrase = after.replace(BEFORE_THE_THING, '').match(/^[\p{L}'-]+(?:\s+[\p{L}'-]+){0,3}/u)?.[0] ?? '';
  // Up to a small word ("teaching for good", "nursing if…"): what comes after it is not the thing left.
  const words: string[] = [];
  for (const word of phrase.split(/\s+/)) {
    if (contentStems(word).length === 0) break;
    words.push(word);
  }
  const head = contentStems(words.at(-1) ?? '')[0];
  if (head === undefined) return undefined;
  return role || JOB_WORDS.has(head) || workStems(occupation).has(head) ? contentStems(words.join(' ')) : undefined;
}
