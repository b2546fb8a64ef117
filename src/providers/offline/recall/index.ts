import type { ChatTurn } from '../../../core/messages.js';
import { cardExchanges } from '../../../persona/cards/card-examples.js';
import type { Persona } from '../../../persona/schema.js';
import { classify, type Understanding } from '../understand/index.js';
import { isTopicIntent, type TopicIntent } from '../understand/intents.js';
import { contentStems, stem, stems, STOP, words } from '../understand/words.js';
import { normalise, readDialogue, splitSentences, type DialogueState } from './dialogue-state.js';
import { EXTRA_FIELDS, INTENT_FIELDS, INTENT_MARKERS } from './intent-fields.js';
import { clean, factsOf, type Fact } from './persona-facts.js';

// Stage two: what this person knows and has already said. Authored first-person material for the
// topic (exampleDialogue answers, stories), the file's facts ranked for it, and the dialogue state.

export interface AuthoredLine {
  kind: 'dialogue' | 'story';
  text: string;
  intent?: TopicIntent;
  score: number;
}

export interface RankedFact {
  fact: Fact;
  score: number;
  /** True when a word that marks the topic is in the fact (not only a word of the question). */
  marked?: boolean;
}

export interface Recollection {
  /** The topic the reply is about: the question's, or for a follow-up the thread it continues. */
  thread?: TopicIntent;
  authored: AuthoredLine[];
  facts: RankedFact[];
  /** Facts with only one topic word, anywhere: said when the topic's own facts are all said. */
  weaker: RankedFact[];
  state: DialogueState;
}

interface Authored {
  kind: 'dialogue' | 'story';
  text: string;
  intent?: TopicIntent;
  /** Stems of the interviewer's question (dialogue) or the story's subject. */
  cue: Set<string>;
}

const authoredCache = new WeakMap<Persona, Authored[]>();

/** exampleDialogue and stories, each with its intent (declared, or read from its question). */
export function authoredOf(persona: Persona): Authored[] {
  const cached = authoredCache.get(persona);
  if (cached) return cached;
  const out: Authored[] = [];
  for (const example of persona.data.exampleDialogue ?? []) {
    const declared = isTopicIntent(example.intent) ? example.intent : undefined;
    const inferred = classify(example.user);
    out.push({
      kind: 'dialogue',
      text: clean(example.persona.trim()),
      intent: declared ?? (inferred.kind === 'topic' ? inferred.topic : undefined),
      cue: new Set(contentStems(example.user)),
    });
  }
  // An imported card's example dialogue is the same thing: the author's questions and the character's answers.
  for (const example of cardExchanges(persona)) {
    const inferred = classify(example.user);
    out.push({
      kind: 'dialogue',
      text: clean(example.persona),
      intent: inferred.kind === 'topic' ? inferred.topic : undefined,
      cue: new Set(contentStems(example.user)),
    });
  }
  for (const story of persona.data.stories ?? []) {
    const declared = isTopicIntent(story.intent) ? story.intent : undefined;
    const inferred = classify(`${story.about ?? ''} ${story.text}`);
    out.push({
      kind: 'story',
      text: clean(story.text.trim()),
      intent: declared ?? (inferred.kind === 'topic' ? inferred.topic : undefined),
      cue: new Set(contentStems(`${story.about ?? ''} ${story.text}`)),
    });
  }
  authoredCache.set(persona, out);
  return out;
}

/** A sentence of the file's authored answers and stories, with its words (nounKey) in order. */
export interface AuthoredSentence {
  text: string;
  words: readonly string[];
}

/** Sentences that lean on the one before them ("That second fact worries me…") make no sense alone. */
const LEANS_ON_BEFORE = /^(?:that|this|these|those|it|it's|they|he|she|which|and|but|so|also|then|both|neither)\b/i;

/**
 * Words of a question that name no subject of their own ("the payback period", "your general
 * experience", "what do you expect", "how old are you", "was it worth it"): a sentence need not
 * have them, and they alone are not enough to go on.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  stems(
    `period periods thought thoughts opinion opinions view views idea ideas part parts bit stuff matter matters point
     side question questions issue issues experience experiences general overall usual typical expect expected
     happen happens happened usually normally generally exactly actually day days week weeks month months year years
     old new young good bad big small great worth best worst long short high low favourite favorite important hard
     easy nice real true fine little first last next wrong read write mean means meant like love enjoy prefer
     work works worked life people person thing things way ways`,
  ),
);

/**
 * A word as a thing's name is compared: lower case, without a possessive or a plural ending.
 * Stems are too loose here ("care" and "car" share one): a sentence must name what was asked about.
 */
export function nounKey(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && /(?:ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

export function nounKeys(text: string): string[] {
  return words(text)
    .flatMap((w) => w.split('-'))
    .filter((w) => w.length > 0)
    .map(nounKey);
}

const sentencesCache = new WeakMap<Persona, AuthoredSentence[]>();

export function authoredSentencesOf(persona: Persona): AuthoredSentence[] {
  let sentences = sentencesCache.get(persona);
  if (sentences) return sentences;
  sentences = [];
  for (const authored of authoredOf(persona)) {
    for (const text of splitSentences(authored.text)) {
      if (text.length >= 25 && !LEANS_ON_BEFORE.test(text)) sentences.push({ text, words: nounKeys(text) });
    }
  }
  sentencesCache.set(persona, sentences);
  return sentences;
}

/**
 * The sentence of the file's authored answers and stories that a question no topic covers is
 * about: "What payback period do you expect?" finds "Payback inside eighteen months on my
 * assumptions" inside the answer written for pricing, where facts and topics do not reach. The
 * sentence must name every thing the question names (words other than GENERIC_WORDS and stop
 * words, as written but for a plural), the first of them in its first half, and not as an item of
 * a list: a word met in passing ("…people I'd had lunch with for ten years", "banking, health,
 * even the car") is not what that sentence is about.
 */
export function authoredSentenceFor(persona: Persona, question: string): string | undefined {
  const named = words(question)
    .flatMap((w) => w.split('-'))
    .filter((w) => {
      const s = stem(w);
      return s.length > 1 && !STOP.has(s) && !GENERIC_WORDS.has(s) && !/^\d+$/.test(w);
    });
  const needed = [...new Set(named.map(nounKey))];
  if (needed.length === 0) return undefined;
  for (const sentence of authoredSentencesOf(persona)) {
    const places = needed.map((k) => sentence.words.indexOf(k));
    if (places.some((p) => p < 0)) continue;
    if (Math.min(...places) * 2 >= sentence.words.length) continue;
    if (needed.some((k) => inList(sentence.text, k))) continue;
    return sentence.text;
  }
  return undefined;
}

/**
 * Whether the word `wanted` (a nounKey) is an item of a list in `text` ("banking, health, even
 * the car"): named in passing among others, not what the sentence is about.
 */
function inList(text: string, wanted: string): boolean {
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    if (nounKey(match[0]) !== wanted) continue;
    const before = text.slice(0, match.index).trimEnd();
    const after = text.slice(match.index + match[0].length);
    return /[,:]$/.test(before) && /^,/.test(after);
  }
  return false;
}

const markerCache = new Map<TopicIntent, Set<string>>();
function markersOf(intent: TopicIntent): Set<string> {
  let markers = markerCache.get(intent);
  if (!markers) {
    markers = new Set(stems(INTENT_MARKERS[intent] ?? ''));
    markerCache.set(intent, markers);
  }
  return markers;
}

/** True when most of this text was already said in the session (sentence by sentence). */
const sentenceKeys = new Map<string, string[]>();
function keysOf(text: string): string[] {
  let keys = sentenceKeys.get(text);
  if (!keys) {
    keys = splitSentences(text)
      .map(normalise)
      .filter((s) => s.length > 0);
    if (sentenceKeys.size > 4000) sentenceKeys.clear();
    sentenceKeys.set(text, keys);
  }
  return keys;
}

export function alreadySaid(text: string, state: DialogueState): boolean {
  const parts = keysOf(text);
  if (parts.length === 0) return false;
  const seen = parts.filter((s) => state.said.has(s));
  return seen.length * 2 >= parts.length;
}

/** How many words the two sets share (walking the smaller one: a topic's markers outnumber a fact's words). */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (large.has(x)) n++;
  return n;
}

const factStemCache = new WeakMap<Fact, Set<string>>();
function factStems(fact: Fact): Set<string> {
  let s = factStemCache.get(fact);
  if (!s) {
    s = new Set(contentStems(fact.text));
    factStemCache.set(fact, s);
  }
  return s;
}

/** Whether an absent standard field keeps its place in the order (see the evaluation in bench/). */
const KEEP_PLACE = false;
const presentCache = new WeakMap<readonly Fact[], Set<Fact['field']>>();
function fieldsPresent(facts: readonly Fact[]): Set<Fact['field']> {
  let present = presentCache.get(facts);
  if (!present) {
    present = new Set(facts.map((f) => f.field));
    presentCache.set(facts, present);
  }
  return present;
}

/**
 * Facts for a topic, best first. `minScore` 2 asks for a fact in the topic's main fields or one tied
 * to it by its words; a lower bar (1) lets one topic word in any field count, for a file that has
 * nothing else on the topic.
 */
/**
 * For a day's routine, a time of day ("from 3 a.m.", "at 6:45") marks a fact as part of it, and a
 * year ("in 2004") marks it as the person's history instead.
 */
const CLOCK = /\b\d{1,2}(?::\d\d)?\s?(?:a\.?m\b\.?|p\.?m\b\.?)|\b\d{1,2}:\d\d\b/i;
const YEAR = /\b(?:in|since|until) (?:19|20)\d\d\b/;
function clockScore(intent: TopicIntent | undefined, text: string): number {
  if (intent !== 'daily-routine') return 0;
  return (CLOCK.test(text) ? 1.2 : 0) - (YEAR.test(text) ? 1.5 : 0);
}

/**
 * The ranking depends on the facts and the question alone, and a server answers the same questions
 * about the same personas all day: rankings are kept per facts list (a bounded number of questions
 * each, oldest dropped first) and handed out as copies, since callers adjust scores and re-sort.
 */
const RANKINGS_PER_PERSONA = 512;
const rankings = new WeakMap<readonly Fact[], Map<string, readonly RankedFact[]>>();

export function rankFacts(
  facts: readonly Fact[],
  intent: TopicIntent | undefined,
  keywords: readonly string[],
  minScore = 2,
): RankedFact[] {
  let known = rankings.get(facts);
  if (!known) rankings.set(facts, (known = new Map()));
  const key = `${intent ?? ''}\u0000${minScore}\u0000${keywords.join('\u0000')}`;
  let ranked = known.get(key);
  if (!ranked) {
    ranked = rankAfresh(facts, intent, keywords, minScore);
    if (known.size >= RANKINGS_PER_PERSONA) known.delete(known.keys().next().value!);
    known.set(key, ranked);
  }
  return ranked.map((r) => ({ ...r }));
}

function rankAfresh(facts: readonly Fact[], intent: TopicIntent | undefined, keywords: readonly string[], minScore: number): RankedFact[] {
  // A field this file does not have takes no place in the order: a card's description is read
  // first for a topic whose usual fields it lacks.
  const present = fieldsPresent(facts);
  const fields = intent ? INTENT_FIELDS[intent].filter((f) => present.has(f) || (!EXTRA_FIELDS.has(f) && KEEP_PLACE)) : [];
  const markers = intent ? markersOf(intent) : new Set<string>();
  // Once per question, not once per fact: the facts are many, the question's words few.
  const keywordSet = new Set(keywords);
  const ranked: RankedFact[] = [];
  for (const fact of facts) {
    const position = fields.indexOf(fact.field);
    const fieldScore = position < 0 ? 0 : 3 - position * 0.5;
    const stemsOfFact = factStems(fact);
    const markerScore = Math.min(2, overlap(markers, stemsOfFact)) * 1.2 + clockScore(intent, fact.text);
    // With no topic, a word of the question found in a fact is all there is to go on.
    const keywordScore = overlap(keywordSet, stemsOfFact) * (intent ? 1.5 : 2);
    // The topic's main fields count on their own; the others, and grab-bag fields (notes,
    // background, extra keys), only when the fact itself is on topic.
    const grabBag = fact.field === 'notes' || fact.field === 'background' || fact.field === 'other';
    const onItsOwn = position >= 0 && position < 2 && !(grabBag && intent !== 'introduction' && intent !== 'work');
    const score = (onItsOwn || markerScore + keywordScore > 0 ? fieldScore : 0) + markerScore + keywordScore;
    if (score >= minScore) ranked.push({ fact, score, marked: markerScore > 0 });
  }
  return ranked.sort((a, b) => b.score - a.score);
}

export function recall(
  persona: Persona,
  understood: Understanding,
  messages: readonly ChatTurn[],
  catchPhrases: readonly string[],
): Recollection {
  const state = readDialogue(messages, catchPhrases);
  const thread = understood.kind === 'topic' ? understood.topic : (understood.topic ?? state.thread);
  const keywords = understood.keywords;
  const keywordSet = new Set(keywords);
  const authored = authoredOf(persona)
    .filter((a) => !alreadySaid(a.text, state))
    .map((a) => {
      const sameTopic = thread !== undefined && a.intent === thread ? 4 : 0;
      const shared = overlap(keywordSet, a.cue);
      // The question the line was written for, or all but a word of it ("Do you ever get lonely?"
      // for "Do you ever get lonely out here?"): the line answers it, whatever the topic tables say.
      const sameQuestion = a.kind === 'dialogue' && shared > 0 && shared === keywordSet.size && a.cue.size <= shared + 1 ? 3 : 0;
      const score = sameTopic + sameQuestion + shared * 1.5;
      return { kind: a.kind, text: a.text, intent: a.intent, score };
    })
    .filter((a) => a.score >= 3)
    .sort((a, b) => b.score - a.score);
  const all = factsOf(persona);
  const facts = rankFacts(all, thread, keywords);
  if (understood.asksWho) {
    // A question about a person: the people in the file (a foreman, a sister) before opinions.
    for (const r of facts) if (r.fact.field === 'relationships' || r.fact.field === 'familyStatus') r.score += 2;
    facts.sort((a, b) => b.score - a.score);
  }
  const strong = new Set(facts.map((r) => r.fact));
  const weaker = thread ? rankFacts(all, thread, keywords, 1).filter((r) => !strong.has(r.fact)) : [];
  return { thread, authored, facts, weaker, state };
}
