import type { Fact, FactKind, Identity } from './facts.js';
import type { FactPicker, KindWeights } from './fact-picker.js';
import { FACT_CUES, type DetectedIntent, type Intent } from './intents.js';
import * as L from './lines.js';
import type { Random } from './random.js';
import type { SentenceMaker } from './sentence-maker.js';
import type { Style } from './style.js';
import { withArticle } from './text.js';

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
  /** True when this is the persona's first reply of the session. */
  firstTurn: boolean;
  /** Earlier persona replies, to avoid reusing the profile's greeting. */
  personaReplies: readonly string[];
  userText: string;
}

const WEIGHTS: Partial<Record<Intent, KindWeights>> = {
  price: { objection: 4, painPoint: 1.2, buying: 1.2, value: 1, motivation: 0.6 },
  pitch: { motivation: 2, painPoint: 2, objection: 2, goal: 1, value: 1 },
  complaint: { painPoint: 3, challenge: 3, objection: 0.8 },
  goals: { goal: 3, motivation: 2.5, value: 1 },
  values: { value: 3, motivation: 1.5, attitude: 1.2 },
  decision: { buying: 3, objection: 1.5, value: 1.5, communication: 0.8 },
  introduction: { background: 3, value: 1.5, motivation: 1, interest: 1, lifestyle: 1 },
  life: { challenge: 2.5, lifestyle: 2.5, background: 2, painPoint: 1, interest: 1 },
};
const LEISURE = /\b(hobb|weekend|spare time|free time|outside (of )?work|fun)/i;
const NEGATIVE_KINDS = new Set<FactKind>(['painPoint', 'objection', 'challenge']);
const NEGATIVE_QUESTION = /\b(struggl|worr|hate|problem|frustrat|concern|annoy|difficult|hard|afraid|stress|bother)/i;

/** "a CFO in manufacturing", "a teacher", "in retail", or nothing. */
export function roleOf(identity: Identity): string | undefined {
  const { occupation, industry } = identity;
  if (occupation && industry && !occupation.toLowerCase().includes(industry.toLowerCase())) return `${withArticle(occupation)} in ${industry}`;
  if (occupation) return withArticle(occupation);
  return industry ? `working in ${industry}` : undefined;
}

function identitySentence(identity: Identity): string {
  const parts = [identity.callName];
  if (identity.age && /^\d+$/.test(identity.age)) parts.push(identity.age);
  const role = roleOf(identity);
  if (role) parts.push(role);
  if (identity.location) parts.push(`based in ${identity.location}`);
  return `I'm ${parts.join(', ')}.`;
}

/** Something the persona is happy to talk about, as a noun phrase: a passion, an interest, a worry. */
export function steerTopic(ctx: AnswerContext): string | undefined {
  const passion = ctx.rng.pick(ctx.style.passions);
  if (passion) return passion.replace(/[.!]+$/, '');
  // Only noun or verb phrases fit "what I do think about a lot is ...".
  const [fact] = ctx.picker.pick({ interest: 2, goal: 1.5, motivation: 1, painPoint: 1 }, 1, {
    accept: (f) => f.spoken.form === 'phrase' || f.spoken.form === 'action',
  });
  if (!fact) return undefined;
  return fact.spoken.form === 'action' ? `how to ${fact.spoken.text}` : fact.spoken.text;
}

function factSentences(ctx: AnswerContext, facts: readonly Fact[]): string[] {
  return facts.map((f) => ctx.say.fact(f));
}

function byWeights(ctx: AnswerContext, intent: Intent, count: number): string[] {
  const weights = WEIGHTS[intent];
  if (!weights || count <= 0) return [];
  return factSentences(ctx, ctx.picker.pick(weights, count, { cue: FACT_CUES[intent] }));
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
  const ownGreeting = style.greeting && !ctx.personaReplies.some((r) => r.includes(style.greeting!)) ? style.greeting : undefined;
  body.push(ownGreeting && ctx.firstTurn ? ownGreeting : ctx.say.line(L.GREETINGS, { name: identity.callName, role: roleOf(identity) }));
  if (ctx.budget >= 2 && !/\?\s*$/.test(body[0]!)) body.push(ctx.say.line(L.GREETING_INVITES));
  return body;
}

function introduction(ctx: AnswerContext): string[] {
  const body = [identitySentence(ctx.identity)];
  body.push(...byWeights(ctx, 'introduction', ctx.budget - 1));
  if (body.length === 1 && ctx.budget >= 2) body.push(ctx.say.line(L.GENERIC.introduction!));
  if (ctx.budget >= 3 && ctx.identity.quote && ctx.rng.chance(0.5)) body.push(`As I like to say, "${ctx.identity.quote}."`);
  return body;
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
  if (picked.length > 1) body.push(ctx.say.line(['Mostly {x}.', 'You would find me on {x}, mostly.', '^I rely primarily on {x}.', '~{X}, pretty much.'], { x: joinChannelList(picked) }));
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
  const topic = ctx.detected.topic;
  const body = [topic ? ctx.say.line(L.NO_VIEW, { topic }) : ctx.say.line(L.UNKNOWN_VAGUE)];
  if (ctx.budget >= 2) body.push(...factSentences(ctx, ctx.picker.pick({ attitude: 2, value: 1.5 }, 1)));
  return body;
}

/** An honest "I don't know", in character, then back to what the persona does care about. */
function unknown(ctx: AnswerContext): string[] {
  const topic = ctx.detected.topic;
  const body = [topic ? ctx.say.line(L.UNKNOWN_TOPIC, { topic }) : ctx.say.line(L.UNKNOWN_VAGUE)];
  const steer = steerTopic(ctx);
  if (steer && ctx.budget >= 1) body.push(ctx.say.line(L.STEER, { x: steer }));
  return body;
}

function topic(ctx: AnswerContext): string[] {
  const facts = ctx.picker.relevant(ctx.budget);
  return facts.length > 0 ? factSentences(ctx, facts) : unknown(ctx);
}

function pitch(ctx: AnswerContext): string[] {
  // React like a buyer: first what would make it useful to me, then what would stop me.
  const hook = ctx.picker.pick({ painPoint: 2, motivation: 2, goal: 1.5 }, 1, { cue: FACT_CUES.pitch });
  const doubt = ctx.budget >= 2 ? ctx.picker.pick({ objection: 3 }, 1) : [];
  const rest = ctx.picker.pick(WEIGHTS.pitch!, Math.max(0, ctx.budget - hook.length - doubt.length));
  return orGeneric(ctx, 'pitch', factSentences(ctx, [...hook, ...doubt, ...rest]));
}

export function answer(intent: Intent, ctx: AnswerContext): string[] {
  switch (intent) {
    case 'greeting':
      return greeting(ctx);
    case 'introduction':
      return introduction(ctx);
    case 'life':
      return life(ctx);
    case 'channels':
      return channels(ctx);
    case 'pitch':
      return pitch(ctx);
    case 'price':
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
