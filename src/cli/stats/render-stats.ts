import type { UsageStats } from '../../store/usage-stats.js';
import { sanitizeInline } from '../output.js';
import { dailyChart } from './bar-chart.js';

// `persona stats` as text: one section per question the numbers answer. Persona names come from
// persona files, so they are sanitized like any untrusted text.

const ms = (value: number | null) =>
  value === null ? '–' : value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
const usd = (value: number | null) => (value === null ? 'unknown' : `$${value.toFixed(4)}`);

function duration(value: number | null): string {
  if (value === null) return '–';
  const minutes = value / 60_000;
  if (minutes < 1) return `${Math.round(value / 1000)} s`;
  if (minutes < 120) return `${minutes.toFixed(1)} min`;
  return `${(minutes / 60).toFixed(1)} h`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')}`.trimEnd());
}

export function renderStats(stats: UsageStats, window: string): string[] {
  const scope = `${window}${stats.personaId ? `, persona ${sanitizeInline(stats.personaId)}` : ''}`;
  if (stats.messages === 0) return [`No activity ${scope}.`];
  const lines = [
    `Activity ${scope}`,
    `  ${stats.sessions} sessions, ${stats.messages} messages (${stats.userMessages} from you)`,
    `  messages per session: ${stats.avgMessagesPerSession?.toFixed(1) ?? '–'} · average session: ${duration(stats.avgSessionDurationMs)} · first token after: ${ms(stats.avgFirstTokenMs)} on average`,
    `  tokens: ${stats.inputTokens} in, ${stats.outputTokens} out · cost: ${usd(stats.costUsd)}`,
    '',
    'Personas (most popular first)',
    ...table([
      ['persona', 'sessions', 'messages'],
      ...stats.personas.map((p) => [`${sanitizeInline(p.name)} (${sanitizeInline(p.personaId)})`, String(p.sessions), String(p.messages)]),
    ]),
  ];
  if (stats.models.length > 0) {
    lines.push('', 'Providers and models');
    lines.push(
      ...table([
        ['provider/model', 'replies', 'failed', 'tokens in', 'tokens out', 'cost', 'first token'],
        ...stats.models.map((m) => [
          `${m.provider}/${sanitizeInline(m.model)}`,
          String(m.replies),
          String(m.failed),
          m.inputTokens === null ? '–' : String(m.inputTokens),
          m.outputTokens === null ? '–' : String(m.outputTokens),
          usd(m.costUsd),
          ms(m.avgFirstTokenMs),
        ]),
      ]),
    );
  }
  const e = stats.errors;
  lines.push('', 'Errors');
  lines.push(
    `  API failures: ${e.api.length === 0 ? 'none' : e.api.map((a) => `${a.provider ?? '?'} ${a.kind}${a.status === null ? '' : ` ${a.status}`} ×${a.count}`).join(', ')}`,
  );
  lines.push(`  rate-limit hits: ${e.rateLimitHits.provider} from providers (429), ${e.rateLimitHits.local} held back by the local limit`);
  const limits = Object.entries(e.limitsReached);
  lines.push(`  limits reached: ${limits.length === 0 ? 'none' : limits.map(([k, n]) => `${k.replace('_', ' ')} ×${n}`).join(', ')}`);
  lines.push(`  database errors: ${e.databaseErrors} · interrupted replies: ${e.interruptions}`);
  const chart = dailyChart(stats.days);
  if (chart.length > 0) lines.push('', 'Messages per day', ...chart.map((l) => `  ${l}`));
  return lines;
}
