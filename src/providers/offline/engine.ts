import type { ChatTurn } from '../../core/messages.js';
import type { ChatProfile, Persona } from '../../persona/schema.js';
import { writtenInAnotherScript } from './language.js';
import { Random, replySeed } from './random.js';
import { recall } from './recall/index.js';
import { realize } from './realize/index.js';
import { understand, type Understanding } from './understand/index.js';
import { BUYING_TOPICS } from './understand/intents.js';
import { opinionSubject } from './understand/opinion-subject.js';
import { namesTheirProduct } from './understand/their-product.js';
import { workLeft } from './understand/leaving-work.js';
import { asksIncome } from './recall/income-question.js';
import { asksHowLong } from './recall/duration-sentence.js';
import { contentStems, words } from './understand/words.js';
import { rankFacts } from './recall/index.js';
import { factsOf } from './recall/persona-facts.js';

// One reply in three stages: understand the message, recall what this person knows and has said,
// realize it in their voice. The dialogue state is rebuilt from `messages` every turn, so the
// engine holds nothing between requests.

export interface ComposeInput {
  persona: Persona;
  profile?: Partial<ChatProfile>;
  messages: readonly ChatTurn[];
  /** The system prompt: a chat that already showed the greeting says so there. */
  system?: string;
  seed?: number;
  maxOutputTokens?: number;
  /** Where the first-person phrasebook is kept between runs (see realize/phrasebook.ts). */
  cacheDir?: string;
}

const OTHER_SCRIPT: Record<'formal' | 'casual', string> = {
  formal: "I'm sorry, I can only read English here. Could you ask me that in English?",
  casual: 'Sorry, I can only read English here. Could you ask me in English?',
};

/** A question of three words or more: "Do you cook?" asks something, "Hm, okay." does not. */
function asksAboutSomething(text: string): boolean {
  return /\?\s*$/.test(text) && words(text).length >= 3;
}

export async function composeReply(input: ComposeInput): Promise<string> {
  const profile = input.profile ?? {};
  const last = input.messages.at(-1);
  const userText = last?.role === 'user' ? last.content : '';
  const history = input.messages.slice(0, -1).map((m) => (typeof m.content === 'string' ? m.content : String(m.content ?? '')));
  const random = new Random(replySeed(input.seed, history, userText));
  let understood: Understanding;
  if (writtenInAnotherScript(userText)) {
    // A question in another script is not understood, unless it names something in Latin letters
    // the file talks about ("授業でChromebookを使いますか？"): then that is what it is about.
    const named = contentStems((userText.match(/\p{Script=Latin}{3,}/gu) ?? []).join(' '));
    const known = named.length > 0 && rankFacts(factsOf(input.persona), undefined, named).length > 0;
    if (!known) return OTHER_SCRIPT[(profile.formality ?? 0.5) >= 0.55 ? 'formal' : 'casual'];
    understood = { kind: 'unknown', intent: 'unknown', keywords: named, score: 0 };
  } else understood = await understand(userText);
  // "How do you feel about remote work?": a view on remote work, not a question about this person's
  // work. The phrase is the subject: what the file says of it (a line on remote work) answers, and
  // when the file knows nothing of its other words ("gig"), the reply says so rather than describe
  // the job, or answer from what the file says of work in general.
  if (understood.kind === 'topic' && understood.topic && understood.score < 1) {
    const subject = opinionSubject(userText, understood.topic);
    if (subject) {
      const facts = factsOf(input.persona);
      const modifiers = subject.slice(0, -1);
      const known = modifiers.every((s) => rankFacts(facts, undefined, [s], 1).length > 0);
      understood = { kind: 'unknown', intent: 'unknown', keywords: known ? subject : modifiers, score: 0 };
    }
  }
  // "Would you recommend our product?": what would win this person over, said after "I haven't used
  // it" (realize/index.ts), unless the question is on a buying topic already (its price, a trial).
  if (namesTheirProduct(userText) && understood.kind !== 'meta' && !(understood.topic && BUYING_TOPICS.has(understood.topic))) {
    understood = { kind: 'topic', intent: 'buy-triggers', topic: 'buy-triggers', keywords: understood.keywords, score: understood.score };
  }
  // "What would make you leave nursing?": what wears on them at work, not a product's deal-breakers.
  // The words naming the work go: "job" would pick the answer that describes the job.
  const work = understood.kind === 'meta' ? undefined : workLeft(userText, input.persona.data.baseSelection?.occupation);
  if (work) {
    const keywords = understood.keywords.filter((k) => !work.includes(k));
    understood = { kind: 'topic', intent: 'frustrations', topic: 'frustrations', keywords, score: understood.score };
  }
  // "How long is your commute?": "long" is the question's form, not its subject ("I hate long contracts").
  if (asksHowLong(userText)) understood = { ...understood, keywords: understood.keywords.filter((k) => k !== 'long') };
  // "Is your income enough?": on money at home, once the income itself was said (realize/index.ts).
  if ((understood.kind === 'unknown' || (understood.kind === 'follow-up' && !understood.topic)) && asksIncome(userText)) {
    understood = { kind: 'topic', intent: 'money-at-home', topic: 'money-at-home', keywords: understood.keywords, score: understood.score };
  }
  // "And?", "Hm.", "Makes sense.": too little to place, so it asks to go on with the thread. A
  // question of several words about one thing ("Do you like jazz?", "What about crypto?") asks about
  // that thing, even when the file never mentions it: going on with the last answer would ignore it.
  if (understood.kind === 'unknown' && understood.keywords.length <= 1 && input.messages.length > 1 && !asksAboutSomething(userText)) {
    understood = { ...understood, kind: 'follow-up', intent: 'more' };
  }
  const memory = recall(input.persona, understood, input.messages, profile.signaturePhrases ?? []);
  // The chat says in the system prompt when it showed the greeting (src/persona/opening-context.ts).
  const greetingShown =
    profile.greeting !== undefined && (input.system ?? '').includes(`You opened it with this message:\n${profile.greeting.trim()}`);
  return realize(
    { persona: input.persona, profile, understood, memory, random, greetingShown, cacheDir: input.cacheDir, question: userText },
    input.maxOutputTokens,
  );
}
