import type { Persona } from '../schema.js';
import { cardNamespaceOf, cardText } from './namespace.js';
import { DEFAULT_USER_NAME, fillOriginal, fillPlaceholders, type Names } from './placeholders.js';

// What a card adds to the system prompt, by the card rules: its example dialogue (to show the
// voice), and its own `system_prompt`, which replaces ours and may include ours with
// `{{original}}`. `{{char}}`/`{{user}}` are filled in last, over the whole text. Creator notes,
// creator and version are never read here.

/** `{{char}}` is the V3 nickname when there is one, else the name. */
export function namesFor(persona: Persona, user: string = DEFAULT_USER_NAME): Names {
  const nickname = cardText(persona.data, 'nickname');
  return { char: nickname && nickname.trim() ? nickname.trim() : persona.name, user };
}

/** The example dialogue as a prompt section body, or '' when the card has none. */
export function exampleDialogueSection(persona: Persona): string {
  const examples = cardText(persona.data, 'mes_example')?.trim();
  if (!examples) return '';
  const blocks = examples
    .split(/^\s*<START>\s*$/im)
    .map((b) => b.trim())
    .filter(Boolean);
  return ['These exchanges show how you talk. Match their voice and length; never repeat them word for word.', ...blocks].join('\n\n');
}

/** Applies the card's system prompt (when it has one) and fills the placeholders. */
export function finishPrompt(persona: Persona, ours: string): string {
  const own = cardNamespaceOf(persona.data) ? cardText(persona.data, 'system_prompt')?.trim() : undefined;
  const text = own ? fillOriginal(own, ours) : ours;
  return fillPlaceholders(text, namesFor(persona));
}
