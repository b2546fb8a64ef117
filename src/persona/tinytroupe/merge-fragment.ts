import type { Issue } from '../../core/errors.js';
import { isRecord } from './paths.js';

// A TinyTroupe fragment (`"type": "Fragment"`) adds definitions to an agent's persona the way
// TinyTroupe's own `include_persona_definitions` does: records merge key by key, lists are joined
// (an item already there is not repeated), a value the agent lacks is added. A plain value the
// agent already has differently is a conflict: TinyTroupe refuses it; we keep the agent's value
// and say so, so the import still goes through.

export function mergeFragment(
  persona: Record<string, unknown>,
  fragment: Record<string, unknown>,
  at = '',
): { merged: Record<string, unknown>; warnings: Issue[] } {
  const merged: Record<string, unknown> = { ...persona };
  const warnings: Issue[] = [];
  for (const [key, value] of Object.entries(fragment)) {
    const path = at ? `${at}.${key}` : key;
    const mine = merged[key];
    if (mine === undefined || mine === null) merged[key] = value;
    else if (value === null || value === undefined) continue;
    else if (isRecord(mine) && isRecord(value)) {
      const inner = mergeFragment(mine, value, path);
      merged[key] = inner.merged;
      warnings.push(...inner.warnings);
    } else if (Array.isArray(mine) && Array.isArray(value)) {
      const seen = new Set(mine.map((v) => JSON.stringify(v)));
      merged[key] = [...mine, ...value.filter((v) => !seen.has(JSON.stringify(v)))];
    } else if (JSON.stringify(mine) !== JSON.stringify(value)) {
      warnings.push({
        path: `persona.${path}`,
        message: "the fragment gives another value; the agent's own is kept",
        hint: 'edit one of the files if the fragment should win',
      });
    }
  }
  return { merged, warnings };
}
