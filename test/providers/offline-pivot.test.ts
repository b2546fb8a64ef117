import { describe, expect, it } from 'vitest';
import type { Persona } from '../../src/persona/schema.js';
import { answer, shipped } from './offline-shipped-support.js';

// Asked about something the file does not cover, the offline persona says so and may point to an
// interest of theirs. The file writes interests about the person ("Watching her grandson's Little
// League games"); the person says them as their own, like every other fact.

function withInterests(persona: Persona, interests: string[]): Persona {
  const data = persona.data as Persona['data'] & { psychographics?: Record<string, unknown> };
  return { ...persona, data: { ...data, psychographics: { ...data.psychographics, interests } } };
}

describe('pointing to an interest after a question the file does not cover', () => {
  it('lowers a plain first word as a fact would, and keeps the capital of a nationality or a name', async () => {
    const base = shipped('cfo');
    for (const [interest, said, never] of [
      ['Podcasts about language', 'podcasts about language', 'Podcasts about language'],
      ['Polish folk music', 'Polish folk music', 'polish folk music'],
      ['Leeds United matches', 'Leeds United matches', 'leeds United'],
    ] as const) {
      const persona = withInterests(base, [interest]);
      const replies: string[] = [];
      for (let seed = 1; seed <= 20; seed++) replies.push(await answer(persona, 'What is your favourite movie?', seed));
      const pivots = replies.filter((r) => r.toLowerCase().includes(said.toLowerCase()));
      expect(pivots.length, replies.join('\n')).toBeGreaterThan(2);
      for (const reply of pivots) {
        expect(reply).toContain(said);
        expect(reply).not.toContain(never);
      }
    }
  });

  it('says the interest in the first person, never as the file words it about her', async () => {
    const cfo = withInterests(shipped('cfo'), ["Watching her grandson's Little League games"]);
    const replies: string[] = [];
    for (let seed = 1; seed <= 30; seed++) replies.push(await answer(cfo, 'What is your favourite movie?', seed));
    const pivots = replies.filter((r) => /grandson/.test(r));
    expect(pivots.length, replies.join('\n')).toBeGreaterThan(5);
    for (const reply of pivots) {
      expect(reply).toMatch(/\bmy grandson's Little League games\b/);
      expect(reply).not.toMatch(/\bher grandson\b/);
      expect(reply).not.toMatch(/help is/);
    }
  });
});
