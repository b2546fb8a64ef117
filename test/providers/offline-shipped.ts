import { join } from 'node:path';
import { loadPersonaFile } from '../../src/persona/loader.js';
import { buildChatProfile } from '../../src/persona/profile.js';
import type { ChatProfile, Persona } from '../../src/persona/schema.js';

// The personas a new user meets first, loaded the way the app loads them, so a regression test
// asks the same persona and profile that `persona ask` would.

export interface ShippedPersona {
  persona: Persona;
  profile: ChatProfile;
}

export const SHIPPED_IDS = [
  'cfo',
  'dubai-luxury-traveller',
  'genz-creator',
  'icu-nurse',
  'japan-teacher',
  'kenya-dairy-farmer',
  'lagos-shop-owner',
  'municipal-buyer',
  'retired-engineer',
  'sao-paulo-student',
  'single-parent',
  'startup-cto',
] as const;

export function shipped(id: string): ShippedPersona {
  const { persona } = loadPersonaFile(join(process.cwd(), 'personas', `${id}.json`), 'shipped');
  return { persona, profile: buildChatProfile(persona.data) };
}
