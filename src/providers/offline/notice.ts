// What the offline engine is called and how it introduces itself: kept apart from the engine so
// front ends can show the notice without loading the engine.

export const OFFLINE_MODEL = 'persona-offline-1';

export const OFFLINE_NOTICE =
  'Offline engine: replies are composed locally from the persona file, no AI model. Set OPENAI_API_KEY or ANTHROPIC_API_KEY for a live model.';
