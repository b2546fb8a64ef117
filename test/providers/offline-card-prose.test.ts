import { describe, expect, it } from 'vitest';
import { factsOf } from '../../src/providers/offline/recall/persona-facts.js';
import { answer, interview, personaFrom } from './offline-shipped-support.js';

// A Character Card puts everything in one description, in the third person: "They" for the
// person and their partner, labels such as "Frustrations:", the income and the bills in passing.
// The engine reads them as the person would say them.

function driver() {
  return personaFrom('tam', {
    name: 'Tam McAllister',
    customInputs: {
      background:
        'Tam McAllister is 68, a retired bus driver from Govan. He lives with his wife Moira in a housing association flat; rent is £520 a month. His income is the state pension plus a First Bus pension, about £1,650 a month together. They have two grown children, Craig and Lorraine, whom they video call on Sundays on an iPad Lorraine sent them. Frustrations: the energy bills (about £140 a month), passwords. The neighbours are students. They play loud music.',
    },
  });
}

describe('the prose of a card', () => {
  it('"They" a sentence or two after the person and their partner is "we"; other people stay "they"', () => {
    const texts = factsOf(driver()).map((f) => f.text);
    expect(texts).toContain('We have two grown children, Craig and Lorraine, whom we video call on Sundays on an iPad Lorraine sent us.');
    expect(texts).toContain('They play loud music.');
  });

  it('a labelled sentence is a fact of the field its label names, without the label', () => {
    const frustration = factsOf(driver()).find((f) => f.text.startsWith('the energy bills'));
    expect(frustration?.field).toBe('dislikes');
    expect(factsOf(driver()).some((f) => f.text.startsWith('Frustrations:'))).toBe(false);
  });

  it('the income said in passing answers "What is your monthly income?"', async () => {
    expect(await answer(driver(), "What's your monthly income?")).toMatch(/state pension plus a First Bus pension, about £1,650 a month/);
  });

  it('asked again about what it said, it points back rather than claim not to know', async () => {
    const [family, again] = await interview(driver(), ['How many children do you have?', 'How often do you talk to Lorraine?']);
    expect(family).toMatch(/video call on Sundays/);
    expect(again).toMatch(/^(?:Like I said|As I mentioned), we have two grown children/);
  });
});
