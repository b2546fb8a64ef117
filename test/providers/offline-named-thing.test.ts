import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { factsNaming, namedThings } from '../../src/providers/offline/recall/named-thing.js';
import { answer, personaFrom, shipped } from './offline-shipped-support.js';

// "Do you use M-Pesa?" is a tools question about one thing: when the topic's own answer does not
// name it and a fact of the file does, that fact answers. Words that say what kind of question it
// is (cue words), generic words and amounts name nothing.

/** A file nobody here shipped: its tools answer names no Trello; its background does. */
function bakery(): Persona {
  const data = {
    name: 'Marta Novak',
    baseSelection: { gender: 'Female', occupation: 'Bakery owner', location: 'Ljubljana, Slovenia' },
    customInputs: {
      background:
        'Marta runs a bakery with four staff. She plans the weekly bake on a Trello board her nephew set up in 2022, and orders flour by phone every Monday.',
    },
    generatedInsights: { painPoints: ['Flour prices keep rising', 'Staff call in sick on Saturdays'] },
    exampleDialogue: [{ user: 'What tools do you use?', persona: 'An old till, a notebook for the orders and my phone. Nothing fancy.' }],
  };
  return personaFrom('marta', data);
}

describe('a question about a thing the file names', () => {
  it('names the thing, not the kind of question or an amount', () => {
    expect(namedThings('Do you use Trello?')).toEqual(['trello']);
    expect(namedThings('How much would you pay a month for a tool that saved you two hours a week?')).toEqual([]);
    expect(namedThings('How do you decide whether to buy something new?')).toEqual([]);
  });

  it('answers "Do you use Trello?" from the fact that names Trello, not the tools answer that does not', async () => {
    const reply = await answer(bakery(), 'Do you use Trello?');
    expect(reply).toMatch(/Trello board/);
    expect(reply).not.toMatch(/old till/);
  });

  it('a price question about the thing keeps the price answer', async () => {
    const priced: Persona = {
      ...bakery(),
      data: { ...bakery().data, exampleDialogue: [{ user: 'What would you pay for it?', persona: 'Fifteen euros a month, no more.' }] },
    };
    expect(await answer(priced, 'How much would you pay for Trello?')).toMatch(/Fifteen euros a month/);
  });

  it('keeps the topic answer for the topic question, and when the thing is not in the file', async () => {
    expect(await answer(bakery(), 'What tools do you use?')).toMatch(/old till/);
    expect(factsNaming(bakery(), 'Do you use Asana?').facts).toEqual([]);
    // Not in the file: that she does not, then what she does use, from the topic's answer.
    expect(await answer(bakery(), 'Do you use Asana?')).toMatch(
      /^(?:Asana\? |Asana isn't|I can't say Asana|Can't say Asana)[^.]*\. An old till/,
    );
  });

  it('on a shipped persona: M-Pesa, which the tools answer leaves out, is answered from the fact that has it', async () => {
    const reply = await answer(shipped('kenya-dairy-farmer'), 'Do you use M-Pesa?');
    expect(reply).toMatch(/M-Pesa/);
    expect(reply).not.toMatch(/exercise book/);
  });

  it('a yes-or-no question about a habit the file names gets that habit without a price appended', async () => {
    const reply = await answer(shipped('single-parent'), 'Have you ever used buy now pay later?');
    expect(reply).toMatch(/buy-now-pay-later only in emergencies/);
    expect(reply).not.toMatch(/\$/);
  });
});
