import { colorOf, emojiOf, oneLineSummary, roleLine } from '../persona/facts.js';
import type { Persona } from '../persona/schema.js';
import { sanitizeInline } from './output.js';

/** The JSON shape `--json` commands print for a persona in a list. */
export function personaListItem(p: Persona) {
  return {
    id: p.id,
    name: sanitizeInline(p.name),
    summary: sanitizeInline(oneLineSummary(p.data)),
    role: sanitizeInline(roleLine(p.data)),
    emoji: emojiOf(p.data) ?? null,
    color: colorOf(p.data) ?? null,
    origin: p.origin,
    source: p.source,
  };
}
