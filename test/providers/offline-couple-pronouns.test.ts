import { describe, expect, it } from 'vitest';
import { withCouplePronouns } from '../../src/providers/offline/recall/couple-pronouns.js';

// A card's third-person description of a person and their partner: "they" for the two of them is
// "we" when the person speaks, and "She and her wife Siobhán" is "Her wife Siobhán and she" (then
// "My wife Siobhán and I" in the first person); a "they" that may be anyone else stays.

describe('the pair in a card description', () => {
  it('"They"/"Their" after the pair, through sentences that keep to them', () => {
    expect(
      withCouplePronouns([
        'She and her wife Siobhán have run Saltmarsh Brewing since 2015.',
        'Fiona brews; Siobhán handles the books.',
        'They take home about €48,000 a year between them.',
        'Their biggest bills are electricity and rent.',
        'Fiona has been homebrewing for 12 years, and they bought their brewhouse in Cork.',
      ]),
    ).toEqual([
      'Her wife Siobhán and she have run Saltmarsh Brewing since 2015.',
      'Fiona brews; Siobhán handles the books.',
      'We take home about €48,000 a year between us.',
      'Our biggest bills are electricity and rent.',
      'Fiona has been homebrewing for 12 years, and we bought our brewhouse in Cork.',
    ]);
  });

  it('leaves "they" that may be somebody else', () => {
    const texts = [
      ['Their son lives with his wife in York.', 'They come at Christmas.'],
      ['She lives with her husband Tom.', 'Her parents live nearby.', 'They visit every Sunday.'],
      ['She lives with her partner Sam, though her kids say they want to move back.'],
      ['The neighbours are students.', 'They play loud music.'],
    ];
    for (const sentences of texts) expect(withCouplePronouns(sentences)).toEqual(sentences);
  });
});
