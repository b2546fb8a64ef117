import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { answer, factsOnly, interview, shipped, SHIPPED } from './offline-shipped-support.js';

// Every bad reply quoted in issue 12, asked again: with the shipped files as they are, and with
// their authored lines removed (the path any user's own persona file takes).

const BOTH: Array<[string, (p: Persona) => Persona]> = [
  ['as shipped', (p) => p],
  ['facts only', factsOnly],
];

describe.each(BOTH)('issue 12 replies no longer happen (%s)', (_label, variant) => {
  it('"What worries you most about the next year?" is not a numbered list of years', async () => {
    for (const persona of SHIPPED) {
      const reply = await answer(variant(persona), 'What worries you most about the next year?');
      expect(reply).not.toMatch(/Here's how I see it|As for year|When it comes to|\b1\. /);
      expect(reply.length).toBeGreaterThan(30);
    }
  });

  it('"What does a typical weekday look like for you?" describes a day, not a hesitation', async () => {
    for (const persona of SHIPPED) {
      const reply = await answer(variant(persona), 'What does a typical weekday look like for you?');
      expect(reply).not.toMatch(/My hesitation|look like a scam|Why do you ask\?/);
      expect(reply).not.toMatch(/outside my world/i);
    }
  });

  it('"What made you switch?" is not answered with switching languages', async () => {
    const reply = await answer(variant(shipped('single-parent')), 'What made you switch?');
    expect(reply).not.toMatch(/switch between English and Spanish/);
  });

  it('the CFO, asked "What happened?" after being burned, tells about the abandoned system', async () => {
    const replies = await interview(variant(shipped('cfo')), ['Have you ever been burned by a product?', 'What happened?']);
    expect(replies[1]).not.toMatch(/do not know much about that|What I can speak to/);
    expect(replies.join(' ')).toMatch(/\$400,000/);
    expect(replies[1]!.length).toBeGreaterThan(20);
  });

  it('"What would you do with more free time?" never reads out a field label and a number', async () => {
    for (const persona of SHIPPED) {
      const reply = await answer(variant(persona), 'What would you do with more free time?');
      expect(reply).not.toMatch(/When it comes to|hours per day: /i);
    }
  });

  it('"What does a normal Tuesday look like for you?" is answered by every shipped persona', async () => {
    for (const persona of SHIPPED) {
      const reply = await answer(variant(persona), 'What does a normal Tuesday look like for you?');
      expect(reply).not.toMatch(/bit outside my world|outside my world/i);
      expect(reply.split(/\s+/).length).toBeGreaterThan(8);
    }
  });

  it('"Are you an AI?" is answered truthfully, in every persona', async () => {
    for (const persona of SHIPPED) {
      for (const question of ['Are you an AI?', 'Are you a bot?', 'Am I talking to a real person?']) {
        const reply = await answer(variant(persona), question);
        expect(reply).toMatch(/not a real person/);
        expect(reply).toMatch(/offline engine/);
        expect(reply).toContain(persona.name);
      }
    }
  });
});

describe('issue 12: facts are put in the first person or framed, never mangled', () => {
  const bistro: Persona = {
    id: 'bistro',
    name: 'Élodie Marchand',
    source: '(test)',
    origin: 'path',
    data: {
      name: 'Élodie Marchand',
      baseSelection: { gender: 'Female', occupation: 'Bistro owner', location: 'Lyon, France', income: '€3,800 a month' },
      customInputs: {
        goals: ['Open a second shop near the Croix-Rousse market'],
        screenTimeHoursPerDay: 1.5,
      } as Persona['data']['customInputs'],
      psychographics: { interests: ['Cycling along the Saône', 'Natural wine'] },
    },
  };

  it('"The goal right now: I\'m open a second shop" becomes a first-person sentence', async () => {
    const reply = await answer(bistro, 'What are your goals right now?');
    expect(reply).not.toMatch(/I'm open a second shop/);
    expect(reply).toMatch(/I want to open a second shop near the Croix-Rousse market\./);
  });

  it('an extra numeric field is not spoken as "label: value"', async () => {
    for (const question of ['What would you do with more free time?', 'How much time do you spend on screens?']) {
      const reply = await answer(bistro, question);
      expect(reply).not.toMatch(/screen time hours per day/i);
    }
  });
});
