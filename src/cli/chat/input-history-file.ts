import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';

// The chat prompt's Up/Down history, kept across sessions in one small JSON file: the messages
// that were sent (drafts cleared with Ctrl-C are never saved), with repeats in a row collapsed.
// Inputs can be private, so the file is written owner-only; a damaged file is treated as empty,
// never fatal.

export const INPUT_HISTORY_LIMIT = 500;

const historySchema = z.array(z.string());

export function loadInputHistory(file: string): string[] {
  try {
    const parsed = historySchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) return [];
    // Files written by earlier versions can hold runs of the same entry; one of each is enough.
    const entries = parsed.data.filter((entry, index) => index === 0 || parsed.data[index - 1] !== entry);
    return entries.slice(-INPUT_HISTORY_LIMIT);
  } catch {
    return [];
  }
}

/** Appends one entry (skipping an immediate repeat), keeping the newest `limit`. */
export function appendInputHistory(file: string, entry: string, limit = INPUT_HISTORY_LIMIT): void {
  const entries = loadInputHistory(file);
  if (entries[entries.length - 1] === entry) return;
  entries.push(entry);
  const kept = entries.slice(-limit);
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Write beside and rename, so a second chat writing at the same time never leaves half a file.
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(kept), { mode: 0o600 });
    renameSync(temp, file);
  } catch {
    // History is a convenience: a read-only home must not break the chat.
  }
}
