import { createHash } from 'node:crypto';
import type { ChatProfile, Persona } from '../persona/schema.js';

/** JSON with sorted keys, so the same persona always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** A persona snapshot as saved with a session, before the store gives it an id. */
export type SnapshotContent = ReturnType<typeof personaSnapshot>;

export function personaSnapshot(persona: Persona, profile: ChatProfile, systemPrompt: string) {
  const data = { ...persona.data, id: persona.id };
  const contentHash = createHash('sha256').update(canonicalJson({ data, profile, systemPrompt })).digest('hex');
  return { personaId: persona.id, name: persona.name, contentHash, persona: data, chatProfile: profile, systemPrompt };
}
