import { describe, expect, it } from 'vitest';
import { asksFamilyStatus } from '../../src/providers/offline/recall/family-question.js';
import { answer, interview, personaFrom, shipped } from './offline-shipped-support.js';

// "Do you have kids?" after the family status was said points back to it, where the family topic
// moved on to its next field; asked first, the topic answers as before (the person's own lines).

function photographer() {
  return personaFrom('ines', {
    name: 'Inês Carvalho',
    baseSelection: { gender: 'Female', occupation: 'Wedding photographer', familyStatus: 'Lives with her partner Rui; no children' },
    generatedInsights: { motivations: ['Destination weddings in the Douro valley'] },
  });
}

describe('a question about the family status asked again', () => {
  it('is told from the ways of asking it', () => {
    for (const q of ['Do you have kids?', 'Have you got any children?', 'Are you married?']) expect(asksFamilyStatus(q), q).toBe(true);
    expect(asksFamilyStatus('Do you have kids as customers?')).toBe(false);
    expect(asksFamilyStatus('Do your kids help in the shop?')).toBe(false);
  });

  it('points back to the status, not the next field of the family topic', async () => {
    const [, kids] = await interview(photographer(), ['Tell me about your family.', 'Do you have kids?']);
    expect(kids).toMatch(/^(?:Like I said|As I mentioned), I live with my partner Rui; no children/);
  });

  it("asked first, the person's own line still answers", async () => {
    expect(await answer(shipped('cfo'), 'Are you married?')).toMatch(/^Married a long time/);
  });
});
