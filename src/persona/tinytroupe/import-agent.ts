import { isDeepStrictEqual } from 'node:util';
import { basename } from 'node:path';
import type { Issue } from '../../core/errors.js';
import { personaSchema, type PersonaData } from '../schema.js';
import { agentToPersona } from './agent-to-persona.js';
import { mergeFragment } from './merge-fragment.js';
import { parseTinyTroupe } from './parse-agent.js';
import { isRecord } from './paths.js';
import { EMBED_KEY, personaToAgent } from './persona-to-agent.js';

// A TinyTroupe agent file (and fragments to merge into it) -> persona data ready to be written.

export interface ImportedAgent {
  persona: PersonaData & { id: string };
  /** True when the agent was one of our exports and nothing in it had changed. */
  unchanged: boolean;
  warnings: Issue[];
}

export function importAgentBytes(bytes: Buffer, file: string, fragments: Array<{ bytes: Buffer; file: string }> = []): ImportedAgent {
  const { value, warnings } = parseTinyTroupe(bytes, file, 'agent');
  let persona = value.persona as Record<string, unknown>;
  for (const fragment of fragments) {
    const parsed = parseTinyTroupe(fragment.bytes, fragment.file, 'fragment');
    const merged = mergeFragment(persona, parsed.value.persona as Record<string, unknown>);
    persona = merged.merged;
    warnings.push(...parsed.warnings.map((w) => ({ ...w, path: `${basename(fragment.file)}: ${w.path}` })), ...merged.warnings);
  }
  const agent: Record<string, unknown> = { ...value, persona };
  const embedded = ours(agent);
  if (embedded && fragments.length === 0) return { persona: embedded, unchanged: true, warnings };
  const { [EMBED_KEY]: _embedded, ...rest } = agent;
  const result = agentToPersona(rest, basename(file).replace(/(\.agent)?\.json$/i, ''));
  return { persona: result.persona, unchanged: false, warnings: [...warnings, ...result.warnings] };
}

/** Our own persona, when the agent is one of our exports that nobody changed since. */
function ours(agent: Record<string, unknown>): (PersonaData & { id: string }) | undefined {
  const embed = agent[EMBED_KEY];
  if (!isRecord(embed) || !isRecord(embed.persona)) return undefined;
  const parsed = personaSchema.safeParse(embed.persona);
  if (!parsed.success || typeof parsed.data.id !== 'string') return undefined;
  const data = parsed.data as PersonaData & { id: string };
  return isDeepStrictEqual(personaToAgent(data.id, data), agent) ? data : undefined;
}
