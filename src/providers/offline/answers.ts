import type { Fact, FactKind, Identity } from './facts.js';
import type { FactPicker, KindWeights } from './fact-picker.js';
import { FACT_CUES, type DetectedIntent, type Intent } from './intents.js';
import * as R from './reaction-lines.js';
import { toFirstPerson } from './first-person.js';
import { cleanFact } from './text.js';
import * as L from './lines.js';
import type { Random } from './random.js';
import type { SentenceMaker } from './sentence-maker.js';
import type { Style } from './style.js';
import { identitySentence, roleOf } from './identity.js';
import { MONEY, priceMentioned, priceReaction, reactToPitch } from './pitch.js';
import { because, persuade } from './reasons.js';
import { writtenInAnotherScript } from './language.js';

// The substance of a reply, one function per intent: which kinds of fact answer it and how the
// first sentence frames them. Framing that depends on personality (openers, pushback, questions
// back) is added afterwards by compose.ts, the same for every intent.

export interface AnswerContext {
  identity: Identity;
  picker: FactPicker;
  say: SentenceMaker;
  style: Style;
  rng: Random;
  detected: DetectedIntent;
  /** Sentences of substance this reply may carry. */
  budget: number;
  /** Names the persona file capitalises, kept capitalised when an interest is quoted. */
  properNouns: ReadonlySet<string>;
  /** True when this is the persona's first reply of the session. */
  firstTurn: boolean;
  /** Earlier persona replies, to avoid reusing the profile's greeting. */
  personaReplies: readonly string[];
  /** The chat already showed the profile's greeting (the system prompt says how it began). */
  greeted: boolean;
  userText: string;
}

const WEIGHTS: Partial<Record<Intent, KindWeights>> = {
  price: { objection: 4, painPoint: 1.2, buying: 1.2, value: 1, motivation: 0.6 },
  // Used for "why not?" after a pitch: the reasons a buyer says no.
  pitch: { objection: 3, painPoint: 1.5, buying: 1 },
  complaint: { painPoint: 3, challenge: 3, objection: 0.8 },
  goals: { goal: 3, motivation: 2.5, value: 1 },
  values: { value: 3, motivation: 1.5, attitude: 1.2 },
  decision: { buying: 3, objection: 1.5, value: 1.5, communication: 0.8 },
  introduction: { background: 3, value: 1.5, motivation: 1, interest: 1, lifestyle: 1 },
  life: { challenge: 2.5, lifestyle: 2.5, background: 2, painPoint: 1, interest: 1 },
};
const LEISURE = /\b(hobb|weekend|spare time|free time|outside (of )?work|fun)/i;
/** Questions about life off the clock, where a miss may be steered to a hobby. */
const OFF_WORK =
  /\b(hobb|weekends?|spare time|free time|outside (of )?work|fun|holidays?|vacations?|music|films?|movies?|read(ing)? for pleasure|relax\w*|family|kids|sports?|favou?rite)/i;
const NEGATIVE_KINDS = new Set<FactKind>(['painPoint', 'objection', 'challenge']);
const NEGATIVE_QUESTION = /\b(struggl|worr|hate|problem|frustrat|concern|annoy|difficult|hard|afraid|stress|bother)/i;

/** Something the persona is happy to talk about, as a noun phrase: a passion, an interest, a worry. */
export function steerTopic(ctx: AnswerContext, toWork = false): string | undefined {
  // A work question that missed is steered to work ("what I do think about a lot is cutting the
  // close to five days"), not to a hobby; a declined topic or a leisure question may go to a passion.
  const work = toWork && !OFF_WORK.test(ctx.userText);
  const passion = work ? undefined : ctx.rng.pick(ctx.style.passions);
  // Profile passions come from the file's interest list: "Shogi on his phone during the commute".
  if (passion) return toFirstPerson(cleanFact(passion), [], { properNouns: ctx.properNouns }).text;
  const weights: KindWeights = work
    ? { painPoint: 2, goal: 2, challenge: 1.5, motivation: 1 }
    : { interest: 2, goal: 1.5, motivation: 1, painPoint: 1 };
  // Only noun or verb phrases fit "what I do think about a lot is ...".
  const [fact] = ctx.picker.pick(weights, 1, {
    accept: (f) => f.spoken.form === 'phrase' || f.spoken.form === 'action',
  });
  if (!fact) return undefined;
  return fact.spoken.form === 'action' ? `how to ${fact.spoken.text}` : fact.spoken.text;
}

function factSentences(ctx: AnswerContext, facts: readonly Fact[]): string[] {
  return facts.map((f) => ctx.say.fact(f));
}

/**
 * Facts that answer the question: the kinds the intent mostly wants, or any fact that shares words
 * or cue words with it. A minor kind never fills a slot just because the budget has room.
 */
function byWeights(ctx: AnswerContext, intent: Intent, count: number): string[] {
  const weights = WEIGHTS[intent];
  if (!weights || count <= 0) return [];
  const cue = FACT_CUES[intent];
  const strongest = Math.max(...Object.values(weights));
  const fits = (f: Fact): boolean =>
    (weights[f.kind] ?? 0) >= strongest * 0.5 || ctx.picker.relevance(f) > 0 || (cue?.test(f.raw) ?? false);
  return factSentences(ctx, ctx.picker.pick(weights, count, { cue, accept: fits }));
}

function orGeneric(ctx: AnswerContext, intent: Intent, body: string[]): string[] {
  return body.length > 0 ? body : [ctx.say.line(L.GENERIC[intent] ?? L.UNKNOWN_VAGUE)];
}

function greeting(ctx: AnswerContext): string[] {
  const { identity, style } = ctx;
  const body: string[] = [];
  if (ctx.detected.askedHowAreYou) {
    body.push(ctx.say.line(L.HOW_ARE_YOU));
    if (ctx.budget >= 2) body.push(...factSentences(ctx, ctx.picker.pick({ challenge: 2, lifestyle: 2, goal: 1.5, motivation: 1 }, 1)));
    return body;
  }
  const ownGreeting =
    style.greeting && !ctx.greeted && !ctx.personaReplies.some((r) => r.includes(style.greeting!)) ? style.greeting : undefined;
  body.push(ownGreeting && ctx.firstTurn ? ownGreeting : ctx.say.line(L.GREETINGS, { name: identity.callName, role: roleOf(identity) }));
  if (ctx.budget >= 2 && !/\?\s*$/.test(body[0]!)) body.push(ctx.say.line(L.GREETING_INVITES));
  return body;
}

/** "It runs on an Epicor ERP": a sentence that leans on the one before it cannot open a story. */
const LEANS_BACK = /^(it|this|that|they|these|those|there|he|she|her|his)\b/i;

function introduction(ctx: AnswerContext): string[] {
  const body = [identitySentence(ctx.identity)];
  // The story's first sentence sets the scene; a fresh one goes first when it has not been told yet.
  const opening = ctx.picker.pick({ background: 1 }, 1, {
    accept: (f) => f.id === 'background:0' && !LEANS_BACK.test(f.raw) && !ctx.picker.said(f),
  });
  body.push(...factSentences(ctx, opening));
  const cue = FACT_CUES.introduction;
  const rest = ctx.picker.pick(WEIGHTS.introduction!, ctx.budget - body.length, {
    cue,
    accept: (f) => !LEANS_BACK.test(f.raw) && (f.kind === 'background' || f.kind === 'value' || f.kind === 'motivation'),
  });
  body.push(...factSentences(ctx, rest));
  if (body.length === 1 && ctx.budget >= 2) body.push(ctx.say.line(L.GENERIC.introduction!));
  if (ctx.budget >= 3 && ctx.identity.quote && ctx.rng.chance(0.5)) body.push(`As I like to say, "${ctx.identity.quote}."`);
  return body;
}

/** "What does a normal day look like?": the job, then the day as the file tells it, in order. */
function routine(ctx: AnswerContext): string[] {
  const days = ctx.picker.pick({ lifestyle: 3 }, Math.max(1, ctx.budget - 1));
  if (days.length === 0) return life(ctx);
  days.sort((a, b) => order(a) - order(b));
  const role = roleOf(ctx.identity);
  const job = role && ctx.budget >= 2 ? [ctx.say.line(L.JOB_LINES, { role })] : [];
  return [...job, ...days.map((f) => ctx.say.fact(f))];
}

function order(fact: Fact): number {
  return Number(fact.id.split(':')[1] ?? 0);
}

/** A price answer: the user's own figure said back ("$20 a month?"), then the facts behind the view. */
function price(ctx: AnswerContext): string[] {
  // Facts that talk money come first; an objection about something else is not a price answer.
  const aboutMoney = ctx.picker.pick(WEIGHTS.price!, ctx.budget, { accept: (f) => MONEY.test(f.raw) || ctx.picker.relevance(f) > 0 });
  const body = orGeneric(ctx, 'price', aboutMoney.length > 0 ? factSentences(ctx, aboutMoney) : byWeights(ctx, 'price', ctx.budget));
  const named = priceMentioned(ctx.userText);
  if (!named) return body;
  // Half the time the figure is only echoed; otherwise it gets a verdict of its own.
  const echo = ctx.rng.chance(0.5) ? ctx.say.line(R.PRICE_ECHO, { price: named }) : priceReaction(ctx, named);
  return [`${echo} ${body[0]}`, ...body.slice(1)];
}

function life(ctx: AnswerContext): string[] {
  if (LEISURE.test(ctx.userText)) {
    return orGeneric(ctx, 'life', factSentences(ctx, ctx.picker.pick({ interest: 3, lifestyle: 3 }, ctx.budget)));
  }
  const role = roleOf(ctx.identity);
  const body = role ? [ctx.say.line(L.JOB_LINES, { role })] : [];
  body.push(...byWeights(ctx, 'life', ctx.budget - body.length));
  return orGeneric(ctx, 'life', body);
}

function channels(ctx: AnswerContext): string[] {
  const picked = ctx.picker.pick({ channel: 1 }, 3);
  const body: string[] = [];
  if (picked.length > 1)
    body.push(
      ctx.say.line(['Mostly {x}.', 'You would find me on {x}, mostly.', '^I rely primarily on {x}.', '~{X}, pretty much.'], {
        x: joinChannelList(picked),
      }),
    );
  else if (picked.length === 1) body.push(ctx.say.fact(picked[0]!));
  if (ctx.budget >= 2 || body.length === 0) body.push(...factSentences(ctx, ctx.picker.pick({ communication: 2, buying: 1 }, 1)));
  return orGeneric(ctx, 'channels', body).slice(0, Math.max(1, ctx.budget));
}

function joinChannelList(facts: readonly Fact[]): string {
  const names = facts.map((f) => f.spoken.text);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Yes when the closest fact points the same way as the question ("Do you worry about X?" and X is
 * a pain point), "it depends" when it pulls the other way; a flat "no" followed by a fact that
 * half-agrees would read as a contradiction.
 */
function yesNo(ctx: AnswerContext): string[] {
  const [fact, ...more] = ctx.picker.relevant(ctx.budget);
  if (!fact) return unknown(ctx);
  const agrees = NEGATIVE_KINDS.has(fact.kind) === NEGATIVE_QUESTION.test(ctx.userText);
  const lead = ctx.say.line(agrees ? L.YES : L.DEPENDS);
  return [lead, ...factSentences(ctx, [fact, ...more].slice(0, Math.max(1, ctx.budget - 1)))];
}

function opinion(ctx: AnswerContext): string[] {
  const facts = ctx.picker.relevant(ctx.budget);
  if (facts.length > 0) return factSentences(ctx, facts);
  if (writtenInAnotherScript(ctx.userText)) return unknown(ctx);
  const topic = ctx.detected.topic;
  const body = [topic ? ctx.say.line(L.NO_VIEW, { topic }) : ctx.say.line(L.UNKNOWN_VAGUE)];
  if (ctx.budget >= 2) body.push(...factSentences(ctx, ctx.picker.pick({ attitude: 2, value: 1.5 }, 1)));
  return body;
}

/** An honest "I don't know", in character, then back to what the persona does care about. */
export function unknown(ctx: AnswerContext): string[] {
  // Not understood is not the same as not known: ask again rather than disown the subject.
  if (writtenInAnotherScript(ctx.userText)) return [ctx.say.line(L.ASK_IN_ENGLISH)];
  const topic = ctx.detected.topic;
  const notKnown = topic ? ctx.say.line(L.UNKNOWN_TOPIC, { topic }) : ctx.say.line(L.UNKNOWN_VAGUE);
  const steer = steerTopic(ctx, true);
  // No fact fits "what I think about a lot is ...": the most pressing one is said as it is.
  const instead = steer
    ? ctx.say.line(L.STEER, { x: steer })
    : factSentences(ctx, ctx.picker.pick({ painPoint: 2, challenge: 1.5, goal: 1 }, 1))[0];
  // One unit, so a one-sentence budget keeps the way back to what they do know.
  return [instead ? `${notKnown} ${instead}` : notKnown];
}

function topic(ctx: AnswerContext): string[] {
  const facts = ctx.picker.relevant(ctx.budget);
  return facts.length > 0 ? factSentences(ctx, facts) : unknown(ctx);
}

/** "Why?" / "Why not?": the reason behind the last reply when it gave one, else more on the same subject. */
export function followUp(intent: Intent, ctx: AnswerContext): string[] {
  const asksWhy = /^(why|how come)\b/i.test(ctx.userText.trim());
  return (asksWhy ? because(ctx, WEIGHTS[intent]) : undefined) ?? answer(intent, ctx);
}

export function answer(intent: Intent, ctx: AnswerContext): string[] {
  switch (intent) {
    case 'routine':
      return routine(ctx);
    case 'persuade':
      return persuade(ctx);
    case 'price':
      return price(ctx);
    case 'greeting':
      return greeting(ctx);
    case 'introduction':
      return introduction(ctx);
    case 'life':
      return life(ctx);
    case 'channels':
      return channels(ctx);
    case 'pitch':
      return reactToPitch(ctx);
    case 'complaint':
    case 'goals':
    case 'values':
    case 'decision':
      return orGeneric(ctx, intent, byWeights(ctx, intent, ctx.budget));
    case 'opinion':
      return opinion(ctx);
    case 'yesno':
      return yesNo(ctx);
    case 'thanks':
      return [ctx.say.line(L.THANKS_REPLIES), ...(ctx.budget >= 2 ? [ctx.say.line(L.GENERIC.thanks!)] : [])];
    case 'goodbye':
      return [ctx.say.line(L.GOODBYES), ...(ctx.budget >= 2 ? [ctx.say.line(L.GENERIC.goodbye!)] : [])];
    case 'followup':
    case 'topic':
      return topic(ctx);
  }
}
