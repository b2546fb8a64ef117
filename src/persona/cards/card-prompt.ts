import type { Persona } from '../schema.js';
import { cardExampleBlocks } from './card-examples.js';
import { cardNamespaceOf, cardText } from './namespace.js';
import { fillOriginal, fillPlaceholders, namesFor } from './placeholders.js';

export { namesFor } from './placeholders.js';

// What a card adds to the prompt, by SillyTavern's rules: its example dialogue (to show the
// voice); its own `system_prompt`, which replaces our main instructions (the rules) and may
// include them with `{{original}}`, while description, personality and scenario are still sent;
// and its `post_history_instructions`, which replace our reminder after the history the same way.
// `{{char}}`/`{{user}}` are filled in last, over the whole text. Creator notes, creator and
// version are never read here.

/** The card's example dialogue as a prompt section body, or '' when the card has none. */
export function cardExampleDialogue(persona: Persona): string {
  const blocks = cardExampleBlocks(persona);
  if (blocks.length === 0) return '';
  return ['These exchanges show how you talk. Match their voice and length; never repeat them word for word.', ...blocks].join('\n\n');
}

/** The card's own system prompt in place of `ours` (the rules), or undefined when it has none. */
export function cardSystemPrompt(persona: Persona, ours: string): string | undefined {
  const own = cardNamespaceOf(persona.data) ? cardText(persona.data, 'system_prompt')?.trim() : undefined;
  return own ? fillOriginal(own, ours) : undefined;
}

/** The card's post-history instructions in place of our reminder (`{{original}}` is ours). */
export function cardPostHistory(persona: Persona, ours: string): string {
  const own = cardNamespaceOf(persona.data) ? cardText(persona.data, 'post_history_instructions')?.trim() : undefined;
  return own ? fillOriginal(own, ours) : ours;
}

export function fillCardPlaceholders(persona: Persona, text: string): string {
  return fillPlaceholders(text, namesFor(persona));
}
