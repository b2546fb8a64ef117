import type { Distribution } from './distribution.js';

// A distribution as horizontal bars for the terminal: label, bar, count and share. Pure text; the
// caller sanitizes labels (they come from a survey file) and adds colour.

export function barLines(dist: Distribution, width: number, label: (text: string) => string = (t) => t): string[] {
  const labels = dist.buckets.map((b) => label(b.label));
  const labelWidth = Math.min(Math.max(...labels.map((l) => [...l].length), 1), Math.max(8, Math.floor(width / 3)));
  const most = Math.max(...dist.buckets.map((b) => b.count), 1);
  const barWidth = Math.max(10, width - labelWidth - 16);
  return dist.buckets.map((bucket, i) => {
    const name = clipTo(labels[i]!, labelWidth).padEnd(labelWidth);
    const eighths = Math.round((bucket.count / most) * barWidth * 8);
    const bar = '█'.repeat(Math.floor(eighths / 8)) + (eighths % 8 ? ' ▏▎▍▌▋▊▉'[eighths % 8] : '');
    const share = dist.answered ? Math.round((bucket.count / dist.answered) * 100) : 0;
    return `${name}  ${bar.padEnd(barWidth)} ${String(bucket.count).padStart(3)} ${String(share).padStart(3)}%`;
  });
}

function clipTo(text: string, width: number): string {
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, width - 1).join('')}…`;
}
