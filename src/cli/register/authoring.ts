import { Option, type Command } from 'commander';

// `persona personas generate` and `persona personas enrich`: personas written by a live model.
// Definitions only; the actions load when the command runs.

const providerOption = () =>
  new Option('--provider <name>', 'model provider (a live one: openai or anthropic)').choices(['openai', 'anthropic', 'offline']);

export function registerAuthoring(personas: Command): void {
  personas
    .command('generate')
    .description('write a diverse panel of personas for a segment with a live model (plan first, then one file per person)')
    .argument('<segment>', 'who they are, e.g. "owners of independent coffee shops in Portugal"')
    .option('-n, --count <n>', 'how many people (default 10)')
    .option('--ages <bands>', 'only these age bands, e.g. 18-24,25-34 (of 18-24, 25-34, 35-44, 45-54, 55-64, 65+)')
    .option('--seed <n>', 'the same seed plans the same spread of ages, incomes, places, attitudes and Big Five')
    .option('--concurrency <n>', 'requests at once (default 4)')
    .option('-o, --out-dir <dir>', 'write the files here (default: your persona folder)')
    .option('--force', 'overwrite a persona file with the same id (default: the new one gets the next free id)')
    .option('--dry-run', 'show the plan and the estimated cost; call no model')
    .option('--budget <usd>', 'stop once this much is spent (default: limits.sessionBudgetUsd, $1)')
    .option('--json', 'print JSON')
    .addOption(providerOption())
    .option('-m, --model <name>', 'model name (default: from config, else the provider default)')
    .addHelpText(
      'after',
      `
The spread is planned before any model is asked: ages across bands, incomes, places, attitudes to
the product and Big Five traits, so the panel is diverse on purpose. Each person is then written
against their slot with structured output (the persona schema), checked, and asked for again once
when the reply is unusable. Progress goes to stderr; files are written as they arrive.
  persona personas generate "nurses who work night shifts in UK hospitals" --count 12 --dry-run
  persona personas generate "first-time home buyers in Texas" -n 20 --seed 7 -o ./panel`,
    )
    .action(async (segment: string, options: Record<string, unknown>) =>
      (await import('../commands/personas-generate.js')).default(segment, options),
    );
  personas
    .command('enrich')
    .description('fill the empty sections of a persona (insights, example dialogue, stories) with a live model, keeping what you wrote')
    .argument('<persona>', 'persona id (or a path to a .json file)')
    .option('-y, --yes', 'write without asking')
    .option('--dry-run', 'show the change; write nothing')
    .option('--json', 'print JSON')
    .addOption(providerOption())
    .option('-m, --model <name>', 'model name (default: from config, else the provider default)')
    .addHelpText(
      'after',
      `
Only sections that are missing or empty are filled; every byte you wrote stays as it is. The change
is shown as added lines before anything is written.
  persona personas enrich my-buyer --dry-run
  persona personas enrich ./panel/ana-souza.json --yes`,
    )
    .action(async (ref: string, options: Record<string, unknown>) =>
      (await import('../commands/personas-enrich.js')).default(ref, options),
    );
}
