import { statSync } from 'node:fs';
import { homePaths } from '../core/home.js';
import { loadPersonas, shippedPersonaDir, type PersonaSources } from '../persona/loader.js';
import type { Persona } from '../persona/schema.js';
import type { PersonaCatalog } from './types.js';

/** How often the persona folders are checked for changes. */
const CHECK_MS = 2000;

/**
 * The personas the CLI sees (shipped and the user's folder), looked up by exact id only: unlike
 * `resolvePersona`, no prefix matching and never a file path from the request. Edits show up
 * within CHECK_MS. Parsing and validating every persona file is too slow to repeat on a busy
 * server's request path, so a check only stats the folders and the loaded files, and the files
 * are read again only when one of those changed.
 */
export function diskPersonaCatalog(sources: PersonaSources = {}, checkMs = CHECK_MS): PersonaCatalog {
  let cached: { checkedAt: number; signature: string; personas: Persona[]; byId: Map<string, Persona> } | undefined;
  const current = () => {
    const now = Date.now();
    if (cached && now - cached.checkedAt <= checkMs) return cached;
    const signature = cached ? signatureOf(sources, cached.personas) : '';
    if (cached && signature === cached.signature) {
      cached.checkedAt = now;
      return cached;
    }
    const { personas } = loadPersonas(sources);
    cached = { checkedAt: now, signature: signatureOf(sources, personas), personas, byId: new Map(personas.map((p) => [p.id, p])) };
    return cached;
  };
  return {
    list: () => current().personas,
    find: (id) => current().byId.get(id),
  };
}

/** Modification times and sizes of the persona folders (files added or removed) and of each loaded file. */
function signatureOf(sources: PersonaSources, personas: readonly Persona[]): string {
  const paths: string[] = [...(sources.paths ?? [])];
  if (sources.shipped !== false) paths.push(shippedPersonaDir());
  if (sources.userDir !== null) paths.push(sources.userDir ?? homePaths().personas);
  paths.push(...personas.map((p) => p.source));
  return paths.map((path) => `${path}:${stamp(path)}`).join('\n');
}

function stamp(path: string): string {
  try {
    const stat = statSync(path);
    return `${stat.mtimeMs}:${stat.size}`;
  } catch {
    return 'missing';
  }
}
