import { describe, expect, it } from 'vitest';
import { buildChatProfile, OUTPUT_TOKENS } from '../../src/persona/profile.js';
import { personaSchema } from '../../src/persona/schema.js';

const build = (data: Record<string, unknown>) => buildChatProfile(personaSchema.parse({ name: 'P', ...data }));
const withTraits = (o: number, c: number, e: number, a: number, n: number, extra: Record<string, unknown> = {}) =>
  build({
    ...extra,
    psychographics: {
      personalityTraits: { openness: o, conscientiousness: c, extraversion: e, agreeableness: a, neuroticism: n },
      ...((extra.psychographics as object) ?? {}),
    },
  });

describe('buildChatProfile', () => {
  it('is deterministic', () => {
    const data = { baseSelection: { age: 40 }, psychographics: { personalityTraits: { openness: 0.3 } } };
    expect(build(data)).toEqual(build(data));
  });

  it('gives a persona with no traits mid-range defaults and the seed budget of 500 tokens', () => {
    const p = build({});
    expect(p.verbosity).toBe('moderate');
    expect(p.maxOutputTokens).toBe(500);
    expect(p.temperature).toBe(0.8);
  });

  it('high extraversion -> longer, warmer, more expressive replies and more questions back', () => {
    const outgoing = withTraits(0.5, 0.5, 0.95, 0.7, 0.5);
    const reserved = withTraits(0.5, 0.5, 0.05, 0.7, 0.5);
    expect(OUTPUT_TOKENS[outgoing.verbosity]).toBeGreaterThan(OUTPUT_TOKENS[reserved.verbosity]);
    expect(outgoing.warmth).toBeGreaterThan(reserved.warmth);
    expect(outgoing.expressiveness).toBeGreaterThan(reserved.expressiveness);
    expect(outgoing.questionRate).toBeGreaterThan(reserved.questionRate);
  });

  it('high conscientiousness -> structured answers, more formal, lower temperature', () => {
    const careful = withTraits(0.5, 0.95, 0.5, 0.5, 0.5);
    const loose = withTraits(0.5, 0.05, 0.5, 0.5, 0.5);
    expect(careful.structure).toBeGreaterThan(0.7);
    expect(loose.structure).toBeLessThan(0.3);
    expect(careful.formality).toBeGreaterThan(loose.formality);
    expect(careful.temperature).toBeLessThan(loose.temperature);
  });

  it('low agreeableness -> direct pushback and scepticism', () => {
    const blunt = withTraits(0.5, 0.5, 0.5, 0.05, 0.5);
    const agreeable = withTraits(0.5, 0.5, 0.5, 0.95, 0.5);
    expect(blunt.directness).toBeGreaterThan(0.7);
    expect(blunt.skepticism).toBeGreaterThan(agreeable.skepticism);
    expect(agreeable.warmth).toBeGreaterThan(blunt.warmth);
  });

  it('reads 0-100 traits the same as 0-1 traits', () => {
    expect(withTraits(80, 20, 60, 40, 70)).toEqual(withTraits(0.8, 0.2, 0.6, 0.4, 0.7));
  });

  it('keeps every scale within 0-1 at the extremes', () => {
    for (const v of [0, 1]) {
      const p = withTraits(v, v, v, v, v, { baseSelection: { age: v ? 90 : 16, occupation: 'CFO' } });
      for (const key of [
        'formality',
        'warmth',
        'humor',
        'expressiveness',
        'directness',
        'skepticism',
        'structure',
        'questionRate',
      ] as const) {
        expect(p[key]).toBeGreaterThanOrEqual(0);
        expect(p[key]).toBeLessThanOrEqual(1);
      }
      expect(p.temperature).toBeGreaterThanOrEqual(0.5);
      expect(p.temperature).toBeLessThanOrEqual(1);
    }
  });

  it('young and outgoing uses emoji; a formal executive does not', () => {
    expect(withTraits(0.7, 0.4, 0.9, 0.7, 0.5, { baseSelection: { age: 22, occupation: 'content creator' } }).emojiUse).toBe('frequent');
    expect(withTraits(0.4, 0.9, 0.3, 0.3, 0.3, { baseSelection: { age: 56, occupation: 'Chief Financial Officer' } }).emojiUse).toBe(
      'none',
    );
  });

  it('stated communication preferences shift the mapping', () => {
    const brief = build({ psychographics: { communicationPreferences: ['short and to the point', 'formal emails'] } });
    const plain = build({});
    expect(OUTPUT_TOKENS[brief.verbosity]).toBeLessThan(OUTPUT_TOKENS[plain.verbosity]);
    expect(brief.formality).toBeGreaterThan(plain.formality);
  });

  it('derives vocabulary from occupation and education', () => {
    expect(build({ baseSelection: { occupation: 'Software engineer' } }).vocabulary).toBe('technical');
    expect(build({ baseSelection: { occupation: 'Shop owner', education: 'Secondary school' } }).vocabulary).toBe('everyday');
  });

  it('takes passions from interests, avoided topics from stated dislikes, a phrase from the quote', () => {
    const p = build({
      customInputs: { quote: 'Show me the payback period. Then we can talk.' },
      psychographics: { interests: ['sailing', 'jazz'], attitudes: ['Distrusts subscription pricing', 'Likes data'], values: ['privacy'] },
    });
    expect(p.passions).toEqual(['sailing', 'jazz']);
    expect(p.avoids).toEqual(['subscription pricing', 'sharing personal details']);
    expect(p.signaturePhrases).toEqual(['Show me the payback period.']);
  });

  it('lets chatProfile keys in the file override, keeping verbosity and tokens consistent', () => {
    const p = withTraits(0.5, 0.5, 0.95, 0.5, 0.5, {
      chatProfile: { verbosity: 'terse', emojiUse: 'none', signaturePhrases: ['Right then.'] },
    });
    expect(p.verbosity).toBe('terse');
    expect(p.maxOutputTokens).toBe(OUTPUT_TOKENS.terse);
    expect(p.signaturePhrases).toEqual(['Right then.']);
    const tokens = build({ chatProfile: { verbosity: 'terse', maxOutputTokens: 90 } });
    expect(tokens.maxOutputTokens).toBe(90);
  });
});
