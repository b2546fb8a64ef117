// The interview intents come from the persona format (src/persona/intents.ts), so the engine and
// the authored exampleDialogue[].intent / stories[].intent can never spell one differently; see
// docs/offline-engine.md. Here they get the engine's own names and its 'unknown'.
import { FOLLOW_UP_INTENTS, META_INTENTS, TOPIC_INTENTS, type TopicIntent } from '../../../persona/intents.js';

export { TOPIC_INTENTS, type TopicIntent };

export const FOLLOW_UPS = FOLLOW_UP_INTENTS;
export type FollowUp = (typeof FOLLOW_UPS)[number];

export const META = META_INTENTS;
export type Meta = (typeof META)[number];

export type Intent = TopicIntent | FollowUp | Meta | 'unknown';

export function isMeta(value: string | undefined): value is Meta {
  return value !== undefined && (META as readonly string[]).includes(value);
}

export function isTopicIntent(value: string | undefined): value is TopicIntent {
  return value !== undefined && (TOPIC_INTENTS as readonly string[]).includes(value);
}

/** The topics about buying: what a reply on them may link to, and where a question about "our product" stays. */
export const BUYING_TOPICS: ReadonlySet<TopicIntent> = new Set<TopicIntent>([
  'price',
  'switching',
  'buy-triggers',
  'walk-away-triggers',
  'competitors',
  'free-trials',
  'trust',
  'decision-makers',
  'regretted-purchase',
]);
