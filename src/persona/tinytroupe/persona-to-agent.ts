import { FACT_SECTIONS, objectAt, unknownKeysAt } from '../known-keys.js';
import type { PersonaData } from '../schema.js';
import { TT_KEY, type TinyTroupeNamespace } from './agent-to-persona.js';
import { getAt, isRecord, setAt } from './paths.js';
import { DEFAULT_ROUTES, levelText, type Route } from './routes.js';

// persona -> TinyTroupe agent. A persona imported from TinyTroupe goes back through the routes
// its import took, so the agent comes out as it came in (with any edit made since). Our own
// personas are written field by field (DEFAULT_ROUTES), their Big Five as TinyTroupe's level
// texts and their extra fields under their own names; the complete persona rides along under
// `persona_chat`, so importing the agent again gives back exactly this persona.

export const EMBED_KEY = 'persona_chat';

function namespaceOf(data: PersonaData): TinyTroupeNamespace | undefined {
  const ns = (data as Record<string, unknown>)[TT_KEY];
  return isRecord(ns) && Array.isArray(ns.routes) ? (ns as unknown as TinyTroupeNamespace) : undefined;
}

export function personaToAgent(id: string, data: PersonaData): Record<string, unknown> {
  const ns = namespaceOf(data);
  const persona: Record<string, unknown> = {};
  const taken = new Set<string>();
  const write = (route: Route) => {
    const value = getAt(data, route.ours);
    if (value === undefined) return;
    setAt(persona, route.tt, value);
    taken.add(route.ours.join('.'));
  };
  if (ns) {
    for (const route of ns.routes) write(route);
    for (const route of DEFAULT_ROUTES) if (!taken.has(route.ours.join('.')) && getAt(persona, route.tt) === undefined) write(route);
    return { type: ns.type, ...ns.topLevel, persona };
  }
  for (const route of DEFAULT_ROUTES) write(route);
  const traits = data.psychographics?.personalityTraits as Record<string, unknown> | undefined;
  if (traits) {
    for (const [trait, v] of Object.entries(traits))
      setAt(persona, ['personality', 'big_five', trait], typeof v === 'number' ? levelText(v) : v);
  }
  // Fields we have no TinyTroupe name for keep their own: TinyTroupe shows the agent every key.
  for (const path of FACT_SECTIONS) {
    if (path === 'psychographics.personalityTraits') continue;
    const obj = objectAt(data, path);
    for (const key of unknownKeysAt(data, path)) if (persona[key] === undefined) persona[key] = obj![key];
  }
  return { type: 'TinyPerson', persona, [EMBED_KEY]: { version: 1, persona: { ...data, id } } };
}
