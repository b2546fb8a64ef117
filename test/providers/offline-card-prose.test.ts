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

describe('the prose of a file about a business partner', () => {
  const vet = () =>
    personaFrom('gareth', {
      name: 'Gareth Pryce',
      baseSelection: {
        gender: 'Male',
        occupation: 'Rural veterinarian',
        location: 'Llandeilo, Wales',
        familyStatus: 'Married to Siân, a teacher',
      },
      customInputs: {
        background:
          'Gareth co-owns Tywi Valley Vets with one partner, Helen Morgan, since 2009. He decides purchases with his partner Helen; anything over £5,000 they both sign. He does one night in four on call.',
      },
    });

  it('"they both sign" after "with his partner Helen" is "we both sign"', () => {
    expect(factsOf(vet()).map((f) => f.text)).toContain('He decides purchases with his partner Helen; anything over £5,000 we both sign.');
  });

  it('a prefixed verb loses its third-person s: "I co-own", not "I co-owns"', async () => {
    const reply = await answer(vet(), 'Tell me about the business.');
    expect(reply).toMatch(/\bI co-own Tywi Valley Vets/);
  });

  it('a count said already is said again when asked for, and "how many" never gets a price', async () => {
    const [first, again, cows] = await interview(vet(), [
      'How many nights are you on call?',
      'Sorry, how many nights on call was it?',
      'How many cows do you own yourself?',
    ]);
    expect(first).toMatch(/one night in four on call/);
    expect(again).toMatch(/^(?:Like I said|As I mentioned), I do one night in four on call/);
    expect(cows).not.toMatch(/[£$€\d]|number on it|figures|payback|check/i);
    expect(cows!.length).toBeGreaterThan(10);
  });

  it('asked again who the partner is, the family status is pointed back to', async () => {
    const [, again] = await interview(vet(), ['Are you married?', 'What does Siân do?']);
    expect(again).toMatch(/^(?:Like I said|As I mentioned), I'm married to Siân, a teacher/);
  });
});
