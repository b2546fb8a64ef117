import { contentStems, stems } from './words.js';

// "What would make you leave nursing?", "Would you ever quit your job?": leaving the work, not a
// product. The walk-away cues ("make you leave", "give up on") fit both, and "job" pulls towards a
// description of the work; what the question asks is what wears on the person there, which is what
// the file's frustrations (pain points, challenges) say. The work is a job word, or a word of the
// person's own occupation ("nursing" for a nurse: one stem).

const LEAVING =
  /\b(?:leave|leaving|left|quit|quitting|give up|giving up|gave up|walk away from|get out of|pack in|retire from|burn(?:ed|t)? out)\b/i;

export const JOB_WORDS: ReadonlySet<string> = new Set(stems('job jobs career profession industry employer workplace trade vocation'));

/** Words of an occupation that do not say which work it is ("Senior staff nurse, adult intensive care"). */
const NOT_THE_WORK: ReadonlySet<string> = new Set(
  stems('senior junior head chief lead staff assistant deputy part time full self employed owner'),
);

/** An occupation's words as a question might say them: "teacher" is asked about as "teaching". */
export function workStems(occupation: string | undefined): Set<string> {
  const own = contentStems(occupation ?? '').filter((s) => !NOT_THE_WORK.has(s));
  return new Set(own.flatMap((s) => (s.length > 5 && s.endsWith('er') ? [s, s.slice(0, -2)] : [s])));
}

/**
 * The stems that name the work `question` asks about leaving (a job word, or the person's
 * occupation's), or undefined when it asks about leaving nothing of the kind.
 */
export function workLeft(question: string, occupation: string | undefined): string[] | undefined {
  const leaving = LEAVING.exec(question);
  if (!leaving) return undefined;
  const ownWork = workStems(occupation);
  const named = contentStems(question.slice(leaving.index + leaving[0].length)).filter((s) => JOB_WORDS.has(s) || ownWork.has(s));
  return named.length > 0 ? named : undefined;
}
