import type { Command } from 'commander';
import { lazy } from './lazy.js';

// `persona sessions …`: list, show, search and delete saved sessions. Definitions only.

export function register(program: Command): void {
  const sessions = program.command('sessions').description('list, show, search and delete saved chat sessions');
  sessions
    .command('list')
    .description('recent sessions, newest first')
    .option('-p, --persona <id>', 'only sessions with this persona')
    .option('-n, --limit <n>', 'how many (the sessions of one multi-persona ask count once)', '20')
    .option('--all', 'every session')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/sessions-list.js')));
  sessions
    .command('show')
    .description("print a session's transcript")
    .argument('[id]', 'session id (a unique prefix is enough), or "last" (the default)')
    .option('--last', 'the most recent session (as with no id)')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/sessions-show.js')));
  sessions
    .command('search')
    .description('full-text search over every message: messages with the exact words first, then related word forms')
    .argument('<text...>', 'words to find')
    .option('-p, --persona <id>', 'only sessions with this persona')
    .option('-n, --limit <n>', 'how many hits', '20')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/sessions-search.js')));
  sessions
    .command('delete')
    .description('delete a session and its messages')
    .argument('<id>', 'session id (a unique prefix is enough)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(lazy(() => import('../commands/sessions-delete.js')));
}
