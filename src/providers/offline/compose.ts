import type { ChatTurn } from '../../core/messages.js';
import type { ChatProfile, Persona } from '../../persona/schema.js';
import { answer, followUp, steerTopic, unknown, type AnswerContext } from './answers.js';
import { applyEmoji, applyExpressiveness, numberedPoints, capLength } from './decorate.js';
import { FactPicker } from './fact-picker.js';
import { extractFacts, type PersonaFacts } from './facts.js';
import { FactMemory, normalizeForMatch, readConversation } from './history.js';
import { detectIntent, type DetectedIntent, type Intent } from './intents.js';
import * as L from './lines.js';
import { Random, replySeed } from './random.js';
import { SentenceMaker } from './sentence-maker.js';
import { applyRegister, resolveStyle, sentenceBudget, type Style } from './style.js';
import { capitalize, cleanFact, contentStems, lowerFirst } from './text.js';
import { topicAskedAbout } from './topic-match.js';
import { avoidedTopicAsked } from './avoided-topic.js';
import { admitsNotKnowing, dropRepeatedHedges } from './hedges.js';
import { tidyPunctuation } from './punctuation.js';
import { focusOf, rankFacts } from './retrieval.js';
import { linesFor } from './filler.js';
import { answerFromFacts } from './retrieved-answer.js';
import { withoutCourtesy } from './courtesy.js';
import { writtenInAnotherScript } from './language.js';

// One reply, start to finish: read the conversation, decide what was asked, gather the facts that
// answer it (answers.ts), then frame them the way this persona talks: openers, pushback, asides,
// signature phrases, questions back, layout and emoji.

export interface ComposeInput {
  persona: Persona;
  profile?: Partial<ChatProfile>;
  messages: readonly ChatTurn[];
  /**
   * The system prompt. A chat that showed the persona's greeting says so there (the greeting is
   * never a turn of the request), and the persona must not open with it a second time.
   */
  system?: string;
  seed?: number;
  maxOutputTokens?: number;
}

/** Parsing a persona is cheap but not free; a session sends the same persona object every turn. */
const factCache = new WeakMap<Persona, PersonaFacts>();
function factsOf(persona: Persona): PersonaFacts {
  let facts = factCache.get(persona);
  if (!facts) {
    facts = extractFacts(persona);
    factCache.set(persona, facts);
  }
  return facts;
}

const SOCIAL: ReadonlySet<Intent> = new Set(['greeting', 'thanks', 'goodbye']);
/** Where a sceptic pushes back: being sold to. */
const CHALLENGEABLE: ReadonlySet<Intent> = new Set(['price', 'pitch', 'decision', 'persuade']);
/** Answers that are a set of separate points; introductions and small talk stay prose. */
const LISTABLE: ReadonlySet<Intent> = new Set([
  'price',
  'persuade',
  'complaint',
  'goals',
  'values',
  'decision',
  'opinion',
  'topic',
  'followup',
]);

/** Intents whose template would otherwise answer a question about something the file never mentions. */
const NAMED_SUBJECT_INTENTS: ReadonlySet<Intent> = new Set(['complaint', 'goals', 'values', 'decision', 'life']);

/** A short question pointing back ("what about that?", "would it help?") continues the conversation. */
const POINTS_BACK = /\b(it|that|this|those|them|then)\b/i;

/** "why?" and "tell me more" continue the previous question's subject. */
function resolveIntent(detected: DetectedIntent, userText: string, previousUserTexts: readonly string[]): Intent {
  const { primary } = detected;
  const pointsBack = primary === 'topic' && !detected.topic && POINTS_BACK.test(userText) && userText.split(/\s+/).length <= 10;
  if (primary !== 'followup' && !pointsBack) return primary;
  for (const text of previousUserTexts) {
    const earlier = detectIntent(text).primary;
    if (earlier !== 'followup') return SOCIAL.has(earlier) ? 'topic' : earlier;
  }
  return 'topic';
}

/** A topic as said mid-sentence: "arabic poetry" would lose the capital the file gave it. */
function quoted(topic: string | undefined, properNouns: ReadonlySet<string>): string | undefined {
  return topic === undefined ? undefined : lowerFirst(cleanFact(topic), properNouns);
}

/** A catchphrase as a sentence of its own: capitalised, ending in exactly one mark. */
function asSentence(phrase: string): string {
  const cleaned = capitalize(cleanFact(phrase).replace(/[?!]+$/, ''));
  const mark = phrase.trim().match(/[.!?]$/)?.[0] ?? '.';
  return `${cleaned}${mark}`;
}

/** "Can I own it outright?" is about a product: it belongs in answers to a pitch or a price, not a hello. */
function fitsIntent(signature: string, intent: Intent): boolean {
  // "What's the payback, in months?" is a buyer's question too: after "Hello, I'm Diane" it is a non sequitur.
  const aboutAnOffer = /\b(it|this|that|your|you)\b/i.test(signature) || /\?\s*$/.test(signature);
  return !aboutAnOffer || CHALLENGEABLE.has(intent) || intent === 'persuade';
}

interface Framing {
  lead: string[];
  tail: string[];
  mood: string[];
}

/** Personality around the substance: each piece appears only as often as the profile says. */
function frame(
  intent: Intent,
  style: Style,
  budget: number,
  ctx: AnswerContext,
  recent: readonly string[],
  hasLead: boolean,
  personaKey: string,
): Framing {
  const { say, rng } = ctx;
  // This persona's own few asides; the whole list only when none of them suits its register.
  const own = (lines: readonly string[]): string => say.line(linesFor(lines, personaKey, 3)) || say.line(lines);
  const framing: Framing = { lead: [], tail: [], mood: [] };
  if (budget < 2 || SOCIAL.has(intent)) return framing;
  if (hasLead || intent === 'pitch') {
    // A pitch is answered with its verdict first: "Okay, I'm curious. Not as it stands." contradicts itself.
    // One opener is plenty: a follow-up lead or a passion already started the reply.
  } else if (style.warmth >= 0.6 && rng.chance(style.warmth * 0.7)) {
    framing.lead.push(say.line([...(L.WARM_OPENERS[intent] ?? []), ...L.WARM_OPENERS.any]));
  } else if (style.directness >= 0.7 && style.warmth < 0.5 && (LISTABLE.has(intent) || CHALLENGEABLE.has(intent)) && rng.chance(0.3)) {
    framing.lead.push(say.line(L.BLUNT_OPENERS));
  }
  if (style.skepticism >= 0.55 && CHALLENGEABLE.has(intent) && rng.chance(style.skepticism)) {
    framing.tail.push(say.line([...(L.PUSHBACK[intent] ?? []), ...L.PUSHBACK.any]));
  }
  if (style.humor >= 0.4 && rng.chance(style.humor * 0.5)) {
    framing.tail.push(own(L.HUMOR));
    framing.mood.push(...L.HUMOR_EMOJI);
  }
  if (style.directness < 0.35 && rng.chance(0.5)) framing.tail.push(own(L.HEDGES));
  const signature = rng.pick(style.signaturePhrases.filter((p) => fitsIntent(p, intent)));
  const saidRecently = signature !== undefined && recent.some((r) => r.includes(normalizeForMatch(signature)));
  // A catchphrase lands best as a closer, and only now and then.
  if (signature && !saidRecently && rng.chance(0.3)) framing.tail.push(asSentence(signature));
  // One question back is enough: a catchphrase that is itself a question already ends the turn.
  const endsAsking = framing.tail.some((t) => /\?\s*$/.test(t));
  if (rng.chance(style.questionRate) && !endsAsking)
    framing.tail.push(say.line([...(L.QUESTIONS_BACK[intent] ?? []), ...L.QUESTIONS_BACK.any]));
  // Pushback, joke, catchphrase and a question all at once would bury the answer: keep the first and the last.
  if (framing.tail.length > 2) framing.tail = [framing.tail[0]!, framing.tail[framing.tail.length - 1]!];
  return framing;
}

export function composeReply(input: ComposeInput): string {
  const conversation = readConversation(input.messages);
  const { identity, facts, properNouns } = factsOf(input.persona);
  const style = resolveStyle(input.profile, input.maxOutputTokens);
  const rng = new Random(replySeed(input.seed, conversation.priorText, conversation.userText));
  const detected = detectIntent(conversation.userText);
  // "please" and "thanks" are no subject: matched as words, they would point at facts about nothing.
  const asked = withoutCourtesy(conversation.userText);
  const intent = resolveIntent(detected, asked, conversation.previousUserTexts);
  const userStems = contentStems(asked);
  const passion = SOCIAL.has(intent) ? undefined : quoted(topicAskedAbout(style.passions, asked), properNouns);
  // A passion makes them talk a little more than usual.
  const budget = sentenceBudget(style, rng) + (passion ? 1 : 0);
  const say = new SentenceMaker(style.register, rng, conversation.personaReplies);
  const picker = new FactPicker(facts, userStems, new FactMemory(conversation.personaReplies), rng, style.temperature);
  const ctx: AnswerContext = {
    identity,
    picker,
    say,
    style,
    rng,
    detected,
    budget,
    properNouns,
    firstTurn: conversation.personaReplies.length === 0,
    personaReplies: conversation.personaReplies,
    greeted: Boolean(style.greeting && input.system?.includes(`You opened it with this message:\n${style.greeting.trim()}`)),
    userText: asked,
  };

  // At most one opener ("Here's the thing.", "Oh, now you're talking!"): two in a row read like a template.
  let opener: string | undefined;
  let body: string[];
  const avoided = quoted(avoidedTopicAsked(style.avoids, asked, identity, facts), properNouns);
  const mood: string[] = [];
  const asksWhy = detected.primary === 'followup' && /^(why|how come)\b/i.test(asked);
  if (avoided) {
    // A topic they avoid is declined, then the talk is steered to something they do like.
    const steer = steerTopic(ctx);
    body = [say.line(L.DEFLECTS, { x: avoided }), ...(steer ? [say.line(L.STEER, { x: steer })] : [])];
  } else {
    const focus = focusOf(asked);
    const ranked = rankFacts(facts, focus);
    const fromFacts = detected.primary === 'followup' ? undefined : answerFromFacts(intent, ctx, ranked);
    // "What frustrates you about your bank?" with nothing about a bank in the file: say so, rather
    // than list every other frustration as if it answered the question.
    const missedNamedSubject =
      detected.topic !== undefined && focus.subject.size > 0 && ranked.length === 0 && NAMED_SUBJECT_INTENTS.has(intent);
    body = fromFacts ?? (missedNamedSubject ? unknown(ctx) : detected.primary === 'followup' ? followUp(intent, ctx) : answer(intent, ctx));
    if (passion) {
      // After a yes/no verdict ("Yes. Skincare is something I could talk about all day."), else first.
      body.splice(intent === 'yesno' ? 1 : 0, 0, say.line(L.PASSION_LINE, { x: passion }));
      if (budget >= 2) opener = say.line(L.PASSION_LIGHTS_UP);
      mood.push(...L.PASSION_EMOJI);
    }
    // "Why not?" is answered with "Mostly because...", which is its own lead-in.
    if (detected.primary === 'followup' && !asksWhy && budget >= 2) opener ??= say.line(L.FOLLOWUP_LEADS);
  }
  const hello = detected.greeted && intent !== 'greeting' && ctx.firstTurn ? say.line(L.PASSING_HELLO) : undefined;
  body = [...new Set(body.filter(Boolean))].slice(0, Math.max(1, budget));

  const recent = conversation.personaReplies.slice(-2).map(normalizeForMatch);
  // A question the engine could not read gets only the request to ask again: no opener, joke or question back.
  const unread = writtenInAnotherScript(asked) && picker.takenCount === 0;
  if (unread) opener = undefined;
  const framing =
    budget >= 2 && !avoided && !unread
      ? frame(intent, style, budget, ctx, recent, opener !== undefined, input.persona.id || identity.name)
      : { lead: [], tail: [], mood: [] };
  if (!asksWhy) opener ??= framing.lead[0];
  // "I'll be direct. Honestly, I don't know much about that." dresses up an admission: it goes plain.
  if (admitsNotKnowing(body[0])) opener = undefined;
  const numbered = style.structure >= 0.6 && body.length >= 2 && LISTABLE.has(intent) && !asksWhy && picker.takenCount >= 2;
  // A list gets its own lead-in ("A few things:") instead of, not after, a spoken opener.
  const opening = [hello, numbered ? say.line(L.LIST_LEADS) : opener].filter((x): x is string => Boolean(x));
  const text = numbered
    ? // A closing line right under the list would render as part of its last item: a blank line ends the list.
      [[opening.join(' '), numberedPoints(body)].filter(Boolean).join('\n'), framing.tail.join(' ')].filter(Boolean).join('\n\n')
    : [...opening, ...body, ...framing.tail].join(' ');

  let reply = applyRegister(text, style.register);
  reply = applyExpressiveness(reply, style, rng);
  reply = capLength(reply, style.maxOutputTokens);
  reply = applyEmoji(reply, style, intent, identity, rng, [...mood, ...framing.mood]);
  return tidyPunctuation(
    dropRepeatedHedges(reply)
      .replace(/[ \t]+\n/g, '\n')
      .replace(/ {2,}/g, ' ')
      .trim(),
  );
}
