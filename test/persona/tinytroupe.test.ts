import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { personaForChat } from '../../src/persona/cards/chat-persona.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import { buildSystemPrompt } from '../../src/persona/prompt.js';
import { personaSchema, type Persona } from '../../src/persona/schema.js';
import { importAgentBytes } from '../../src/persona/tinytroupe/import-agent.js';
import { personaToAgent } from '../../src/persona/tinytroupe/persona-to-agent.js';
import { loadPersonas } from '../../src/persona/loader.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'tinytroupe');
const bytes = (name: string) => readFileSync(join(dir, name));
const agentJson = () => JSON.parse(bytes('Ingrid.agent.json').toString()) as Record<string, unknown>;
const asPersona = (data: Record<string, unknown> & { id: string; name: string }): Persona => {
  const parsed = personaSchema.parse(data);
  return { id: data.id, name: parsed.name, data: parsed, source: '/tmp/x.json', origin: 'user' };
};

/** Every scalar leaf of a JSON value, as text. */
function leaves(value: unknown): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (typeof value === 'object') return Object.values(value as object).flatMap(leaves);
  return typeof value === 'boolean' ? [] : [String(value)];
}

describe('TinyTroupe agents', () => {
  it('map onto persona fields and validate as a persona', () => {
    const { persona } = importAgentBytes(bytes('Ingrid.agent.json'), '/x/Ingrid.agent.json');
    expect(persona.id).toBe('ingrid-haugen');
    expect(persona.baseSelection).toMatchObject({ age: 44, occupation: 'Boatyard owner', location: 'Trondheim, Norway' });
    expect(persona.customInputs?.background).toMatch(/^You run a small boatyard/);
    expect(persona.psychographics?.interests).toEqual(['Sailing', 'Local history', 'Cross-country skiing']);
    expect(persona.psychographics?.personalityTraits).toMatchObject({ conscientiousness: 0.9, extraversion: 0.25 });
    expect(personaSchema.safeParse(persona).success).toBe(true);
  });

  it('lose nothing on the way to the prompt: every value of the agent appears in it', () => {
    const { persona } = importAgentBytes(bytes('Ingrid.agent.json'), '/x/Ingrid.agent.json');
    const p = asPersona(persona);
    const { text } = buildSystemPrompt(p, buildChatProfile(p.data));
    for (const leaf of leaves((agentJson().persona as object) ?? {})) expect(text).toContain(leaf);
    expect(text).toContain('- Owns boat: yes');
    expect(text).toContain('- Pension plan: not given');
    expect(text).toContain('  - Name: Solveig\n    Description: Your daughter, 16, who wants to study abroad.');
    expect(text).toContain('- Style: Dry, unhurried and exact.');
    // The routes kept for export are bookkeeping: neither the prompt nor the engines see them.
    expect(text).not.toContain('Routes');
    expect(personaForChat(p).data).not.toHaveProperty('tinyTroupe');
  });

  it('round-trip: export writes back exactly the agent that was imported', () => {
    const { persona } = importAgentBytes(bytes('Ingrid.agent.json'), '/x/Ingrid.agent.json');
    const back = personaToAgent(persona.id, personaSchema.parse(persona));
    expect(isDeepStrictEqual(back, agentJson())).toBe(true);
  });

  it('merge fragments the way TinyTroupe does: records by key, lists joined without repeats', () => {
    const { persona } = importAgentBytes(bytes('Ingrid.agent.json'), '/x/Ingrid.agent.json', [
      { bytes: bytes('winter_trader.fragment.json'), file: '/x/winter_trader.fragment.json' },
    ]);
    expect(persona.psychographics?.interests).toEqual(['Sailing', 'Local history', 'Cross-country skiing', 'Ice fishing']);
    expect((persona.psychographics as Record<string, unknown>).dislikes).toContain('Late payers');
    expect((persona.psychographics as Record<string, unknown>).behaviors).toMatchObject({
      winter: ['Sells second-hand engines in January.'],
      routines: { winter: ['Stores 60 boats under cover.'] },
    });
  });

  it('refuse a fragment given as the agent, and an agent without a name', () => {
    expect(() => importAgentBytes(bytes('winter_trader.fragment.json'), '/x/f.json')).toThrow(/merge it into an agent with --fragment/);
    const nameless = Buffer.from(JSON.stringify({ type: 'TinyPerson', persona: { age: 3 } }));
    expect(() => importAgentBytes(nameless, '/x/a.json')).toThrow(/not a TinyTroupe agent|no name/);
  });

  it('export our own personas and import them back unchanged', () => {
    for (const p of loadPersonas({ userDir: null }).personas.slice(0, 4)) {
      const agent = personaToAgent(p.id, p.data);
      expect((agent.persona as Record<string, unknown>).name).toBe(p.name);
      const again = importAgentBytes(Buffer.from(JSON.stringify(agent)), `/x/${p.id}.agent.json`);
      expect(again.unchanged).toBe(true);
      expect(isDeepStrictEqual(personaSchema.parse(again.persona), personaSchema.parse({ ...p.data, id: p.id }))).toBe(true);
    }
  });
});
