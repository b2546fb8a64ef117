// What the offline engine is called and how it introduces itself: kept apart from the engine so
// front ends can show the notice without loading the engine.

export const OFFLINE_MODEL = 'persona-offline-1';

export const OFFLINE_NOTICE =
  'Offline engine: replies are composed locally from the persona file, no AI model. Set OPENAI_API_KEY or ANTHROPIC_API_KEY for a live model.';

const PROVIDER_LABELS = { openai: 'OpenAI', anthropic: 'Anthropic' } as const;

/**
 * The notice for someone who already has a key: the offline engine answers only because it was
 * chosen, so say how to switch (`/provider …` in the chat, `--provider …` on the command line)
 * instead of asking for a key they have set.
 */
export function offlineNotice(providersWithKeys: ReadonlyArray<'openai' | 'anthropic'>, how: 'command' | 'flag'): string {
  const first = providersWithKeys[0];
  if (!first) return OFFLINE_NOTICE;
  const switchTo = how === 'command' ? `/provider ${first}` : `--provider ${first}`;
  return `Offline engine: replies are composed locally from the persona file, no AI model. ${switchTo} answers with your ${PROVIDER_LABELS[first]} key.`;
}
