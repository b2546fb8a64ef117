import { describe, expect, it } from 'vitest';
import { cardExchanges } from '../../src/persona/cards/card-examples.js';
import { personaForChat } from '../../src/persona/cards/chat-persona.js';
import { v2Defaults } from '../../src/persona/cards/card-types.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPersonaFile } from '../../src/persona/loader.js';
import type { Persona } from '../../src/persona/schema.js';
import { tempDir } from '../support/temp.js';
import { answer } from '../providers/offline-shipped-support.js';

// A card's example dialogue (mes_example) read as exchanges: the offline engine answers from them
// as it does from a persona file's exampleDialogue.

const card = {
  spec: 'chara_card_v2',
  spec_version: '2.0',
  data: {
    // The empty fields a V2 card carries, then this card's own.
    ...v2Defaults(),
    name: 'Maren Hale',
    description: '{{char}} keeps the lighthouse on Gull Point. Widowed, two grown sons in Bergen.',
    personality: 'terse, dry humour',
    scenario: '',
    first_mes: '"Shut the door. The wind takes the heat."',
    mes_example: [
      '<START>',
      '{{user}}: Do you ever get lonely out here?',
      '{{char}}: *snorts* Lonely? The radio talks more than most people.',
      "The ferry comes Tuesdays and Fridays, and that's company enough.",
      '<START>',
      "<USER>: What's the hardest part of the job?",
      '<BOT>: "Winter storms."',
      '{{user}}: Only that?',
    ].join('\n'),
  },
};

/** The card loaded as the CLI loads a card file. */
function loaded(): Persona {
  const file = join(tempDir(), 'maren.json');
  writeFileSync(file, JSON.stringify(card));
  return loadPersonaFile(file, 'user').persona;
}

describe('cardExchanges', () => {
  it('pairs each question with the answer that follows, without stage directions or wrapping quotes', () => {
    const persona = loaded();
    const expected = [
      {
        user: 'Do you ever get lonely out here?',
        persona: "Lonely? The radio talks more than most people. The ferry comes Tuesdays and Fridays, and that's company enough.",
      },
      { user: "What's the hardest part of the job?", persona: 'Winter storms.' },
    ];
    expect(cardExchanges(persona)).toEqual(expected);
    // The chat's copy has the placeholders filled with the names: the same exchanges.
    expect(cardExchanges(personaForChat(persona))).toEqual(expected);
  });
});

describe('the offline engine with a card', () => {
  it("answers from the card's example dialogue: the question it was written for, and what it mentions", async () => {
    const persona = personaForChat(loaded());
    expect(await answer(persona, 'Do you ever get lonely?')).toMatch(/The radio talks more than most people/);
    expect(await answer(persona, 'What about the ferry?')).toMatch(/^The ferry comes Tuesdays and Fridays/);
  });
});
