// The interview intents (shared with the persona files' exampleDialogue[].intent and
// stories[].intent; see docs/offline-engine.md) and the follow-up and meta kinds.

export const TOPIC_INTENTS = [
  'introduction',
  'work',
  'daily-routine',
  'weekend',
  'tools',
  'frustrations',
  'price',
  'spending',
  'money-at-home',
  'switching',
  'decision-makers',
  'information-sources',
  'trust',
  'ai-and-data',
  'family',
  'goals',
  'wishes',
  'worries',
  'values',
  'hobbies',
  'buy-triggers',
  'walk-away-triggers',
  'contact-preferences',
  'loved-purchase',
  'regretted-purchase',
  'learning-tools',
  'free-trials',
  'competitors',
  'non-negotiables',
  'anything-else',
] as const;
export type TopicIntent = (typeof TOPIC_INTENTS)[number];

export const FOLLOW_UPS = ['why', 'example', 'what-happened', 'how-much', 'really', 'more'] as const;
export type FollowUp = (typeof FOLLOW_UPS)[number];

export const META = ['are-you-ai', 'repeat', 'what-did-i-ask', 'greeting', 'thanks', 'goodbye'] as const;
export type Meta = (typeof META)[number];

export type Intent = TopicIntent | FollowUp | Meta | 'unknown';

export function isMeta(value: string | undefined): value is Meta {
  return value !== undefined && (META as readonly string[]).includes(value);
}

export function isTopicIntent(value: string | undefined): value is TopicIntent {
  return value !== undefined && (TOPIC_INTENTS as readonly string[]).includes(value);
}
