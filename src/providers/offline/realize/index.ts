import { BUYING_TOPICS } from '../understand/intents.js';
import { namesTheirProduct } from '../understand/their-product.js';
import { withCatchPhrase } from './catch-phrase.js';
import { disclosure } from './disclosure.js';
import { fitAnswerOpening } from './answer-opening.js';
import type { ChatProfile, Persona } from '../../../persona/schema.js';
import type { Random } from '../random.js';
import { normalise, saidIncludes, splitSentences } from '../recall/dialogue-state.js';
import { alreadySaid, authoredSentenceFor, rankFacts, type AuthoredLine, type RankedFact, type Recollection } from '../recall/index.js';
import { amountsIn, groupThousands } from '../recall/money.js';
import { asksHowMany, countAnswerFor } from '../recall/count-sentence.js';
import { durationAnswerFor } from '../recall/duration-sentence.js';
import { amountAnswerFor } from '../recall/amount-sentence.js';
import { figureAskedBack } from '../recall/figure-asked-back.js';
import { factsNaming, namesAll } from '../recall/named-thing.js';
import { unmentionedNameAsked, unmentionedThingAsked } from '../recall/unmentioned-name.js';
import { asksIncome, incomeFact } from '../recall/income-question.js';
import { asksOwnCharge, ownChargeFact } from '../recall/own-charge.js';
import { asksFamilyStatus, familyStatusFact } from '../recall/family-question.js';
import { asksWhereTheyLive, whereTheyLiveFact } from '../recall/where-they-live.js';
import { factsOf, type Fact } from '../recall/persona-facts.js';
import type { Understanding } from '../understand/index.js';
import { isMeta, type Meta } from '../understand/intents.js';
import { contentStems } from '../understand/words.js';
import type { Speaker } from './first-person.js';
import {
  capitalize,
  conversionsNeeded,
  frameFact,
  INCOME_PRONOUN,
  introductionSentence,
  lowerStart,
  recapFact,
  type FrameUsed,
} from './frames.js';
import { INTENT_FIELDS } from '../recall/intent-fields.js';
import { phrasebookFor, type Phrasebook } from './phrasebook.js';
import * as L from './lines.js';
import { STANCES } from './stances.js';

// Stage three: sentences in this person's register. Authored first-person lines first, facts put
// in the first person (or framed) second, the engine's own short lines only to link, admit, or
// answer meta questions. No sentence said earlier in the session is said again.

export interface RealizeInput {
  persona: Persona;
  profile: Partial<ChatProfile>;
  understood: Understanding;
  memory: Recollection;
  random: Random;
  /** The greeting the chat already showed, if any: the persona does not open with it twice. */
  greetingShown: boolean;
  /** Where the phrasebook of first-person facts is kept between runs (none: memory only). */
  cacheDir?: string;
  /** The message answered (its wording, where the understanding is not enough). */
  question?: string;
}

const SENTENCE_BUDGET: Record<ChatProfile['verbosity'], number> = { terse: 1, brief: 2, moderate: 2, expansive: 3 };
const REASON_FIELDS = new Set(['motivations', 'values', 'attitudes', 'background', 'objections', 'challenges', 'painPoints']);
const BUSINESS_ROLE = /\b(cfo|ceo|cto|chief|head of|director|owner|founder|partner|manager|procurement|buyer)\b/i;

class Reply {
  readonly parts: string[] = [];
  constructor(private readonly memory: Recollection) {}
  /** Adds the text unless it (or most of it) was already said this session or in this reply. */
  add(text: string | undefined): boolean {
    const t = text?.trim();
    if (!t) return false;
    if (alreadySaid(t, this.memory.state)) return false;
    const key = normalise(t);
    if (this.parts.some((p) => normalise(p).includes(key))) return false;
    // A longer line keeps its new sentences and drops any long one already said this session.
    const sentences = splitSentences(t);
    const fresh = sentences.filter((s) => s.length < 40 || !this.memory.state.said.has(normalise(s)));
    this.parts.push(fresh.length === sentences.length ? t : fresh.join(' '));
    return true;
  }
  get empty(): boolean {
    return this.parts.length === 0;
  }
  text(): string {
    return this.parts.join(' ');
  }
  /**
   * `normalise(this.text())`, kept until the reply changes: each fact tried asks for it, and each
   * frame tried for a fact. Parts are only ever appended, or the first one given an opener or a
   * catch-phrase before it (either changes the first part).
   */
  normalisedText(): string {
    const seen = this.normalised;
    if (seen && seen.count === this.parts.length && seen.first === this.parts[0]) return seen.text;
    const text = normalise(this.text());
    this.normalised = { count: this.parts.length, first: this.parts[0], text };
    return text;
  }
  private normalised: { count: number; first: string | undefined; text: string } | undefined;
}

function registerOf(profile: Partial<ChatProfile>): L.Register {
  return (profile.formality ?? 0.5) >= 0.55 ? 'formal' : 'casual';
}

const speakers = new WeakMap<Persona, Speaker>();
export function speakerOf(persona: Persona): Speaker {
  const known = speakers.get(persona);
  if (known) return known;
  const gender = String(persona.data.baseSelection?.gender ?? '').toLowerCase();
  const [firstName, ...rest] = persona.name.trim().split(/\s+/);
  // Agent files and prompt-style descriptions speak to the person: "You run a small boatyard."
  const toYou = factsOf(persona).filter((f) => /^(You|Your)\b/.test(f.text)).length;
  const speaker: Speaker = {
    firstName: firstName ?? persona.name,
    gender: /^(f|female|woman)/.test(gender) ? 'female' : /^(m|male|man)/.test(gender) ? 'male' : 'unknown',
    ...(rest.length > 0 ? { surname: rest.join(' ') } : {}),
    ...(toYou >= 2 || (toYou >= 1 && 'tinyTroupe' in persona.data) ? { addressedAsYou: true } : {}),
  };
  speakers.set(persona, speaker);
  return speaker;
}

/** The first line of a list not yet said; lists are shuffled by the seeded generator. */
function fresh(lines: readonly string[], reply: Reply, memory: Recollection, random: Random): string | undefined {
  const order = [...lines].sort(() => random.float() - 0.5);
  return order.find((line) => !alreadySaid(line, memory.state) && !reply.parts.includes(line));
}

function pickAuthored(authored: readonly AuthoredLine[], prefer: 'story' | 'dialogue' | undefined): AuthoredLine | undefined {
  if (!prefer) return authored[0];
  return authored.find((a) => a.kind === prefer) ?? authored[0];
}

/**
 * A fact's text as the person says it, normalised: what a repeat of the fact is recognised by.
 * The same for every turn (the phrasebook answers a fact's text alike each time), so it is kept
 * per phrasebook and fact text; a long conversation, whose facts are mostly said already, would
 * otherwise convert and normalise each of them again on every turn only to skip it.
 */
const factCores = new WeakMap<Phrasebook, Map<string, string>>();

function factCore(book: Phrasebook, fact: Fact): string {
  const needed = conversionsNeeded(fact)[0];
  const key = needed ? `${needed[1]}\u0000${needed[0]}` : `\u0001${fact.text}`;
  let cores = factCores.get(book);
  if (!cores) factCores.set(book, (cores = new Map()));
  let core = cores.get(key);
  if (core === undefined) {
    core = normalise(needed ? book.convert(needed[0], needed[1]).text : fact.text);
    // Bounded by the persona's facts; a guard all the same against text built at reply time.
    if (cores.size >= 4096) cores.clear();
    cores.set(key, core);
  }
  return core;
}

async function factSentences(input: RealizeInput, facts: readonly Fact[], count: number, reply: Reply): Promise<number> {
  if (count <= 0 || facts.length === 0) return 0;
  const book = await phrasebookFor(input.persona, speakerOf(input.persona), input.cacheDir);
  const convert = book.convert.bind(book);
  let added = 0;
  for (const fact of facts) {
    if (added >= count) break;
    // The same fact in another frame is still a repeat.
    const core = factCore(book, fact);
    if (core.length > 15 && (saidIncludes(input.memory.state, core) || reply.normalisedText().includes(core))) continue;
    // Two facts framed alike in one reply read as a template: try another frame, else skip.
    const used: FrameUsed = (opening) => {
      const key = normalise(opening);
      return key.length > 0 && (reply.normalisedText().includes(key) || saidIncludes(input.memory.state, key));
    };
    for (let attempt = 0; attempt < 3; attempt++) {
      const sentence = frameFact(fact, convert, input.random, used);
      const lead = sentence.split(/\s+/).slice(0, 3).join(' ');
      if (reply.parts.some((p) => p.startsWith(lead))) continue;
      if (sentence && reply.add(sentence)) added++;
      break;
    }
  }
  return added;
}

/**
 * What a price question gets when the file names no amount for it: never a figure the file does not
 * give. The income, as written, is a figure from the file; otherwise the person says they would have
 * to check, in their register.
 */
/** "Anything else?": something from the file not said yet, the person's own story first. */
function anythingLeft(input: RealizeInput): Fact[] {
  const order: Fact['field'][] = [
    'history',
    'background',
    'personality',
    'likes',
    'routines',
    'relationships',
    'notes',
    'lifestyle',
    'interests',
  ];
  const facts = factsOf(input.persona);
  return order.flatMap((field) => facts.filter((f) => f.field === field));
}

/**
 * When everything the file says on a topic was said earlier in the session, the person points back
 * to it ("Like I said, I start my shift at 6 a.m.") rather than claiming to know nothing.
 */
async function recap(
  input: RealizeInput,
  reply: Reply,
  ranked: readonly RankedFact[],
  asked = false,
  /** The topic's own field: its fact is what the question asks for ("Do you have kids?" and the family status). */
  topicField?: Fact['field'],
): Promise<void> {
  const book = await phrasebookFor(input.persona, speakerOf(input.persona), input.cacheDir);
  const convert = book.convert.bind(book);
  for (const { fact } of ranked.slice(0, 3)) {
    const sentence = recapFact(fact, convert, asked || fact.field === topicField);
    if (!sentence) continue;
    const lead = registerOf(input.profile) === 'formal' ? 'As I mentioned,' : 'Like I said,';
    const text = `${lead} ${/^I\b|^I'/.test(sentence) ? sentence : sentence.charAt(0).toLowerCase() + sentence.slice(1)}`;
    // Pointing back is the one place a said sentence comes again, and only once in this form.
    if (saidIncludes(input.memory.state, normalise(text))) continue;
    reply.parts.push(text);
    return;
  }
}

/**
 * The fact a question asks for (its count, its income): said, or when said already this
 * conversation ("one night in four on call" in another answer), pointed back to; it is still the
 * answer, where a topic would move on to something not asked.
 */
async function sayAskedFact(input: RealizeInput, reply: Reply, fact: Fact): Promise<void> {
  if ((await factSentences(input, [fact], 1, reply)) === 0) await recap(input, reply, [{ fact, score: 1, marked: true }], true);
}

async function priceSentence(input: RealizeInput): Promise<string | undefined> {
  const raw = input.persona.data.baseSelection?.income;
  const income =
    typeof raw === 'number'
      ? `an income of ${groupThousands(raw)}`
      : typeof raw === 'string' && /\d/.test(raw)
        ? (await incomeAsSaid(input, raw)).trim().replace(/[.\s]+$/, '')
        : undefined;
  const on = income
    ? `On ${/^(about|around|roughly|some|under|over|less|more|an?)\b/i.test(income) ? income.charAt(0).toLowerCase() + income.slice(1) : income}`
    : undefined;
  const business = BUSINESS_ROLE.test(input.persona.data.baseSelection?.occupation ?? '');
  const formal = registerOf(input.profile) === 'formal';
  const options = business
    ? [
        'I would have to see the figures before I named a number; for the business it depends on the payback, not the sticker.',
        'I would not put a number on it without checking. For the company, it has to show what it saves first.',
      ]
    : formal
      ? [
          on
            ? `I would have to check before naming a number. ${on}, anything monthly has to earn its place.`
            : 'I would have to check my accounts before naming a number.',
          on
            ? `${on}, I am careful; I would want to see it earn its price before I named one.`
            : 'I would not want to guess a number without looking at what I pay now.',
        ]
      : [
          on
            ? `I'd have to check before I gave you a number. ${on}, it has to be worth it.`
            : "I'd have to check the receipts before I gave you a number.",
          on
            ? `${on}, not much, honestly; I'd have to look before I said a number.`
            : "Honestly, I'd have to look it up. I don't want to guess a number.",
        ];
  return fresh(options, new Reply(input.memory), input.memory, input.random);
}

/**
 * The income as the person says it: "about AUD 52,000 a year from my superannuation pension", not
 * "from his", the file's words about them (as the income fact is said, frames.ts).
 */
async function incomeAsSaid(input: RealizeInput, income: string): Promise<string> {
  if (!INCOME_PRONOUN.test(income)) return income;
  const book = await phrasebookFor(input.persona, speakerOf(input.persona), input.cacheDir);
  return book.convert(income, false).text;
}

/** True when the reply already names an amount of money (the file's own figures said as facts). */
const hasAmount = (text: string) => amountsIn([text]).length > 0;

function moneyFacts(input: RealizeInput, thread: Recollection['thread']): Fact[] {
  const facts = factsOf(input.persona).filter((f) => f.field !== 'income');
  const withAmounts = new Set(amountsIn(facts.map((f) => f.text)));
  return rankFacts(
    facts.filter((f) => withAmounts.has(f.text)),
    thread ?? 'price',
    input.understood.keywords,
  )
    .filter((r) => r.score >= 2)
    .map((r) => r.fact);
}

async function topicReply(input: RealizeInput, reply: Reply): Promise<void> {
  const { memory, understood } = input;
  // Asked to judge the interviewer's product (not to price it): first, that the person has not used it.
  if (memory.thread === 'buy-triggers' && namesTheirProduct(input.question))
    reply.add(input.random.pick(L.UNSEEN_PRODUCT[registerOf(input.profile)]));
  const budget = SENTENCE_BUDGET[input.profile.verbosity ?? 'moderate'];
  const prefer = understood.aspect === 'example' || understood.aspect === 'what-happened' ? 'story' : undefined;
  // "How many kids?" counts things: an amount of money is no answer to it.
  const wantsFigure = !asksHowMany(input.question ?? '') && (memory.thread === 'price' || understood.aspect === 'how-much');
  const occupation = input.persona.data.baseSelection?.occupation;
  const introduced =
    memory.thread === 'introduction' && occupation !== undefined && memory.authored.length === 0
      ? reply.add(introductionSentence(speakerOf(input.persona).firstName, occupation))
      : false;
  const topical = pickAuthored(memory.authored, prefer);
  // A thing the question names, which the topic's own answer does not: the fact that names it first.
  // Not on a price question ("Would you pay for Trello?" wants the figure its answer gives), unless
  // it asks what happened ("Have you ever used buy now pay later?" is about the habit, not a price).
  const naming = !wantsFigure || understood.aspect === 'what-happened' ? factsNaming(input.persona, input.question ?? '') : undefined;
  // Only things still among the question's keywords: "leave dentistry" asks about the work, whose
  // words were taken out (understand/leaving-work.ts), not about the fact that names dentistry.
  const aboutNamed =
    naming !== undefined &&
    naming.facts.length > 0 &&
    naming.named.every((thing) => understood.keywords.includes(thing)) &&
    !(topical && namesAll(topical.text, naming.named));
  const named = aboutNamed ? await factSentences(input, naming.facts, 1, reply) : 0;
  const authored = named > 0 ? undefined : topical;
  if (authored) reply.add(fitAnswerOpening(authored.text, input.question));
  const room = named > 0 ? 0 : authored ? (authored.text.length < 140 ? 1 : 0) : budget;
  const facts =
    memory.thread === 'price'
      ? [...moneyFacts(input, 'price'), ...memory.facts.map((r) => r.fact)]
      : memory.facts.map((r) => r.fact).filter((f) => !(introduced && f.field === 'occupation'));
  const added = await factSentences(input, facts, Math.min(room, budget), reply);
  // "Have you ever used buy now pay later?" was answered by the fact naming it: no amount was asked for.
  if (wantsFigure && !hasAmount(reply.text()) && (named === 0 || understood.aspect === 'how-much')) reply.add(await priceSentence(input));
  if (reply.empty && memory.thread === 'anything-else') await factSentences(input, anythingLeft(input), 1, reply);
  // Everything on the topic was said: point back to the best of it, else say a fact that has one
  // of the topic's words, else point back to one of those.
  if (reply.empty) await recap(input, reply, memory.facts, false, memory.thread ? INTENT_FIELDS[memory.thread][0] : undefined);
  if (added === 0 && reply.empty && !authored)
    await factSentences(
      input,
      memory.weaker.map((r) => r.fact),
      1,
      reply,
    );
  if (reply.empty)
    await recap(
      input,
      reply,
      memory.weaker.filter((r) => r.marked),
    );
  if (reply.empty && memory.thread) reply.add(stanceFor(input, reply, memory.thread));
  if (reply.empty) await unknownReply(input, reply, true);
}

/** What this person would say on a topic the file is silent on, from their temperament. */
function stanceFor(input: RealizeInput, reply: Reply, thread: NonNullable<Recollection['thread']>): string | undefined {
  const stance = STANCES[thread];
  if (!stance) return undefined;
  const lines = (input.profile.skepticism ?? 0.5) >= 0.55 ? stance.sceptical : stance.open;
  return fresh(lines, reply, input.memory, input.random);
}

/**
 * What a follow-up can go on with, best first: facts tied to the thread and to the words of the last
 * question and answer, then the rest of the thread's fields in their order. Facts already said are
 * skipped when spoken, so "tell me more" moves on to what is left.
 */
function continuation(input: RealizeInput, linkWords: readonly string[]): Fact[] {
  const facts = factsOf(input.persona);
  const thread = input.memory.thread;
  const ranked = rankFacts(facts, thread, linkWords).map((r) => r.fact);
  const rest = thread ? INTENT_FIELDS[thread].flatMap((field) => facts.filter((f) => f.field === field)) : [];
  // Then anything that shares a word with the last question or answer.
  const touching = rankFacts(facts, undefined, linkWords, 1).map((r) => r.fact);
  return [...new Set([...ranked, ...rest, ...touching])];
}

async function followUpReply(input: RealizeInput, reply: Reply): Promise<void> {
  const { memory, understood, random } = input;
  const register = registerOf(input.profile);
  const kind = understood.intent;
  const lastReply = memory.state.replies.at(-1) ?? '';
  const lastQuestion = memory.state.userTurns.at(-1) ?? '';
  const linkWords = [...understood.keywords, ...contentStems(lastQuestion), ...contentStems(lastReply)];
  const linked = continuation(input, linkWords);
  const stories = memory.authored.filter((a) => a.kind === 'story');
  const lines = memory.authored;

  if (kind === 'how-much') {
    // "How many cows do you own?" with no count in the file (realize tried): not a price either.
    if (asksHowMany(input.question ?? '')) {
      reply.add(fresh(L.DONT_KNOW[register], reply, memory, random));
      return;
    }
    const withAmounts = moneyFacts(input, memory.thread);
    if (withAmounts.length > 0) await factSentences(input, withAmounts, 1, reply);
    if (reply.empty) reply.add(await priceSentence(input));
    if (reply.empty) reply.add(fresh(L.DONT_KNOW[register], reply, memory, random));
    return;
  }
  if (kind === 'example' || kind === 'what-happened') {
    const story = stories[0] ?? lines[0];
    if (story) {
      reply.add(story.text);
      return;
    }
    if (kind === 'what-happened') {
      // A real event from the file (something lost, abandoned, broken), else an honest "no story".
      const events = linked.filter((f) =>
        /abandon|lost|\blose\b|failed|tripled|burn|died|fell|laid off|broke|wrote off|cancel/i.test(f.text),
      );
      const body = new Reply(memory);
      await factSentences(input, events, 1, body);
      if (!body.empty) {
        reply.add(fresh(L.HAPPENED_LEADS[register], reply, memory, random));
        reply.add(body.text());
        return;
      }
      reply.add(fresh(L.NO_STORY[register], reply, memory, random));
      await factSentences(
        input,
        linked.filter((f) => REASON_FIELDS.has(f.field)),
        1,
        reply,
      );
      return;
    }
    const body = new Reply(memory);
    await factSentences(input, linked, 1, body);
    if (!body.empty) {
      if (/^(I |I'|My )/.test(body.text())) reply.add(fresh(L.EXAMPLE_LEADS[register], reply, memory, random));
      reply.add(body.text());
      return;
    }
    reply.add(fresh(L.NO_STORY[register], reply, memory, random));
    return;
  }
  if (kind === 'why') {
    const reasons = linked.filter((f) => REASON_FIELDS.has(f.field));
    const line = lines.find((l) => /\bbecause\b|\bsince\b|\bafter\b|\bso\b/i.test(l.text)) ?? lines[0];
    if (line) reply.add(line.text);
    else {
      reply.add(fresh(L.WHY_LEADS[register], reply, memory, random));
      // A reason not yet given, else what else ties to the answer, else the person's own values.
      const values = factsOf(input.persona).filter((f) => f.field === 'values' || f.field === 'motivations');
      await factSentences(input, [...new Set([...reasons, ...linked, ...values])], 1, reply);
    }
    if (reply.parts.length <= 1 && !line) reply.add(fresh(L.NO_STORY[register], reply, memory, random));
    return;
  }
  if (kind === 'really') {
    reply.add(fresh(L.REALLY_LEADS[register], reply, memory, random));
    const reasons = linked.filter((f) => REASON_FIELDS.has(f.field));
    if (lines[0]) reply.add(lines[0].text);
    else await factSentences(input, [...new Set([...reasons, ...linked])], 1, reply);
    return;
  }
  // more
  if (lines[0]) reply.add(lines[0].text);
  else {
    const lead = fresh(L.MORE_LEADS[register], reply, memory, random);
    const body = new Reply(memory);
    await factSentences(input, linked, 1, body);
    if (!body.empty) {
      reply.add(lead);
      reply.add(body.text());
    }
  }
  if (reply.empty) reply.add(fresh(L.COVERED[register], reply, memory, random));
}

/** "How old are you?", "What's your age?": asked of the person, not of something they own. */
const ASKS_AGE = /\b(?:how old (?:are|r) (?:you|u)\b|what(?:'s| is) your age\b|what age are you\b|your age\?)/i;

/**
 * The person's age as they would say it, from the file's `age` (years, or a range such as
 * "35-44"); undefined when the question is not about it or the file gives it some other way.
 */
function ageReply(persona: Persona, question: string | undefined): string | undefined {
  if (question === undefined || !ASKS_AGE.test(question)) return undefined;
  const age = String(persona.data.baseSelection?.age ?? '').trim();
  if (/^\d{1,3}$/.test(age)) return `I'm ${age}.`;
  const range = /^(\d{1,3})\s*(?:-|–|to)\s*(\d{1,3})$/.exec(age);
  return range ? `Somewhere between ${range[1]} and ${range[2]}.` : undefined;
}

async function unknownReply(input: RealizeInput, reply: Reply, onTopic = false): Promise<void> {
  const { memory, random, understood } = input;
  const register = registerOf(input.profile);
  const age = ageReply(input.persona, input.question);
  // Said again when asked again: it is the answer.
  if (age && (reply.add(age) || reply.add(`As I said: ${age}`))) return;
  const byWords =
    !onTopic && understood.keywords.length > 0
      ? rankFacts(factsOf(input.persona), undefined, understood.keywords).filter((r) => r.score >= 1.5)
      : [];
  if (
    (await factSentences(
      input,
      byWords.map((r) => r.fact),
      2,
      reply,
    )) > 0
  )
    return;
  if (!onTopic) {
    // An authored answer to this very question (or sharing two of its words), though no topic covers
    // it. Only without a topic carried over from before: with one, the lines are ranked by it too.
    const line = memory.thread === undefined ? memory.authored[0] : undefined;
    if (line && reply.add(fitAnswerOpening(line.text, input.question))) return;
    // Asked about something the file's answers mention in passing: that sentence, again if need be
    // (a direct question about it deserves the answer, said before or not).
    const sentence = input.question === undefined ? undefined : authoredSentenceFor(input.persona, input.question);
    if (sentence && (reply.add(sentence) || reply.add(`As I said: ${sentence}`))) return;
  }
  // "How often do you talk to Lorraine?" after the sentence about her: pointed back to. And when the
  // file's sentences on what was asked were all said already, "no idea" would contradict them.
  await recap(input, reply, byWords, true);
  if (!reply.empty) return;
  reply.add(fresh((byWords.length > 0 ? L.COVERED : L.DONT_KNOW)[register], reply, memory, random));
  const passions = (input.profile.passions ?? []).filter((p) => p.trim().length > 0);
  const pivot = random.pick(passions);
  if (!pivot || !random.chance(0.6)) return;
  // The file writes interests about the person ("Watching her grandson's games"); the person says
  // them as their own ("watching my grandson's games"), as every other fact is said.
  const book = await phrasebookFor(input.persona, speakerOf(input.persona), input.cacheDir);
  const said = book.convert(pivot.replace(/[.\s]+$/, ''), false);
  // Lowered as a fact is ("podcasts about language"); names and nationalities keep their capitals.
  const spoken = lowerStart(said.text.replace(/[.\s]+$/, ''), said.firstPos);
  if (spoken) reply.add(random.pick(L.PIVOT[register])!.replace('{x}', spoken));
}

function metaReply(input: RealizeInput, reply: Reply): void {
  const { memory, random, persona } = input;
  const register = registerOf(input.profile);
  const first = speakerOf(persona).firstName;
  const meta: Meta = isMeta(input.understood.intent) ? input.understood.intent : 'goodbye';
  switch (meta) {
    case 'are-you-ai': {
      const occupation = persona.data.baseSelection?.occupation;
      const role =
        occupation && /^[A-Z][a-z]+(?:-[a-z]+)? [a-z]/.test(occupation)
          ? occupation.charAt(0).toLowerCase() + occupation.slice(1)
          : occupation;
      const who = role ? `${persona.name}, ${role.replace(/\s*\(.*?\)/g, '')}` : persona.name;
      reply.add(disclosure(input.question ?? '', who, first, random));
      return;
    }
    case 'repeat': {
      const last = memory.state.replies.at(-1);
      reply.parts.push(last ?? (register === 'formal' ? 'I have not said anything yet.' : "I haven't said anything yet!"));
      return;
    }
    case 'what-did-i-ask': {
      const previous = memory.state.userTurns.at(-1);
      reply.parts.push(previous ? `You asked: “${previous.trim().replace(/[“”]/g, '"')}”` : "You haven't asked me anything yet.");
      return;
    }
    case 'greeting':
      if (!input.greetingShown && input.profile.greeting && reply.add(input.profile.greeting)) return;
      reply.add(fresh(L.GREETINGS[register], reply, memory, random)?.replace('{name}', first));
      return;
    case 'thanks':
      reply.add(fresh(L.THANKS[register], reply, memory, random));
      return;
    case 'goodbye':
      reply.add(fresh(L.GOODBYES[register], reply, memory, random));
  }
}

/** A catch-phrase now and then, where its words touch what was asked or answered; before the point or after it (catch-phrase.ts). */
function maybeCatchPhrase(input: RealizeInput, reply: Reply): void {
  const phrases = input.profile.signaturePhrases ?? [];
  if (phrases.length === 0 || input.memory.state.sinceCatchPhrase < 6 || !input.random.chance(0.35)) return;
  // It fits when it touches the question, or, on a buying topic, what was just answered.
  const asked = new Set(input.understood.keywords);
  const thread = input.memory.thread;
  const answered = thread && BUYING_TOPICS.has(thread) ? new Set(contentStems(reply.text())) : new Set<string>();
  const fitting = phrases.filter((p) => contentStems(p).some((s) => asked.has(s) || answered.has(s)));
  const phrase = input.random.pick(fitting);
  // A long one is a line like any other: said once a conversation, and not twice in one reply.
  if (phrase === undefined || alreadySaid(phrase, input.memory.state) || reply.normalisedText().includes(normalise(phrase))) return;
  const placed = withCatchPhrase(reply.parts, phrase);
  if (placed) reply.parts.splice(0, reply.parts.length, ...placed);
}

function maybeQuestionBack(input: RealizeInput, reply: Reply): void {
  const { memory, random } = input;
  if (!memory.thread || memory.state.replies.length < 2) return;
  if (!random.chance((input.profile.questionRate ?? 0.3) * 0.4)) return;
  const options = L.QUESTIONS_BACK[memory.thread];
  if (options) reply.add(fresh(options, reply, memory, random));
}

/** A sentence that says how candid it is already ("…, to be honest."): an opener would stack a second hedge on it. */
const HEDGED = /\b(?:honest|honestly|frankly|candid|candidly|truthfully|to be fair)\b/i;

function maybeOpener(input: RealizeInput, reply: Reply): void {
  const first = reply.parts[0];
  // The chance first: whether a hedge is there does not change what the seed picks afterwards.
  if (!first || !/^(I |I'|My )/.test(first) || !input.random.chance(0.25) || HEDGED.test(first)) return;
  const recent = input.memory.state.replies.slice(-4).map((r) => r.split(/\s+/)[0]);
  const opener = input.random.pick(L.OPENERS[registerOf(input.profile)].filter((o) => !recent.includes(o.split(' ')[0]!)));
  if (opener) reply.parts[0] = `${opener} ${first.startsWith('My ') ? `m${first.slice(1)}` : first}`;
}

function capLength(text: string, maxOutputTokens: number | undefined): string {
  const limit = Math.max(80, (maxOutputTokens ?? 400) * 4);
  if (text.length <= limit) return text;
  let out = '';
  for (const sentence of splitSentences(text)) {
    if ((out + sentence).length > limit) break;
    out = out ? `${out} ${sentence}` : sentence;
  }
  return out || text.slice(0, limit);
}

export async function realize(input: RealizeInput, maxOutputTokens?: number): Promise<string> {
  const reply = new Reply(input.memory);
  // "How many children do you have?": the count the file gives, before any topic's answer.
  // "How long did you drive buses?", "How much is your rent?": the sentence with the stretch of time or the amount, likewise.
  const sentence =
    input.understood.kind === 'meta'
      ? undefined
      : (countAnswerFor(input.persona, input.question ?? '') ??
        durationAnswerFor(input.persona, input.question ?? '') ??
        amountAnswerFor(input.persona, input.question ?? ''));
  if (sentence) {
    if ('text' in sentence) {
      if (!reply.add(sentence.text)) reply.add(`As I said: ${sentence.text}`);
    } else await sayAskedFact(input, reply, sentence.fact);
    if (!reply.empty) return capLength(capitalize(reply.text()), maxOutputTokens);
  }
  // "How much does it cost?" right after a reply that named an amount: that amount (and a stretch of time likewise).
  const figure = input.understood.kind === 'meta' ? undefined : figureAskedBack(input.question ?? '', input.memory.state.replies);
  if (figure && reply.add(figure)) return figure;
  // "What do you charge for a wedding?": their own price to customers, not what they'd pay for software.
  if (input.understood.kind !== 'meta' && asksOwnCharge(input.question ?? '')) {
    const charge = ownChargeFact(input.persona);
    if (charge) await sayAskedFact(input, reply, charge);
    else reply.add(fresh(L.CHARGE_UNSAID[registerOf(input.profile)], reply, input.memory, input.random));
    if (!reply.empty) return capLength(capitalize(reply.text()), maxOutputTokens);
  }
  // "Do you have kids?" once the family status was said: pointed back to (the family topic would
  // move on to its next field). Not said yet, the topic answers, in the person's own lines if any.
  const family = input.understood.kind !== 'meta' && asksFamilyStatus(input.question ?? '') ? familyStatusFact(input.persona) : undefined;
  if (family && (await factSentences(input, [family], 1, new Reply(input.memory))) === 0) {
    await recap(input, reply, [{ fact: family, score: 1, marked: true }], true);
    if (!reply.empty) return capLength(capitalize(reply.text()), maxOutputTokens);
  }
  // "Where do you live?": the location, which no topic asks for.
  if (input.understood.kind !== 'meta' && asksWhereTheyLive(input.question ?? '')) {
    const home = whereTheyLiveFact(input.persona);
    if (home) await sayAskedFact(input, reply, home);
    // Asked again: the place again, pointed back to (a location has no sentence of its own to recap).
    if (home && reply.empty && home.field === 'location')
      reply.add(
        `${registerOf(input.profile) === 'formal' ? 'As I mentioned' : 'Like I said'}, I live in ${home.text.trim().replace(/[.\s]+$/, '')}.`,
      );
    if (!reply.empty) return capLength(capitalize(reply.text()), maxOutputTokens);
  }
  // "What do you earn?": the file's income, said as the person says it; none there, they keep it to themselves.
  if (input.understood.kind !== 'meta' && asksIncome(input.question ?? '')) {
    const income = incomeFact(input.persona);
    if (income) await sayAskedFact(input, reply, income);
    else reply.add(fresh(L.INCOME_UNSAID[registerOf(input.profile)], reply, input.memory, input.random));
    if (!reply.empty) return capLength(capitalize(reply.text()), maxOutputTokens);
  }
  // "Do you use Slack?" when the file never mentions Slack: that they don't, as far as they can
  // think, then what the topic's answer says they do use. Asked nothing else, that is the answer.
  // "Do you play golf?", placed by no topic, likewise, when the file has no word of it.
  const unmentioned =
    input.understood.kind === 'meta'
      ? undefined
      : (unmentionedNameAsked(input.persona, input.question ?? '') ??
        (input.understood.kind === 'unknown' ? unmentionedThingAsked(input.persona, input.question ?? '') : undefined));
  if (unmentioned) {
    const lines = { heard: L.NOT_HEARD, use: L.NOT_USED, thing: L.NOT_MINE }[unmentioned.kind][registerOf(input.profile)]
      // The reply's first letter is made a capital: "IPad" would misspell the name.
      .filter((line) => !/^[a-z]+[A-Z]/.test(unmentioned.name) || !line.startsWith('{x}'))
      .map((line) => line.replace('{x}', unmentioned.name));
    reply.add(fresh(lines, reply, input.memory, input.random));
    if (input.understood.kind === 'unknown' && !reply.empty) return capLength(capitalize(reply.text()), maxOutputTokens);
  }
  switch (input.understood.kind) {
    case 'meta':
      metaReply(input, reply);
      return reply.text();
    case 'follow-up':
      // With no topic named before, the follow-up still goes on from the last question and answer.
      if (input.memory.thread || input.memory.state.replies.length > 0) await followUpReply(input, reply);
      else await unknownReply(input, reply);
      break;
    case 'topic':
      await topicReply(input, reply);
      break;
    case 'unknown':
      await unknownReply(input, reply);
  }
  if (reply.empty) reply.add(fresh(L.COVERED[registerOf(input.profile)], reply, input.memory, input.random));
  if (reply.empty)
    reply.parts.push(registerOf(input.profile) === 'formal' ? 'I have nothing to add to that.' : 'Not sure what else to say there.');
  maybeOpener(input, reply);
  maybeCatchPhrase(input, reply);
  if (input.understood.kind === 'topic') maybeQuestionBack(input, reply);
  return capLength(capitalize(reply.text()), maxOutputTokens);
}
