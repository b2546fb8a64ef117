import type { Command } from 'commander';
import { lazy } from './lazy.js';

// `persona config …`: show and change settings. Definitions only.

export function register(program: Command): void {
  const config = program.command('config').description('show and change settings (stored with file mode 0600)');
  config
    .command('list')
    .description('show every setting (keys masked)')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/config-list.js')));
  config
    .command('get')
    .description('print one setting (keys masked)')
    .argument('<key>', 'e.g. provider, openai.model')
    .action(lazy(() => import('../commands/config-get.js')));
  config
    .command('set')
    .description('change a setting')
    .argument('<key>', 'a setting such as provider, openai.apiKey or limits.dailyBudgetUsd (`persona config keys` lists them all)')
    .argument('<value>')
    .action(lazy(() => import('../commands/config-set.js')));
  config
    .command('keys')
    .description('list every setting `persona config set` accepts')
    .action(lazy(() => import('../commands/config-keys.js')));
  config
    .command('unset')
    .description('remove a setting')
    .argument('<key>')
    .action(lazy(() => import('../commands/config-unset.js')));
  config
    .command('path')
    .description('print where the config file, personas and history live')
    .action(lazy(() => import('../commands/config-path.js')));
}
