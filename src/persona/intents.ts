// Interview intent ids, shared by the authored exampleDialogue/stories in persona files and the
// offline engine that classifies questions into them. One list, so both sides agree on spelling.

/** What a question is about: the topics authored material is written for. */
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

/** Questions about what the persona just said. */
export const FOLLOW_UP_INTENTS = ['why', 'example', 'what-happened', 'how-much', 'really', 'more'] as const;

/** Questions about the conversation itself. */
export const META_INTENTS = ['are-you-ai', 'repeat', 'what-did-i-ask', 'greeting', 'thanks', 'goodbye'] as const;

export const INTENTS = [...TOPIC_INTENTS, ...FOLLOW_UP_INTENTS, ...META_INTENTS] as const;

export type TopicIntent = (typeof TOPIC_INTENTS)[number];
export type Intent = (typeof INTENTS)[number];

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}
