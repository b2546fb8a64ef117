import { describe, expect, it } from 'vitest';
import { bigFive } from '../../src/persona/facts.js';
import { loadPersonas } from '../../src/persona/loader.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { buildSystemPrompt } from '../../src/persona/prompt.js';
import type { ChatProfile } from '../../src/persona/schema.js';

// The shipped personas talk differently, and each difference comes from the file: stated
// preferences beat what a job or degree suggests, extraversion drives length.

const shipped = loadPersonas({ userDir: null }).personas.filter((p) => p.origin === 'shipped');
const profileOf = (id: string) => buildChatProfile(shipped.find((p) => p.id === id)!.data);
/** The band the prompt describes a 0-1 scale with (five words per scale). */
const band = (v: number) => Math.min(4, Math.floor(v * 5));
const DIMENSIONS: Array<[string, (p: ChatProfile) => string | number]> = [
  ['formality', (p) => band(p.formality)],
  ['verbosity', (p) => p.verbosity],
  ['emoji', (p) => p.emojiUse],
  ['humour', (p) => band(p.humor)],
  ['directness', (p) => band(p.directness)],
  ['vocabulary', (p) => p.vocabulary],
];

describe('shipped chat profiles', () => {
  it('differ pairwise on at least two of formality, verbosity, emoji, humour, directness and vocabulary', () => {
    expect(shipped.length).toBe(12);
    const profiles = shipped.map((p) => ({ id: p.id, profile: buildChatProfile(p.data) }));
    for (let i = 0; i < profiles.length; i++)
      for (let j = i + 1; j < profiles.length; j++) {
        const a = profiles[i]!;
        const b = profiles[j]!;
        const differing = DIMENSIONS.filter(([, read]) => read(a.profile) !== read(b.profile)).map(([name]) => name);
        expect(differing.length, `${a.id} vs ${b.id}: only ${differing.join(', ') || 'nothing'} differ`).toBeGreaterThanOrEqual(2);
      }
  });

  it('follow stated preferences over inferred ones: "plain language" beats a Master\'s degree', () => {
    expect(profileOf('municipal-buyer').vocabulary).toBe('plain');
    // A degree alone is professional vocabulary, not technical; a technical job or request is technical.
    expect(profileOf('dubai-luxury-traveller').vocabulary).toBe('professional');
    expect(profileOf('startup-cto').vocabulary).toBe('technical');
    expect(profileOf('icu-nurse').vocabulary).toBe('technical');
  });

  it('let extraversion drive length: the most extraverted talk most, the least say least', () => {
    const byExtraversion = [...shipped].sort((a, b) => bigFive(a.data).extraversion - bigFive(b.data).extraversion);
    const order = ['terse', 'brief', 'moderate', 'expansive'];
    const least = order.indexOf(buildChatProfile(byExtraversion[0]!.data).verbosity);
    const most = order.indexOf(buildChatProfile(byExtraversion.at(-1)!.data).verbosity);
    expect(byExtraversion.at(-1)!.id).toBe('genz-creator');
    expect(most - least).toBeGreaterThanOrEqual(2);
  });

  it('take directness from what the file asks for ("blunt", "prices up front")', () => {
    expect(band(profileOf('startup-cto').directness)).toBe(4);
    expect(band(profileOf('retired-engineer').directness)).toBe(4);
    expect(band(profileOf('japan-teacher').directness)).toBeLessThanOrEqual(1);
  });

  it('never tell a persona who did not ask for lists to answer in numbered points or lists', () => {
    const farmer = shipped.find((p) => p.id === 'kenya-dairy-farmer')!;
    const { text } = buildSystemPrompt(farmer, buildChatProfile(farmer.data));
    expect(text).not.toMatch(/numbered points/i);
    expect(text).toContain('no lists or headings');
  });

  it('keep every prompt under 2,000 tokens and every fact of the file in it', () => {
    for (const p of shipped) {
      const { text, tokens } = buildSystemPrompt(p, buildChatProfile(p.data));
      expect(tokens, p.id).toBeLessThan(2000);
      const facts = [
        p.data.customInputs?.background,
        ...(p.data.generatedInsights?.objections ?? []),
        ...(p.data.customInputs?.goals ?? []),
      ];
      for (const fact of facts.filter((f): f is string => typeof f === 'string')) expect(text, p.id).toContain(fact);
    }
  });
});
