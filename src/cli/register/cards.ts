import { Option, type Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { lazy } from './lazy.js';

const collect = (value: string, previous: string[]): string[] => [...previous, value];

// `persona personas import` and `persona personas export`: Character Card exchange (V1/V2/V3,
// JSON and PNG). Definitions only; the actions load when the command runs.

export function registerCards(personas: Command): void {
  personas
    .command('import')
    .description(
      'import Character Cards (V1, V2, V3; .json or .png), TinyTroupe agents, or respondent data (.csv, .jsonl: one persona per row)',
    )
    .argument('<files...>', 'card files, TinyTroupe *.agent.json files, or one respondent file')
    .option('--fragment <files...>', 'TinyTroupe *.fragment.json files to merge into the agent first')
    .option('--id <id>', 'id and file name for the persona (one card or agent only; default: from its name)')
    .option('--force', 'overwrite an existing persona file with the same id')
    .option('--dry-run', 'print the persona JSON instead of writing it')
    .option('--json', 'print JSON')
    .option('--mapping <file>', 'respondent data: a JSON file naming which column fills which persona field')
    .option(
      '--map <column=field>',
      'respondent data: one column -> field, e.g. "Job title=baseSelection.occupation" (repeatable)',
      collect,
      [],
    )
    .option('--no-auto-match', 'respondent data: map only the columns named by --mapping/--map')
    .option('-o, --out-dir <dir>', 'respondent data: write the personas here (default: your persona folder)')
    .option('--enrich', "respondent data: then fill each persona's empty sections with a live model (see personas enrich)")
    .addOption(new Option('--provider <name>', 'respondent data with --enrich: model provider').choices(['openai', 'anthropic', 'offline']))
    .option('-m, --model <name>', 'respondent data with --enrich: model name')
    .addHelpText(
      'after',
      `
The card's name, description, personality, scenario and first message become persona fields;
everything else (lorebook, example dialogue, system prompt, extensions, unknown keys) is kept
under "characterCard", and \`personas export\` writes it back. Nothing a card names is fetched.

A TinyTroupe agent ({"type": "TinyPerson", "persona": {...}}) maps onto persona fields (name, age,
occupation, interests, goals, beliefs, Big Five...); fields the format has no place for keep their
own name and reach the model as facts. \`personas export --format tinytroupe\` writes the agent back.

Respondent data (.csv with a header row, or .jsonl with one object per line) becomes one persona
per row, no model needed. Columns whose header names a field ("Age", "Job title", "Pain points")
fill it; name others with --map or a mapping file; unmapped columns are kept as extra fields under
"respondentData". Bad rows are reported by line and column and the rest are still written.
A mapping file: { "columns": { "Q2": "baseSelection.age", "Email": "ignore" }, "autoMatch": true }

Examples:
  persona personas import Seraphina.png
  persona personas import Lisa.agent.json --fragment travel_enthusiast.fragment.json
  persona personas import card.json --dry-run
  persona personas import survey.csv --dry-run
  persona personas import survey.csv --map "Q4 Budget=baseSelection.income" -o ./panel`,
    )
    .action(async (files: string[], options: Record<string, unknown>) => {
      const respondents = await import('../commands/personas-import-respondents.js');
      if (files.some(respondents.isRespondentFile)) {
        if (files.length > 1) throw new UsageError('import one respondent file at a time', 'run the command once per file');
        return respondents.default(files[0]!, options);
      }
      const { mapping, map, autoMatch, outDir, enrich, provider, model, ...cardOptions } = options;
      if (
        [mapping, outDir, enrich, provider, model].some((v) => v !== undefined) ||
        (Array.isArray(map) && map.length > 0) ||
        autoMatch === false
      )
        throw new UsageError('--mapping, --map, --no-auto-match, --out-dir and --enrich are for respondent files (.csv, .jsonl)');
      const { default: importCards } = await import('../commands/personas-import.js');
      return importCards(files, cardOptions);
    });
  personas
    .command('export')
    .description('write a persona as a Character Card (V2 JSON, or a PNG with V2 and V3 chunks) or a TinyTroupe agent')
    .argument('<persona>', 'persona id (or a path to a .json file)')
    .addOption(new Option('-f, --format <format>', 'card format').choices(['card-json', 'card-png', 'tinytroupe']).default('card-json'))
    .option('-o, --output <file>', 'write here (default: stdout for card-json, <id>.png for card-png)')
    .option('--force', 'overwrite the output file')
    .action(lazy(() => import('../commands/personas-export.js')));
}
