import type { DayActivity } from '../../store/usage-stats.js';

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A horizontal bar `value / max` of `width` cells, in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

function isoDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/**
 * Every day from the first active one to today (quiet days included, so gaps show), at most the
 * last `maxDays`; one line each: `06-01 ███▌ 14`.
 */
export function dailyChart(days: DayActivity[], options: { maxDays?: number; width?: number; today?: Date } = {}): string[] {
  if (days.length === 0) return [];
  const byDay = new Map(days.map((d) => [d.day, d.messages]));
  const maxDays = options.maxDays ?? 14;
  const today = options.today ?? new Date();
  const first = days[0]!.day;
  const shown: Array<[string, number]> = [];
  for (let i = 0; i < maxDays; i++) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i);
    const key = isoDay(day);
    if (key < first) break;
    shown.unshift([key, byDay.get(key) ?? 0]);
  }
  const max = Math.max(...shown.map(([, n]) => n));
  const digits = String(max).length;
  return shown.map(([day, n]) => `${day.slice(5)} ${String(n).padStart(digits)} ${bar(n, max, options.width ?? 40)}`);
}
