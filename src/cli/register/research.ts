import { Option, type Command } from 'commander';
import { modelOptions } from '../model-options.js';
import { lazy } from './lazy.js';

// `persona survey`, `persona runs …` and `persona report`: research runs and their results.
// Definitions only; each action loads from its own file when it runs.

export function register(program: Command): void {
  modelOptions(
    program
      .command('survey')
      .description('ask personas a survey: a typed answer and a short reason per question, saved as a run')
      .argument('[survey]', 'survey file (JSON; see docs/surveys.md or --schema)')
      .argument('[personas]', 'persona ids separated by commas (or --all)')
      .option('-a, --all', 'every persona')
      .option('--resume <run>', 'go on with an earlier run: ask only what it is missing')
      .option('-j, --concurrency <n>', 'questions asked at once (default: research.concurrency, else 4)')
      .option('--schema', 'print the JSON Schema of survey files and exit')
      .option('--json', 'print the run summary as JSON'),
  )
    .addHelpText(
      'after',
      `
Question types: single_choice, multiple_choice, scale, number, yes_no, free_text.
With OpenAI-compatible servers the answer is held to a JSON Schema (response_format); with
Anthropic it is a forced tool call; set openai.structuredOutput (or anthropic.…) to "text" for a
server that can do neither. The offline engine answers from the persona's facts, by rules.

Examples:
  persona survey docs/examples/pricing-survey.json --all
  persona survey pricing.json cfo,icu-nurse,single-parent --provider openai -j 8
  persona survey --resume last
  persona survey --schema > survey.schema.json`,
    )
    .action(lazy(() => import('../commands/survey.js')));

  const runs = program.command('runs').description('research runs (surveys, multi-persona asks): list, show, export, check');
  runs
    .command('list')
    .description('runs, newest first')
    .option('-n, --limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/runs-list.js')));
  runs
    .command('show')
    .description('a run: each question with its answers drawn as bars (an ask run: each reply)')
    .argument('[run]', 'run id (a unique prefix is enough), or "last"', 'last')
    .option('--json', 'print JSON')
    .action(lazy(() => import('../commands/runs-show.js')));
  runs
    .command('export')
    .description('one row per persona x question, persona attributes as columns (for pivot tables)')
    .argument('[run]', 'run id (a unique prefix is enough), or "last"', 'last')
    .addOption(
      new Option('-f, --format <format>', 'output format (default: from the -o extension, else csv)').choices(['csv', 'json', 'md']),
    )
    .option('-o, --output <file>', 'write to this file (default: stdout)')
    .option('--force', 'overwrite the output file')
    .action(lazy(() => import('../commands/runs-export.js')));
  modelOptions(
    runs
      .command('check')
      .description('flag answers that contradict the persona file (budget, objections), quoting the fact')
      .argument('[run]', 'run id (a unique prefix is enough), or "last"', 'last')
      .option('--judge', 'also ask a model (the configured provider) to judge each answer')
      .option('--json', 'print JSON'),
  ).action(lazy(() => import('../commands/runs-check.js')));

  program
    .command('report')
    .description('one self-contained HTML report of a survey run (charts, cross-tabs, quotes) or a group session')
    .argument('[run]', 'run id or session id (a unique prefix is enough), or "last"', 'last')
    .option('-o, --output <file>', 'where to write it', 'report.html')
    .option('--by <field>', 'cross-tab by this persona field: age (in bands) or any path such as baseSelection.location', 'age')
    .option('--force', 'overwrite the output file')
    .addHelpText(
      'after',
      `
Examples:
  persona report last -o pricing.html
  persona report 01jx3k --by baseSelection.location`,
    )
    .action(lazy(() => import('../commands/report.js')));
}
