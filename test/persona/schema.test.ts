import { describe, expect, it } from 'vitest';
import { normalizeTrait, personaJsonSchema, personaSchema } from '../../src/persona/schema.js';

describe('persona schema', () => {
  it('accepts a minimal persona with only a name', () => {
    expect(personaSchema.safeParse({ name: 'Ana' }).success).toBe(true);
  });

  it('keeps unknown keys at every level instead of stripping them', () => {
    const input = {
      name: 'Ana',
      favouriteTeam: 'Corinthians',
      baseSelection: { age: 21, languages: ['pt', 'en'] },
      psychographics: { mediaDiet: { podcasts: ['Mano a Mano'] }, personalityTraits: { openness: 0.8, grit: 0.9 } },
      generatedInsights: { jobsToBeDone: ['pass the exam'] },
    };
    const data = personaSchema.parse(input) as unknown as typeof input;
    expect(data.favouriteTeam).toBe('Corinthians');
    expect(data.baseSelection.languages).toEqual(['pt', 'en']);
    expect(data.psychographics.mediaDiet).toEqual({ podcasts: ['Mano a Mano'] });
    expect(data.psychographics.personalityTraits.grit).toBe(0.9);
    expect(data.generatedInsights.jobsToBeDone).toEqual(['pass the exam']);
  });

  it('turns a single string into a list where a list is expected', () => {
    const data = personaSchema.parse({ name: 'Ana', psychographics: { values: 'family; faith\nwork' } });
    expect(data.psychographics?.values).toEqual(['family', 'faith', 'work']);
  });

  it('rejects wrong types with the path of the field', () => {
    const result = personaSchema.safeParse({ name: 'Ana', psychographics: { personalityTraits: { openness: 'high' } } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(['psychographics', 'personalityTraits', 'openness']);
  });

  it('rejects a missing name and an out-of-range trait', () => {
    expect(personaSchema.safeParse({}).success).toBe(false);
    expect(personaSchema.safeParse({ name: 'A', psychographics: { personalityTraits: { openness: 140 } } }).success).toBe(false);
  });

  it('normalizes 0-100 traits to 0-1 and leaves 0-1 alone', () => {
    expect(normalizeTrait(72)).toBeCloseTo(0.72);
    expect(normalizeTrait(0.72)).toBe(0.72);
    expect(normalizeTrait(1)).toBe(1);
    expect(normalizeTrait(undefined)).toBeUndefined();
  });

  it('produces a JSON Schema that names the sections and allows extra keys', () => {
    const schema = personaJsonSchema() as { properties: Record<string, Record<string, unknown>>; required: string[] };
    expect(schema.required).toContain('name');
    for (const key of ['baseSelection', 'customInputs', 'psychographics', 'generatedInsights', 'profilePicture', 'chatProfile']) {
      expect(schema.properties).toHaveProperty(key);
    }
    expect(schema.properties.psychographics?.additionalProperties).not.toBe(false);
  });
});
