import type { Command } from 'commander';
import { registerAuthoring } from './authoring.js';
import { registerCards } from './cards.js';
import { lazy } from './lazy.js';

// `persona personas …`: list, check, inspect, author, and exchange persona files as Character Cards.
// Definitions only; each action loads when its command runs.

export function register(program: Command): void {
  const personas = program.command('personas').description('list, check, inspect and author persona files');
  personas
    .command('list')
    .description('list every persona: shipped, your own, and any paths given')
    .argument('[paths...]', 'extra persona files or folders')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/personas-list.js')));
  personas
    .command('show')
    .description('show one persona, readable')
    .argument('<persona>', 'persona id (or a path to a .json file)')
    .option('--json', 'print the persona as loaded, as JSON')
    .action(lazy(() => import('../commands/personas-show.js')));
  personas
    .command('prompt')
    .description('show the chat profile and the exact system prompt the model gets')
    .argument('<persona>', 'persona id (or a path to a .json file)')
    .option('--json', 'print JSON: profile, prompt, token estimate')
    .action(lazy(() => import('../commands/personas-prompt.js')));
  personas
    .command('validate')
    .description('check persona files; exits non-zero if any is invalid')
    .argument('[paths...]', 'files or folders (default: every persona the app loads)')
    .option('--json', 'print JSON')
    .option('--strict', 'treat warnings (a flat persona) as failures')
    .action(lazy(() => import('../commands/personas-validate.js')));
  personas
    .command('new')
    .description('create a persona file in your persona folder (a wizard on a terminal; flags otherwise)')
    .option('--from <persona>', 'start from a copy of this persona')
    .option('--id <id>', 'id and file name (default: from the name)')
    .option('--name <name>', 'full name')
    .option('--age <age>', 'age, or a range such as 35-44')
    .option('--gender <text>')
    .option('--occupation <text>')
    .option('--industry <text>')
    .option('--location <text>')
    .option('--income <text>')
    .option('--education <text>')
    .option('--family <text>', 'family status')
    .option('--background <text>', 'background story')
    .option('--quote <text>', 'something they would say')
    .option('--goals <list>', 'separated by commas or semicolons')
    .option('--challenges <list>', 'separated by commas or semicolons')
    .option('--values <list>', 'separated by commas or semicolons')
    .option('--interests <list>', 'separated by commas or semicolons')
    .option('--pain-points <list>', 'separated by commas or semicolons')
    .option('--motivations <list>', 'separated by commas or semicolons')
    .option('--objections <list>', 'separated by commas or semicolons')
    .option(
      '--traits <o,c,e,a,n>',
      'Big Five, five numbers 0-1 or 0-100 (openness, conscientiousness, extraversion, agreeableness, neuroticism)',
    )
    .option('--emoji <emoji>')
    .option('--color <color>', 'e.g. "#3b82f6"')
    .option('-o, --output <file>', 'write here instead of your persona folder')
    .option('--force', 'overwrite an existing file')
    .option('--json', 'print the written persona as JSON')
    .action(lazy(() => import('../commands/personas-new.js')));
  personas
    .command('schema')
    .description('print the JSON Schema of persona files (for editors)')
    .action(lazy(() => import('../commands/personas-schema.js')));
  personas
    .command('dir')
    .description('print the folder where your own personas live')
    .action(lazy(() => import('../commands/personas-dir.js')));
  registerCards(personas);
  registerAuthoring(personas);
}
