import type { Fact, Identity } from './facts.js';
import { contentStems } from './text.js';
import { topicStems } from './topic-match.js';

// Declining a topic is a strong move, so it needs a question that is really about that topic. A
// hotel consultant who avoids "hotels designed for Instagram" still talks about hotels: a word the
// persona's own job, interests or other facts use does not, alone, point at the avoided topic.

/** What the persona's own life is made of, apart from the fact the avoided topic was taken from. */
function ownSources(topic: string, identity: Identity, facts: readonly Fact[]): Array<Set<string>> {
  const needle = topic.toLowerCase();
  const sources = [identity.occupation, identity.industry].filter((t): t is string => Boolean(t)).map((t) => contentStems(t));
  for (const fact of facts) if (!fact.raw.toLowerCase().includes(needle)) sources.push(fact.stems);
  return sources;
}

/**
 * True when the question is about `topic`: it shares a word of the topic that the persona's own
 * facts never use (the topic's first such word when it has more than two), or several of its
 * words that no single one of the persona's own facts holds together.
 */
export function asksAboutAvoided(topic: string, userText: string, identity: Identity, facts: readonly Fact[]): boolean {
  const stems = topicStems(topic);
  const asked = new Set(topicStems(userText));
  const shared = stems.filter((s) => asked.has(s));
  if (shared.length === 0) return false;
  if (stems.length === 1) return true;
  const sources = ownSources(topic, identity, facts);
  const own = (stem: string): boolean => sources.some((source) => source.has(stem));
  const distinctive = stems.filter((s) => !own(s));
  const sharedDistinctive = shared.filter((s) => distinctive.includes(s));
  if (sharedDistinctive.length > 0 && (distinctive.length <= 2 || sharedDistinctive.length >= 2 || sharedDistinctive[0] === distinctive[0]))
    return true;
  // "Which design hotels do you like?" is the persona's own interest, not "hotels designed for Instagram".
  return shared.length >= 2 && !sources.some((source) => shared.every((s) => source.has(s)));
}

/** The first of the persona's avoided topics the question is really about. */
export function avoidedTopicAsked(
  avoids: readonly string[],
  userText: string,
  identity: Identity,
  facts: readonly Fact[],
): string | undefined {
  return avoids.find((topic) => asksAboutAvoided(topic, userText, identity, facts));
}
