import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Edit } from '../../persona/enrich/insert-json.js';
import { enrichPersona, type EnrichOutcome } from '../../research/panel/enrich-persona.js';
import type { StructuredProvider } from '../../providers/types.js';
import type { ChalkInstance } from 'chalk';
import { sanitizeText } from '../output.js';

// Shared by `personas enrich` and `personas import --enrich`: one persona file -> its enriched
// text, and the change shown as added lines.

export async function enrichFile(
  path: string,
  provider: StructuredProvider,
  model: string,
  signal?: AbortSignal,
): Promise<{ before: string; outcome: EnrichOutcome }> {
  const before = readFileSync(path, 'utf8');
  const data = JSON.parse(before) as Record<string, unknown>;
  return { before, outcome: await enrichPersona({ fileText: before, data, provider, model, ...(signal ? { signal } : {}) }) };
}

/** Writes beside the file and renames over it, so a crash never leaves half a persona. */
export function replaceFile(path: string, text: string): void {
  const temp = join(dirname(path), `.${process.pid}.enrich.tmp`);
  writeFileSync(temp, text, 'utf8');
  renameSync(temp, path);
}

/** The change as a diff of added lines: the author's lines never appear with a minus. */
export function renderInsertions(after: string, edits: Edit[], color: ChalkInstance): string {
  const out: string[] = [];
  // Offsets of later edits are in the final text; walk the edits on the final text in order.
  let shift = 0;
  const located = edits.map((edit) => {
    const start = edit.offset + shift;
    shift += edit.text.length - edit.length;
    return { ...edit, start };
  });
  for (const edit of located) {
    const lineNo = after.slice(0, edit.start).split('\n').length;
    out.push(color.cyan(`@@ ${edit.path.join('.')} (line ${lineNo}) @@`));
    for (const line of sanitizeText(edit.text).replace(/^,?\n/, '').split('\n')) out.push(color.green(`+ ${line}`));
  }
  return out.join('\n');
}
