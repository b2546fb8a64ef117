import type { Command } from 'commander';
import { lazy } from './lazy.js';

/** `persona stats`: usage analytics from the history database. */
export function register(program: Command): void {
  program
    .command('stats')
    .description('usage: sessions, messages, personas, tokens and cost by model, latency, errors, activity per day')
    .option('--since <span>', 'time window: 12h, 7d, 2w or a date (YYYY-MM-DD)', '30d')
    .option('-p, --persona <id>', 'only this persona')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/stats.js')));
}
