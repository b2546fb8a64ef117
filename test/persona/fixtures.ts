import type { PersonaData, Persona } from '../../src/persona/schema.js';
import { personaSchema } from '../../src/persona/schema.js';

export function persona(data: Record<string, unknown>, id = 'test'): Persona {
  const parsed: PersonaData = personaSchema.parse({ name: 'Test Person', ...data });
  return { id, name: parsed.name, data: parsed, source: `/tmp/${id}.json`, origin: 'path' };
}

export const traits = (o: number, c: number, e: number, a: number, n: number) => ({
  psychographics: { personalityTraits: { openness: o, conscientiousness: c, extraversion: e, agreeableness: a, neuroticism: n } },
});
