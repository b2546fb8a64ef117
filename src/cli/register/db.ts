import type { Command } from 'commander';
import { lazy } from './lazy.js';

// `persona db …`: which database holds the history, its schema, and moving a history between
// SQLite and PostgreSQL. Definitions only.

export function register(program: Command): void {
  const db = program
    .command('db')
    .description('the history database: status, check, migrate, copy between SQLite and PostgreSQL')
    .addHelpText(
      'after',
      `
The history is in the SQLite file in PERSONA_HOME unless DATABASE_URL (or the setting
database.url) names a PostgreSQL database: postgres://user:password@host:5432/persona.

Examples:
  persona db status
  persona db check --fix
  DATABASE_URL=postgres://ana:secret@db:5432/persona persona db migrate
  persona db copy --from sqlite --to postgres --url postgres://ana:secret@db:5432/persona
  persona db copy --from postgres --to sqlite --sqlite ./history.db --json`,
    );
  db.command('status')
    .description('which database is used, its migrations and row counts (reads only)')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/db-status.js')));
  db.command('migrate')
    .description('bring the schema up to date (every command also does this at start-up)')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/db-migrate.js')));
  db.command('check')
    .description('check the history is whole: the file, references, session totals, message numbering (exit 1 if not)')
    .option('--fix', 'recount session totals that disagree with their messages')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/db-check.js')));
  db.command('copy')
    .description('copy a whole history into an empty database; row counts and a checksum are compared at the end')
    .requiredOption('--from <backend>', 'sqlite or postgres')
    .requiredOption('--to <backend>', 'sqlite or postgres')
    .option('--sqlite <file>', 'the SQLite side (default: the history file in PERSONA_HOME)')
    .option('--url <url>', 'the PostgreSQL side (default: DATABASE_URL, then the setting database.url)')
    .option('--batch-size <n>', 'rows per batch', '1000')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/db-copy.js')));
}
