import { contentStems, stem } from './text.js';

// Deciding that a question is "about" a topic the persona avoids or loves. Sharing any one word is
// far too loose: "What does a normal day look like?" shares "look" with "ads that look like ads",
// and a pitch for an "app" shares a word with "fintech apps that freeze accounts". Only words that
// carry the topic count, and a long topic needs more than one of them, or its headline word.

/** Words too common in questions and pitches to say what a topic is about. */
const GENERIC = new Set(
  (
    'look looks looking app apps thing things stuff day days time times use using used work working people person ' +
    'good bad new old big small normal typical usual everyday kind sort way lot need needs want wants make made ' +
    'tool tools product products service services feel feels life week weeks weekly month months monthly year years someone something ' +
    'anything everything nothing help able without with first last right wrong real really grow growing business'
  )
    .split(' ')
    .map(stem),
);

/** The content stems of a text that can tell one topic from another, in the order they appear. */
export function topicStems(text: string): string[] {
  return [...contentStems(text)].filter((s) => !GENERIC.has(s));
}

/**
 * True when `userStems` is about `topic`: a short topic (one or two telling words) needs one of
 * them; a longer one needs two, or its first telling word, which usually names it ("fintech").
 */
export function isAbout(topic: string, userStems: ReadonlySet<string>): boolean {
  const stems = topicStems(topic);
  if (stems.length === 0) return false;
  const shared = stems.filter((s) => userStems.has(s));
  if (shared.length === 0) return false;
  return stems.length <= 2 || shared.length >= 2 || shared[0] === stems[0];
}

/** The first of `topics` the user's words are about. */
export function topicAskedAbout(topics: readonly string[], userText: string): string | undefined {
  const userStems = new Set(topicStems(userText));
  return topics.find((t) => isAbout(t, userStems));
}
