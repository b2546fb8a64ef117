import { describe, expect, it } from 'vitest';
import { asksWhereTheyLive } from '../../src/providers/offline/recall/where-they-live.js';
import { interview, personaFrom, shipped } from './offline-shipped-support.js';

// "Where do you live?" is no interview topic: it got "Honestly? No idea." from people whose file
// gives their location. The location answers, asked again it is pointed back to; a file with no
// location field answers from a sentence that says where they live.

describe('where the person lives', () => {
  it('is told from the ways of asking it', () => {
    for (const q of ['Where do you live?', 'Where are you based?', "Where's home for you?", 'What city do you live in?'])
      expect(asksWhereTheyLive(q), q).toBe(true);
    expect(asksWhereTheyLive('Where do you buy your fabric?')).toBe(false);
  });

  it('is the location, and asked again, the location pointed back to', async () => {
    const [first, again] = await interview(shipped('lagos-shop-owner'), ['Where do you live?', 'Sorry, where are you based?']);
    expect(first).toMatch(/^(?:I live in|Home is) Lagos, Nigeria \(shop on Lagos Island, home in Surulere\)\.$/);
    expect(again).toMatch(/^(?:Like I said|As I mentioned), I live in Lagos, Nigeria/);
  });

  it('is a sentence of the description when a card has no location field', async () => {
    const card = personaFrom('tam', {
      name: 'Tam McAllister',
      customInputs: { background: 'Tam is a retired bus driver. He lives in Govan, Glasgow, with his wife.' },
    });
    const [reply] = await interview(card, ['Where do you live?']);
    expect(reply).toMatch(/I live in Govan, Glasgow/);
    // A place with no capital: a card's "lives in a glade at the heart of the forest".
    const guardian = personaFrom('seraphina', {
      name: 'Seraphina',
      customInputs: { background: 'She is the guardian of the forest. She lives in a glade at its heart.' },
    });
    expect((await interview(guardian, ['Where do you live?']))[0]).toMatch(/I live in a glade at its heart/);
  });
});
