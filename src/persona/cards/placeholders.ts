import type { Persona } from '../schema.js';
import { cardText } from './namespace.js';

// Card text speaks of `{{char}}` and `{{user}}` (and the V1 spellings `<BOT>` and `<USER>`); every
// front end fills them in before the model sees the text. Matching is case-insensitive because
// cards in the wild write `{{Char}}` and `{{USER}}` too.

export interface Names {
  char: string;
  user: string;
}

/** Who the person at the keyboard is called when nothing says otherwise (the common front-end default). */
export const DEFAULT_USER_NAME = 'User';

export function fillPlaceholders(text: string, names: Names): string {
  return text.replace(/\{\{char\}\}|<BOT>/gi, () => names.char).replace(/\{\{user\}\}|<USER>/gi, () => names.user);
}

/** `{{original}}` in a card's system prompt or post-history instructions stands for ours. */
export function fillOriginal(text: string, original: string): string {
  return text.replace(/\{\{original\}\}/gi, () => original);
}

/** `{{char}}` is the V3 nickname when there is one, else the name. */
export function namesFor(persona: Persona, user: string = DEFAULT_USER_NAME): Names {
  const nickname = cardText(persona.data, 'nickname');
  return { char: nickname && nickname.trim() ? nickname.trim() : persona.name, user };
}
