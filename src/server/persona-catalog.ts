import { loadPersonas, type PersonaSources } from '../persona/loader.js';
import type { Persona } from '../persona/schema.js';
import type { PersonaCatalog } from './types.js';

/** How long a loaded persona list is reused: edits to persona files show up within this time. */
const FRESH_MS = 2000;

/**
 * The personas the CLI sees (shipped and the user's folder), looked up by exact id only: unlike
 * `resolvePersona`, no prefix matching and never a file path from the request.
 */
export function diskPersonaCatalog(sources: PersonaSources = {}, freshMs = FRESH_MS): PersonaCatalog {
  let cached: { at: number; personas: Persona[]; byId: Map<string, Persona> } | undefined;
  const current = () => {
    const now = Date.now();
    if (!cached || now - cached.at > freshMs) {
      const { personas } = loadPersonas(sources);
      cached = { at: now, personas, byId: new Map(personas.map((p) => [p.id, p])) };
    }
    return cached;
  };
  return {
    list: () => current().personas,
    find: (id) => current().byId.get(id),
  };
}
