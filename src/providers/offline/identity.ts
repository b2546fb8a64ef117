import type { Identity } from './facts.js';
import { lowerFirst, withArticle } from './text.js';

// Who the persona is, said the way a person says it about themselves. Persona files hold form
// fields ("Senior staff nurse (Band 6), adult intensive care, mostly nights"), written for a card,
// not for speech: capitalised like a heading and loaded with detail. Out loud, one says "a senior
// staff nurse in healthcare", so the field is cut to its core and lower-cased mid-sentence.

/** Words after which an "and" starts a second role rather than joining two nouns ("dairy and avocado farmer"). */
const MIN_WORDS_BEFORE_SECOND_ROLE = 3;

/** Words that end a job title: "and" after one starts a second role ("teacher and homeroom teacher"). */
const ROLE_NOUN = /(er|or|ist|ian|ant|ent|nurse|owner|head|lead|chef|coach|parent|intern|partner|founder|student|teacher)$/i;

/** A form field as a phrase that can sit mid-sentence: no parentheses, first clause only. */
export function coreOf(field: string): string {
  let core = field.replace(/\s*\([^)]*\)/g, '').replace(/\s*\[[^\]]*\]/g, '');
  core = core.split(/\s*[,;]\s*|\s+\/\s+|\s+[-–—]\s+/)[0] ?? core;
  const [beforeAnd] = core.split(/\s+and\s+/);
  if (beforeAnd && beforeAnd !== core && beforeAnd.split(/\s+/).length >= MIN_WORDS_BEFORE_SECOND_ROLE && ROLE_NOUN.test(beforeAnd))
    core = beforeAnd;
  core = core.trim();
  // "Chief Financial Officer" is a job title written as a heading; said aloud it is lower case.
  const words = core.split(/\s+/);
  if (words.length >= 2 && words.every((w) => /^[A-Z][a-z'’-]*$/.test(w))) return core.toLowerCase();
  return lowerFirst(core);
}

/** "a CFO in manufacturing", "a teacher", "working in retail", or nothing. */
export function roleOf(identity: Identity): string | undefined {
  const occupation = identity.occupation ? coreOf(identity.occupation) : '';
  const industry = identity.industry ? coreOf(identity.industry) : '';
  if (occupation && industry && !occupation.toLowerCase().includes(industry.toLowerCase()))
    return `${withArticle(occupation)} in ${industry}`;
  if (occupation) return withArticle(occupation);
  return industry ? `working in ${industry}` : undefined;
}

/** "based in Lagos, Nigeria" (the shop-and-home detail in parentheses dropped), "based near Othaya". */
export function whereabouts(identity: Identity): string | undefined {
  if (!identity.location) return undefined;
  const place = identity.location.replace(/\s*\([^)]*\)/g, '').trim();
  if (!place) return undefined;
  const relative = place.match(/^(near|outside|just outside|north of|south of|east of|west of)\s+(.+)$/i);
  return relative ? `based ${relative[1]!.toLowerCase()} ${relative[2]}` : `based in ${place}`;
}

export function identitySentence(identity: Identity): string {
  const parts = [identity.callName];
  if (identity.age && /^\d+$/.test(identity.age)) parts.push(identity.age);
  const role = roleOf(identity);
  if (role) parts.push(role);
  const where = whereabouts(identity);
  if (where) parts.push(where);
  return `I'm ${parts.join(', ')}.`;
}
