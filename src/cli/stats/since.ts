import { UsageError } from '../../core/errors.js';

const UNIT_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/**
 * `--since 7d` / `12h` / `2w` / `2025-06-01` -> the ISO instant the window starts at. A number of
 * days counts back from now; a date means that local midnight.
 */
export function parseSince(text: string, now = Date.now()): string {
  const value = text.trim();
  const relative = /^(\d{1,5})\s*([hdw])$/i.exec(value);
  if (relative) return new Date(now - Number(relative[1]) * UNIT_MS[relative[2]!.toLowerCase()]!).toISOString();
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const local = new Date(Number(date[1]), Number(date[2]) - 1, Number(date[3]));
    if (!Number.isNaN(local.getTime()) && local.getDate() === Number(date[3])) return local.toISOString();
  }
  throw new UsageError(`--since: cannot read "${text}"`, 'use a span such as 12h, 7d, 2w, or a date such as 2025-06-01');
}
