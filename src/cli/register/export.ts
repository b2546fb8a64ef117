import { Option, type Command } from 'commander';
import { lazy } from './lazy.js';

// `persona export`: a session transcript as Markdown, JSON, HTML or text. Definitions only.

export function register(program: Command): void {
  program
    .command('export')
    .description('export a session transcript as Markdown, JSON, HTML or plain text')
    .argument('[session]', 'session id (a unique prefix is enough)')
    .option('--last', 'the most recent session')
    .addOption(
      new Option('-f, --format <format>', 'output format (default: from the -o extension, else md)').choices(['md', 'json', 'html', 'txt']),
    )
    .option('-o, --output <file>', 'write to this file (default: stdout); .md .json .html .txt pick the format')
    .option('--force', 'overwrite the output file')
    .action(lazy(() => import('../commands/export.js')));
}
