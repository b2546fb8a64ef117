import { describe, expect, it } from 'vitest';
import { AGE_BANDS, ATTITUDES, planPanel } from '../../src/persona/generate/panel-plan.js';
import { strictPersonaSchema } from '../../src/persona/generate/strict-schema.js';

describe('a generated panel is planned for spread', () => {
  it('covers every age band in any six consecutive people, and every attitude across seven', () => {
    const slots = planPanel(12, 42);
    for (let i = 0; i + 6 <= 12; i += 6) expect(new Set(slots.slice(i, i + 6).map((s) => s.ageBand)).size).toBe(AGE_BANDS.length);
    expect(new Set(slots.slice(0, 7).map((s) => s.attitude)).size).toBe(ATTITUDES.length);
    for (const slot of slots) {
      const band = AGE_BANDS.find((b) => b.label === slot.ageBand)!;
      expect(slot.age).toBeGreaterThanOrEqual(band.min);
      expect(slot.age).toBeLessThanOrEqual(band.max);
    }
  });

  it('spreads each Big Five trait over the whole range (one value per tenth for ten people)', () => {
    const slots = planPanel(10, 7);
    for (const trait of ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const) {
      const deciles = new Set(slots.map((s) => Math.min(9, Math.floor(s.bigFive[trait] / 10))));
      expect(deciles.size).toBe(10);
    }
  });

  it('is reproducible with a seed and differs across seeds; --ages limits the bands', () => {
    expect(planPanel(8, 5)).toEqual(planPanel(8, 5));
    expect(planPanel(8, 5)).not.toEqual(planPanel(8, 6));
    const young = planPanel(9, 1, { ageBands: ['18-24', '25-34'] });
    expect(new Set(young.map((s) => s.ageBand))).toEqual(new Set(['18-24', '25-34']));
  });
});

describe('the schema a model fills is the persona schema in strict form', () => {
  it('closes every object, requires every property, and keeps one type per field', () => {
    const schema = strictPersonaSchema();
    const visit = (node: Record<string, unknown>, path: string): void => {
      expect(node.anyOf, path).toBeUndefined();
      expect(Array.isArray(node.type), path).toBe(false);
      if (node.type === 'object') {
        expect(node.additionalProperties, path).toBe(false);
        expect(node.required, path).toEqual(Object.keys(node.properties as object));
        for (const [key, child] of Object.entries(node.properties as Record<string, Record<string, unknown>>))
          visit(child, `${path}.${key}`);
      }
      if (node.type === 'array') visit(node.items as Record<string, unknown>, `${path}[]`);
    };
    visit(schema, '');
    const properties = schema.properties as Record<string, unknown>;
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['name', 'baseSelection', 'exampleDialogue', 'stories', 'scenario']));
    for (const ours of ['id', 'userId', 'createdAt', 'chatProfile', 'profilePicture']) expect(properties).not.toHaveProperty(ours);
  });
});
