import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { extractFacts } from '../../src/providers/offline/facts.js';
import { HEDGES, HUMOR } from '../../src/providers/offline/lines.js';
import { reply } from './offline-helpers.js';
import { shipped, SHIPPED_IDS } from './offline-shipped.js';

// The seams a reader notices first: a fact left in the third person, a question wedged into a
// statement, two colons in one sentence, one fact said twice, one joke told by two personas.

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

function withData(persona: Persona, change: (data: Persona['data']) => Persona['data']): Persona {
  return { ...persona, data: change(structuredClone(persona.data)) };
}

function spokenOf(persona: Persona, raw: RegExp): string | undefined {
  return extractFacts(persona).facts.find((f) => raw.test(f.raw))?.spoken.text;
}

describe('offline seams: grammar', () => {
  it('says subject-less habits and notes in the first person', () => {
    expect(spokenOf(shipped('retired-engineer').persona, /^Pays once/)).toMatch(/^I pay once, in full/);
    expect(spokenOf(shipped('cfo').persona, /^Decides together/)).toMatch(/^I decide together with the CEO/);
    expect(spokenOf(shipped('cfo').persona, /^Discounts vendor ROI/)).toMatch(/^I discount vendor ROI/);
    expect(spokenOf(shipped('kenya-dairy-farmer').persona, /^Pays through M-Pesa/)).toMatch(/^I pay through M-Pesa/);
    expect(spokenOf(shipped('dubai-luxury-traveller').persona, /^Books peak trips/)).toMatch(/^I book peak trips/);
    expect(spokenOf(shipped('lagos-shop-owner').persona, /^Adopts what/)).toMatch(/^I adopt what/);
    expect(spokenOf(shipped('icu-nurse').persona, /^Generous with/)).toMatch(/^I'm generous with my time/);
    // A plural noun opening a fact is not the persona's verb.
    expect(spokenOf(shipped('sao-paulo-student').persona, /^Instalments make/)).toMatch(/^instalments make/);
  });

  it('says an objection that is a question as a question, not as the subject of "is a deal-breaker"', async () => {
    const cfo = shipped('cfo');
    const persona = withData(cfo.persona, (data) => ({
      ...data,
      generatedInsights: { ...data.generatedInsights, objections: ['Another app to learn?'] },
    }));
    for (const seed of SEEDS) {
      const answer = await reply(persona, cfo.profile, 'What would make you say no immediately?', seed);
      expect(answer).toMatch(/Another app to learn\? \S/);
      expect(answer).not.toMatch(/learn\?\s*(is|are)\b|learn\?[.:,]/);
    }
  });

  it('never puts a fact with its own colon after a template colon', async () => {
    const nurse = shipped('icu-nurse');
    const persona = withData(nurse.persona, (data) => ({
      ...data,
      customInputs: { ...data.customInputs, challenges: ["Daytime noise: deliveries, doorbells, the neighbour's drill"] },
      generatedInsights: { ...data.generatedInsights, painPoints: [] },
    }));
    for (const seed of SEEDS) {
      const answer = await reply(persona, nurse.profile, 'What is the hardest part of your week?', seed);
      expect(answer).toMatch(/daytime noise/i);
      expect(answer).not.toMatch(/:[^.?!\n]*:/);
    }
  });

  it('does not glue a catchphrase question onto an introduction', async () => {
    const { persona, profile } = shipped('cfo');
    for (const seed of [...SEEDS, 9, 10, 11, 12]) {
      const answer = await reply(persona, profile, 'Tell me about yourself', seed);
      expect(answer).not.toMatch(/payback/);
      expect(answer.match(/\?/g)?.length ?? 0).toBeLessThanOrEqual(1);
    }
  });
});

describe('offline seams: repetition', () => {
  it('says one fact once per reply, even when the background and the pain points both hold it', async () => {
    const { persona, profile } = shipped('cfo');
    for (const question of ['How do you track expenses today?', 'How does your team close the books each month today?']) {
      for (const seed of SEEDS) {
        const answer = await reply(persona, profile, question, seed);
        expect(answer.match(/nine business days/gi)?.length ?? 0, `${question} (${seed})`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives each persona its own asides, so a focus group does not share one joke', async () => {
    const fillers = [...HUMOR, ...HEDGES].map((line) => line.replace(/^[~^]/, '').replace(/'/g, "'"));
    for (const question of ['What frustrates you most about your bank?', 'What frustrates you most?', 'What are your goals?']) {
      for (const seed of [undefined, 1, 2, 3]) {
        const replies = await Promise.all(
          SHIPPED_IDS.map(async (id) => {
            const { persona, profile } = shipped(id);
            return reply(persona, profile, question, seed);
          }),
        );
        for (const filler of fillers) {
          const sayers = SHIPPED_IDS.filter(
            (_, i) => replies[i]!.replace(/’/g, "'").includes(filler.replace(/I am/g, "I'm")) || replies[i]!.includes(filler),
          );
          expect(sayers.length, `"${filler}" in ${sayers.join(', ')} (${question}, seed ${seed})`).toBeLessThanOrEqual(1);
        }
      }
    }
  });

  it('keeps each persona to its own few asides across a whole session of questions', async () => {
    const humor = HUMOR.map((line) => line.replace(/^[~^]/, ''));
    const questions = ['What frustrates you most?', 'What are your goals?', 'How do you decide what to buy?', 'What do you value?'];
    const usedBy = new Map<string, Set<string>>();
    for (const id of SHIPPED_IDS) {
      const { persona, profile } = shipped(id);
      const used = new Set<string>();
      for (const question of questions) {
        for (let seed = 1; seed <= 15; seed++) {
          const answer = (await reply(persona, profile, question, seed)).replace(/’/g, "'").replace(/I'm/g, 'I am');
          for (const line of humor) if (answer.includes(line)) used.add(line);
        }
      }
      expect(used.size, `${id}: ${[...used].join(' | ')}`).toBeLessThanOrEqual(3);
      usedBy.set(id, used);
    }
    const jokers = [...usedBy.values()].filter((used) => used.size > 0).length;
    for (const line of humor) {
      const sharing = [...usedBy.values()].filter((used) => used.has(line)).length;
      expect(sharing, line).toBeLessThanOrEqual(Math.max(2, Math.ceil(jokers / 3)));
    }
  });
});
