import type { Random } from '../random.js';
import { groupThousands } from '../recall/money.js';
import type { Fact } from '../recall/persona-facts.js';
import { speaksInFirstPerson, type Converted, type Probe } from './first-person.js';
import { isProperAdjective } from './proper-adjectives.js';

/** Puts a text in the first person (see phrasebook.ts); `probe` for items that start with a verb. */
export type Convert = (text: string, probe: Probe) => Converted;

// A fact becomes a sentence that is grammatical by construction: either the library could put it
// in the first person ("I sign off on anything over $25,000."), or it is set after a frame that
// takes any phrase ("What really gets to me: the co-op sometimes pays late."), or, for the
// person's own words, it is quoted. Nothing is rewritten by pattern.

/** Frames that take a noun phrase or a gerund after them. The fact follows, first letter lowered. */
const NOUN_FRAMES: Partial<Record<string, readonly string[]>> = {
  painPoints: ['What really gets to me: {x}.', 'A constant headache for me: {x}.', 'The thing that wears me down is this: {x}.'],
  challenges: ['The hard part right now: {x}.', 'What I am up against: {x}.', 'One real challenge: {x}.'],
  goals: ['My goal: {x}.', 'What I am working toward: {x}.', 'High on my list: {x}.'],
  motivations: ['What drives me is {x}.', 'What I care about getting is {x}.', 'What moves me: {x}.'],
  objections: ['My usual objection: {x}.', 'What puts me off: {x}.', 'Where I push back: {x}.'],
  values: ['What matters to me is {x}.', 'I hold on to {x}.', 'For me it comes down to {x}.'],
  interests: ['Outside work, I love {x}.', 'I am happiest with {x}.', 'My thing, outside work: {x}.'],
  attitudes: ['My view: {x}.', 'Where I stand: {x}.'],
  communicationPreferences: ['What works for me: {x}.', 'I prefer {x}.'],
  preferredChannels: ['I hear about things through {x}.', 'Where I learn about things: {x}.'],
  lifestyle: ['How my week runs: {x}.', 'My rhythm: {x}.', 'The way I live: {x}.'],
  buyingBehavior: ['How I buy: {x}.'],
  notes: ['For what it is worth: {x}.'],
  background: ['Some background: {x}.'],
  education: ['My education: {x}.'],
  industry: ['I work in {x}.'],
  location: ['I live in {x}.', 'Home is {x}.'],
  other: ['For what it is worth: {x}.'],
  routines: ['Most days: {x}.', 'Part of my routine: {x}.', 'Pretty much every day: {x}.'],
  skills: ['What I am good at: {x}.', 'Something I know how to do: {x}.', 'Part of my trade: {x}.'],
  likes: ['I like {x}.', 'What I appreciate: {x}.', 'Always welcome: {x}.'],
  dislikes: ['I cannot stand {x}.', 'What annoys me: {x}.', 'Something I dislike: {x}.'],
  relationships: ['There is {x}.', 'Close to me: {x}.', 'In my life there is {x}.'],
  personality: ['I would say I am {x}.', 'People would call me {x}.'],
  history: ['Some history: {x}.', 'Worth knowing: {x}.'],
};

/**
 * Frames a noun phrase can follow after "Like I said," (no colon), for pointing back to a fact
 * said earlier: "Like I said, what wears me down is agencies paying 60 days late."
 */
const RECAP_FRAMES: Partial<Record<string, string>> = {
  painPoints: 'what wears me down is {x}.',
  challenges: 'what I am up against is {x}.',
  objections: 'what puts me off is {x}.',
  goals: 'what I am working toward is {x}.',
  skills: 'what I am good at is {x}.',
  dislikes: 'I cannot stand {x}.',
  likes: 'I like {x}.',
  values: 'what matters to me is {x}.',
  motivations: 'what drives me is {x}.',
  interests: 'outside work, I love {x}.',
  relationships: 'there is {x}.',
};

const GOAL_FIELDS = new Set(['goals', 'motivations']);
const NAME_LIST_FIELDS = new Set(['interests', 'values', 'motivations', 'preferredChannels', 'communicationPreferences']);
function probeFor(fact: Fact): Probe {
  if (GOAL_FIELDS.has(fact.field)) return 'infinitive';
  if (VERB_FIRST_FIELDS.has(fact.field)) return true;
  return MAYBE_VERB_FIRST_FIELDS.has(fact.field) ? 'auto' : false;
}

/** Sentences of the file's prose (not list items): said as they are once in the first person. */
const PROSE_FIELDS = new Set(['background', 'notes', 'buyingBehavior', 'history']);
/** Fields whose items usually start with a verb and no subject ("Signs off on anything over $25,000"). */
const VERB_FIRST_FIELDS = new Set([
  'attitudes',
  'buyingBehavior',
  'notes',
  'lifestyle',
  'background',
  'communicationPreferences',
  'other',
  'routines',
  'history',
  'personality',
]);
/** Fields of things that happen to the person or that the person does: "Wastes 15% of bread on slow days", "Prices keep rising". */
const MAYBE_VERB_FIRST_FIELDS = new Set(['painPoints', 'challenges', 'objections', 'dislikes', 'likes', 'motivations']);

/** Lowers the first letter unless the word is a name (as the tagger read it), a nationality or the like, an acronym or "I". */
export function lowerStart(text: string, firstPos?: string): string {
  const first = text.match(/^\S+/)?.[0] ?? '';
  if (first === 'I' || first.startsWith("I'") || /^[A-Z0-9]{2,}/.test(first) || /\d/.test(first) || isProperAdjective(first)) return text;
  if (firstPos === 'PROPN' && !/^(A|An|The|My|Our|Some|No|More|Most|One)$/.test(first)) return text;
  // "Hacker News", "Facebook Marketplace": a capital on the next word marks a name (not "I", not
  // "Every Epicor", and not after a verb: "Watching Asante Kotoko on television").
  if (
    firstPos !== 'VERB' &&
    /^\S+\s+(?!I\b)[A-Z]/.test(text) &&
    !/^(A|An|The|My|Our|Some|No|More|Most|One|Every|Each|All|Any|Both|Few|Many|Several)$/.test(first)
  )
    return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function endSentence(text: string): string {
  const t = text.trim();
  if (/[.!?]["'”’)]?$/.test(t)) return t;
  return `${t.replace(/[,;:\s]+$/, '')}.`;
}

function fill(frame: string, phrase: string): string {
  const body = phrase.replace(/[.\s]+$/, '');
  // A phrase that ends in its own question or exclamation mark keeps it, and the frame's full stop goes.
  return /[?!]["'”’]?$/.test(body) && frame.endsWith('{x}.') ? frame.replace('{x}.', body) : frame.replace('{x}', body);
}

/** "I'm Diane, the Chief Financial Officer." when the person introduces themselves. */
export function introductionSentence(firstName: string, occupation: string): string {
  return occupationSentence(occupation).replace(/^I'm /, `I'm ${firstName}, `);
}

function occupationSentence(text: string): string {
  const t = text.trim();
  if (/^(owner|head|managing partner|founder|director) of\b/i.test(t)) return `I'm the ${lowerStart(t)}.`;
  if (/^(CFO|CEO|CTO|COO|Chief|Head)\b/.test(t)) return `I'm the ${t}.`;
  const lowered = lowerStart(t);
  return `I'm ${/^[aeiou]/i.test(lowered) ? 'an' : 'a'} ${lowered}.`;
}

/** An income written about the person ("from his pension"): said in the first person. */
export const INCOME_PRONOUN = /\b(his|her|he|she)\b/i;

function splitFamily(text: string): { head?: string; tail: string } {
  const [head, ...rest] = text.split(/,\s*/);
  return { head, tail: rest.join(', ') };
}

/** The texts `frameFact` will ask to convert for this fact: the phrasebook converts them ahead. */
export function conversionsNeeded(fact: Fact): Array<[string, Probe]> {
  // Income is said as written, unless it names someone by pronoun ("R$400 from his parents").
  if (fact.field === 'income') return INCOME_PRONOUN.test(fact.text) ? [[fact.text, false]] : [];
  if (['occupation', 'age', 'gender', 'quote'].includes(fact.field)) return [];
  if (fact.field === 'familyStatus') {
    const { tail } = splitFamily(fact.text);
    return [[fact.text, true], ...(tail ? [[tail, true] as [string, Probe]] : [])];
  }
  return [[fact.text, probeFor(fact)]];
}

function familySentence(text: string, convert: Convert): string {
  const { head, tail } = splitFamily(text);
  const status = /^(married|single|divorced|widowed|separated|engaged|partnered)/i.test(head ?? '')
    ? `I'm ${lowerStart(head!)}`
    : undefined;
  // "Lives with his partner and her mother": a verb with no subject, said as "I live with …".
  if (!status) return endSentence(capitalize(convert(text, true).text));
  if (!tail) return `${status}.`;
  // "Single, shares a flat with three students": the tail's verb has the person as its subject.
  const converted = convert(tail, true);
  if (converted.shape === 'verb-phrase') return `${status}, and ${converted.text.replace(/^I /, 'I ')}.`.replace(/\.\.$/, '.');
  // "Married to Siân, a part-time primary teacher": the tail says who the partner is, not who else is there.
  const aboutPartner = /\bto\s+\p{Lu}/u.test(head!) && /^(?:a|an|the|who)\b/i.test(tail);
  const joiner = converted.shape === 'gerund' || /^with\b/i.test(tail) || aboutPartner ? ', ' : ', with ';
  return endSentence(`${status}${joiner}${converted.text}`);
}

/** One fact as one or two sentences in the persona's voice. */
/** Fields with a sentence of their own; every other field goes through conversion and frames. */
const OWN_SENTENCE: Partial<Record<Fact['field'], (fact: Fact, convert: Convert) => string>> = {
  occupation: (fact) => occupationSentence(fact.text),
  familyStatus: (fact, convert) => familySentence(fact.text, convert),
  age: (fact) => (/^\d+$/.test(fact.text.trim()) ? `I'm ${fact.text.trim()}.` : `My age: ${fact.text.trim()}.`),
  gender: () => '',
  income: (fact, convert) => {
    const text = INCOME_PRONOUN.test(fact.text) ? convert(fact.text, false).text : fact.text;
    return `I earn ${lowerStart(text.trim().replace(/^(\d{4,})$/, (n) => groupThousands(Number(n))))}.`.replace('..', '.');
  },
  quote: (fact) => endSentence(fact.text.trim().replace(/^["“]|["”]$/g, '')),
};

/** True for a frame whose opening words were already used (in this reply or lately in the session). */
export type FrameUsed = (opening: string) => boolean;

/**
 * One frame of a list, in the seeded generator's order, whose opening words have not been used:
 * "Most days: …" twice in an interview reads as a template.
 */
function pickFrame(frames: readonly string[], random: Random, used: FrameUsed | undefined): string {
  const order = [...frames].sort(() => random.float() - 0.5);
  return order.find((f) => !used?.(f.split('{x}')[0]!.trim())) ?? order[0]!;
}

/**
 * A fact said earlier, as it can follow "Like I said,": a plain first-person sentence, or a noun
 * phrase in a frame without a colon; '' when it has no such form. `asked`: the question asked for
 * this very fact (its income, who its family are), so even a sentence of its own ("I earn…", "I'm
 * married to…") is said again; a topic's recap leaves those out, as they answer only their own question.
 */
export function recapFact(fact: Fact, convert: Convert, asked = false): string {
  if (LANGUAGE_KEY.test(fact.key)) return `I speak ${fact.text.trim().replace(/[.\s]+$/, '')}.`;
  if (asked && (fact.field === 'income' || fact.field === 'familyStatus')) return OWN_SENTENCE[fact.field]!(fact, convert);
  if (OWN_SENTENCE[fact.field] || (speaksInFirstPerson(fact.text) && /^["“‘']/.test(fact.text.trim()))) return '';
  const converted = convert(fact.text, probeFor(fact));
  const text = converted.text.trim();
  if (
    converted.shape === 'first-person' ||
    converted.shape === 'verb-phrase' ||
    (converted.shape === 'clause' && PROSE_FIELDS.has(fact.field))
  )
    return endSentence(text);
  if (converted.shape === 'predicate') return endSentence(`I'm ${lowerStart(text, converted.firstPos)}`);
  const frame = RECAP_FRAMES[fact.field];
  // Only a phrase that starts like a noun phrase ("agencies paying late", not "lost about ₦400,000").
  if (frame && converted.shape === 'noun-phrase' && ['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM'].includes(converted.firstPos ?? ''))
    return endSentence(fill(frame, fact.field === 'relationships' ? text : lowerStart(text, converted.firstPos)));
  return '';
}

/** A language the file lists ("languages": ["Kikuyu", "English"]) is one the person speaks: "English" alone read as "I'm English." */
const LANGUAGE_KEY = /^(?:languages?|languagesSpoken|spokenLanguages)$/i;

/**
 * An objection that starts with what a product does ("Needs a credit card up front", "Requires a
 * contract") has the product for its subject: "I need a credit card up front" would turn the
 * objection into the person's own need. "Needs to see the ROI" is the person's.
 */
const PRODUCT_DOES = /^(?:needs(?!\s+to\b)|requires|takes|costs|charges|locks|forces|asks\s+for|hides|sells|shares|tracks)\s/i;

export function frameFact(fact: Fact, convert: Convert, random: Random, used?: FrameUsed): string {
  if (LANGUAGE_KEY.test(fact.key)) return `I speak ${fact.text.trim().replace(/[.\s]+$/, '')}.`;
  if (fact.field === 'objections' && PRODUCT_DOES.test(fact.text.trim())) {
    const does = lowerStart(fact.text.trim().replace(/[.\s]+$/, ''));
    return endSentence(fill(pickFrame(['Anything that {x} puts me off', "If it {x}, I'm out"], random, used), does));
  }
  const own = OWN_SENTENCE[fact.field];
  if (own) return own(fact, convert);
  if (speaksInFirstPerson(fact.text) && /^["“‘']/.test(fact.text.trim())) {
    return `As I keep saying, ${fact.text.trim()}`.replace(/([^.!?"”'’])$/, '$1.');
  }
  const converted = convert(fact.text, probeFor(fact));
  const text = converted.text.trim();
  // An objection is a thing about the offer: "Closed source with no data export" is no "I closed".
  const first = /^\S+/.exec(fact.text.trim())?.[0] ?? '';
  if (fact.field === 'objections' && /ed$/i.test(first) && text.startsWith(`I ${first.toLowerCase()} `)) {
    return endSentence(fill(pickFrame(NOUN_FRAMES.objections!, random, used), lowerStart(fact.text.trim().replace(/[.\s]+$/, ''))));
  }
  if (
    PROSE_FIELDS.has(fact.field) &&
    (converted.shape === 'clause' || converted.shape === 'first-person' || converted.shape === 'noun-phrase')
  ) {
    return endSentence(capitalize(text));
  }
  // A relationship starts with the person's name ("Akosua, my wife, …"): it keeps its capital.
  const lower = (t: string) => (fact.field === 'relationships' ? t : lowerStart(t, converted.firstPos));
  // Interests, values, channels are names of things even when a verb hides in them ("Morning
  // farming shows on vernacular radio"): they go in a frame, never stand alone.
  const shape = NAME_LIST_FIELDS.has(fact.field) && converted.shape === 'clause' ? 'noun-phrase' : converted.shape;
  switch (shape) {
    case 'first-person':
    case 'verb-phrase':
      return endSentence(capitalize(text));
    case 'predicate':
      return endSentence(`I'm ${lower(text)}`);
    case 'clause':
      if ((fact.field === 'painPoints' || fact.field === 'challenges') && !text.includes(':')) {
        return endSentence(
          fill(pickFrame(['The trouble is that {x}', 'What gets to me is that {x}', 'The problem: {x}'], random, used), lower(text)),
        );
      }
      return endSentence(capitalize(text));
    case 'base-verb':
      if (GOAL_FIELDS.has(fact.field)) return endSentence(`I want to ${lower(text)}`);
      return endSentence(fill(pickFrame(NOUN_FRAMES[fact.field] ?? NOUN_FRAMES.other!, random, used), lower(text)));
    case 'fragment':
      // "Up at 2:30, in bed by 8:30", "At the market by six": where the person is, said plainly.
      if ((fact.field === 'lifestyle' || fact.field === 'routines') && /^(at|in|on|by|up|out|home|off|back|away)\b/i.test(text))
        return endSentence(`I'm usually ${lower(text)}`);
      return endSentence(fill(pickFrame(NOUN_FRAMES[fact.field] ?? NOUN_FRAMES.other!, random, used), lower(text)));
    case 'gerund':
    case 'noun-phrase':
      return endSentence(fill(pickFrame(NOUN_FRAMES[fact.field] ?? NOUN_FRAMES.other!, random, used), lower(text)));
  }
}
