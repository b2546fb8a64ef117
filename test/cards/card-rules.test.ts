import { describe, expect, it } from 'vitest';
import { cardContextFor } from '../../src/persona/cards/card-context.js';
import { alternateGreetings, personaForChat } from '../../src/persona/cards/chat-persona.js';
import { importCardBytes } from '../../src/persona/cards/import-card.js';
import { combineContexts, greetingContextFor } from '../../src/persona/opening-context.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { buildSystemPrompt } from '../../src/persona/prompt.js';
import type { Persona } from '../../src/persona/schema.js';
import { personaFacts } from '../../src/providers/offline/recall/persona-facts.js';
import { cardJson, cardObject, LORE_TEXT } from './card-builders.js';

function cardPersona(card: Record<string, unknown>): Persona {
  const { persona } = importCardBytes(Buffer.from(JSON.stringify(card)), '/cards/c.json');
  return { id: persona.id, name: persona.name, data: persona, source: '/cards/c.json', origin: 'user' };
}
const withData = (version: 2 | 3, patch: Record<string, unknown>) => {
  const card = cardObject(version);
  return cardPersona({ ...card, data: { ...(card.data as object), ...patch } });
};
const promptOf = (p: Persona) => buildSystemPrompt(p, buildChatProfile(p.data)).text;
const SECRETS = ['SECRET-CREATOR-NOTE', 'SECRET-CREATOR-NAME', 'SECRET-VERSION-7', 'notes en français'];

describe('card rules in the system prompt', () => {
  it('uses the card system prompt in place of our rules, {{original}} standing for them, and fills {{char}}/{{user}}', () => {
    const text = promptOf(cardPersona(cardObject(2)));
    expect(text.startsWith('You are Seraphina, speaking with User. ## Rules\n- Stay Seraphina throughout.')).toBe(true);
    expect(text.match(/## Rules/g)).toHaveLength(1);
    expect(text).toContain('Seraphina is the guardian of the Eldoria forest');
    expect(text).toContain("User wakes up in Seraphina's glade");
    expect(text).not.toMatch(/\{\{(char|user|original)\}\}/i);
  });

  it('lets a card system prompt without {{original}} replace our rules, and still sends description and scenario', () => {
    const text = promptOf(withData(2, { system_prompt: 'Only {{char}} speaks here, to {{user}}.' }));
    expect(text.startsWith('Only Seraphina speaks here, to User.\n\nYou are Seraphina.')).toBe(true);
    expect(text).not.toContain('## Rules');
    expect(text).toContain('Seraphina is the guardian of the Eldoria forest');
    expect(text).toContain("## The conversation\nUser wakes up in Seraphina's glade");
  });

  it('keeps our prompt when the card has no system prompt', () => {
    const text = promptOf(withData(2, { system_prompt: '' }));
    expect(text.startsWith('You are Seraphina.')).toBe(true);
  });

  it('calls the character by its V3 nickname', () => {
    expect(promptOf(cardPersona(cardObject(3)))).toContain('Sera is the guardian');
  });

  it('puts the example dialogue in, without the <START> markers', () => {
    const text = promptOf(cardPersona(cardObject(2)));
    expect(text).toContain('## Example dialogue');
    expect(text).toContain('User: Who are you?\nSeraphina: I am Seraphina. I keep this forest safe.');
    expect(text).not.toContain('<START>');
  });

  it.each([2, 3] as const)('never lets creator notes, creator or version reach the prompt or the offline engine (V%i)', (version) => {
    const persona = cardPersona(cardObject(version));
    const text = promptOf(persona);
    const facts = JSON.stringify(personaFacts(personaForChat(persona)));
    for (const secret of SECRETS) {
      expect(text).not.toContain(secret);
      expect(facts).not.toContain(secret);
    }
  });
});

describe('card context per request', () => {
  const persona = personaForChat(cardPersona(cardObject(2)));
  // As the chat wiring composes it (src/cli/engine-setup.ts): the greeting, then the card's own context.
  const contextFor = combineContexts(greetingContextFor(persona), cardContextFor(persona))!;

  it('adds the opening message until the persona has spoken', () => {
    expect(contextFor([{ role: 'user', content: 'hi' }])).toContain(
      'You opened it with this message:\n*Seraphina kneels beside you.* You are safe now, User.',
    );
    expect(
      contextFor([
        { role: 'user', content: 'hi' },
        { role: 'persona', content: 'hello' },
        { role: 'user', content: 'ok' },
      ]) ?? '',
    ).not.toContain('You opened it');
  });

  it('inserts a lorebook entry when its key is mentioned, and not otherwise', () => {
    const lore = LORE_TEXT.replace('{{char}}', 'Seraphina');
    expect(contextFor([{ role: 'user', content: 'What is that amulet you wear?' }])).toContain(lore);
    expect(contextFor([{ role: 'user', content: 'What is that necklace you wear?' }])).not.toContain(lore);
  });

  it('puts the card post-history instructions after the history, {{original}} standing for our reminder', () => {
    const { postHistory } = buildSystemPrompt(persona, buildChatProfile(persona.data));
    expect(postHistory).toMatch(/^Stay gentle with User\. \(Reminder: you are Seraphina\./);
    expect(contextFor([{ role: 'user', content: 'hi' }])).not.toContain('Stay gentle');
  });

  it('lets card post-history instructions without {{original}} replace our reminder', () => {
    const own = personaForChat(withData(2, { post_history_instructions: 'Keep {{user}} calm.' }));
    expect(buildSystemPrompt(own, buildChatProfile(own.data)).postHistory).toBe('Keep User calm.');
  });

  it('adds nothing for our own personas', () => {
    expect(cardContextFor({ id: 'x', name: 'X', data: { name: 'X' }, source: '', origin: 'path' })).toBeUndefined();
  });

  it('offers the alternate greetings with placeholders filled', () => {
    expect(alternateGreetings(persona)).toEqual(['*Seraphina hums.* Back so soon, User?', 'The forest is quiet today.']);
  });

  it('chats with placeholders filled in persona fields, leaving the stored persona untouched', () => {
    const stored = cardPersona(JSON.parse(cardJson(2).toString()));
    expect(personaForChat(stored).data.chatProfile?.greeting).toBe('*Seraphina kneels beside you.* You are safe now, User.');
    expect(stored.data.chatProfile?.greeting).toContain('{{user}}');
  });
});
