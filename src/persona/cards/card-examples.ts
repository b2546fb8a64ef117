import type { Persona } from '../schema.js';
import { cardText } from './namespace.js';
import { DEFAULT_USER_NAME, namesFor } from './placeholders.js';

// A card's `mes_example` as exchanges: blocks opened by <START>, each a run of "{{user}}: …" and
// "{{char}}: …" lines (or <USER>/<BOT>, or the character's name). The prompt sends the blocks as
// they are (card-prompt.ts); the offline engine reads the exchanges as the persona's own answers,
// as it reads a persona file's exampleDialogue.

/** The example dialogue's blocks, as written, without the <START> lines. */
export function cardExampleBlocks(persona: Persona): string[] {
  const examples = cardText(persona.data, 'mes_example')?.trim();
  if (!examples) return [];
  return examples
    .split(/^\s*<START>\s*$/im)
    .map((b) => b.trim())
    .filter(Boolean);
}

export interface CardExchange {
  user: string;
  persona: string;
}

/** Roleplay stage directions ("*smiles*", "*looks out at the sea*"): not words the person says. */
const ACTION = /\*[^*\n]{1,200}\*/g;

/** Each question of the example dialogue with the character's answer to it, in their order. */
export function cardExchanges(persona: Persona): CardExchange[] {
  // The chat's copy of a card has its placeholders filled already (chat-persona.ts): the names then.
  const { char } = namesFor(persona);
  const user = `\\{\\{user\\}\\}|<user>|${escapeRegExp(DEFAULT_USER_NAME)}`;
  const chars = `\\{\\{char\\}\\}|<bot>|${escapeRegExp(char)}|${escapeRegExp(persona.name)}`;
  const speaker = new RegExp(`^\\s*(?:(${user})|${chars})\\s*:\\s?(.*)$`, 'i');
  const exchanges: CardExchange[] = [];
  for (const block of cardExampleBlocks(persona)) {
    const turns: Array<{ user: boolean; text: string }> = [];
    for (const line of block.split('\n')) {
      const said = speaker.exec(line);
      if (said) turns.push({ user: said[1] !== undefined, text: said[2]! });
      else if (turns.length > 0) turns[turns.length - 1]!.text += `\n${line}`;
    }
    for (let i = 0; i + 1 < turns.length; i++) {
      if (!turns[i]!.user || turns[i + 1]!.user) continue;
      const question = spoken(turns[i]!.text, persona.name);
      const answer = spoken(turns[i + 1]!.text, persona.name);
      if (question && answer) exchanges.push({ user: question, persona: answer });
    }
  }
  return exchanges;
}

/** What is said aloud: placeholders filled, stage directions and wrapping quotes left out. */
function spoken(text: string, name: string): string {
  const said = text
    .replace(/\{\{char\}\}|<bot>/gi, name)
    .replace(/\{\{user\}\}|<user>/gi, 'you')
    .replace(ACTION, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const quoted = /^["“](.*)["”]$/.exec(said);
  return quoted && !/["“”]/.test(quoted[1]!) ? quoted[1]!.trim() : said;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
