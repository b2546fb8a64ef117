import { UsageError } from '../../core/errors.js';

// A moderator guide: one prompt per line. Blank lines and lines starting with `#` are skipped, so
// a guide can carry notes for whoever wrote it.

export function parseModeratorGuide(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Participant ids from `a,b,c`: at least two, no repeats. */
export function parseParticipantIds(list: string): string[] {
  const ids = list
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new UsageError(`${repeated} is named twice`, 'name each participant once: a,b,c');
  if (ids.length < 2)
    throw new UsageError('a group needs at least two participants', 'name them comma-separated: persona focus-group a,b,c --topic "…"');
  return ids;
}
