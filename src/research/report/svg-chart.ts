import { escapeHtml } from '../../export/html-escape.js';
import type { Distribution } from '../results/distribution.js';

// A distribution as a horizontal bar chart in SVG: one row per bucket, the label above its bar so
// long option texts fit a phone screen. The chart scales to its container (viewBox, width 100%).

// A narrow drawing (400 units) so text stays legible when a phone shrinks it to ~350 px; on a wide
// screen the CSS caps the chart's width.
const ROW = 46;
const WIDTH = 400;
const BAR_HEIGHT = 16;
const LABEL_CHARS = 50;

export function barChartSvg(dist: Distribution, title: string): string {
  const most = Math.max(...dist.buckets.map((b) => b.count), 1);
  const height = dist.buckets.length * ROW + 8;
  const rows = dist.buckets.map((bucket, i) => {
    const y = i * ROW + 4;
    const share = dist.answered ? Math.round((bucket.count / dist.answered) * 100) : 0;
    const width = Math.max(bucket.count ? 2 : 0, Math.round((bucket.count / most) * (WIDTH - 80)));
    return [
      `<text x="0" y="${y + 14}" class="label">${escapeHtml(clip(bucket.label, LABEL_CHARS))}</text>`,
      `<rect x="0" y="${y + 20}" width="${width}" height="${BAR_HEIGHT}" rx="3" class="bar"><title>${escapeHtml(bucket.label)}: ${bucket.count}</title></rect>`,
      `<text x="${width + 6}" y="${y + 33}" class="value">${bucket.count} (${share}%)</text>`,
    ].join('');
  });
  return `<svg class="chart" role="img" aria-label="${escapeHtml(title)}" viewBox="0 0 ${WIDTH} ${height}" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
