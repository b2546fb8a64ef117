import { Option, type Command } from 'commander';
import { lazy } from './lazy.js';

// `persona personas import` and `persona personas export`: Character Card exchange (V1/V2/V3,
// JSON and PNG). Definitions only; the actions load when the command runs.

export function registerCards(personas: Command): void {
  personas
    .command('import')
    .description('import Character Cards (V1, V2, V3; .json or .png) and TinyTroupe agents as personas in your persona folder')
    .argument('<files...>', 'card files or TinyTroupe *.agent.json files')
    .option('--fragment <files...>', 'TinyTroupe *.fragment.json files to merge into the agent first')
    .option('--id <id>', 'id and file name for the persona (one file only; default: from the card name)')
    .option('--force', 'overwrite an existing persona file with the same id')
    .option('--dry-run', 'print the persona JSON instead of writing it')
    .option('--json', 'print JSON')
    .addHelpText(
      'after',
      `
The card's name, description, personality, scenario and first message become persona fields;
everything else (lorebook, example dialogue, system prompt, extensions, unknown keys) is kept
under "characterCard", and \`personas export\` writes it back. Nothing a card names is fetched.

A TinyTroupe agent ({"type": "TinyPerson", "persona": {...}}) maps onto persona fields (name, age,
occupation, interests, goals, beliefs, Big Five...); fields the format has no place for keep their
own name and reach the model as facts. \`personas export --format tinytroupe\` writes the agent back.

Examples:
  persona personas import Seraphina.png
  persona personas import Lisa.agent.json --fragment travel_enthusiast.fragment.json
  persona personas import card.json --dry-run`,
    )
    .action(lazy(() => import('../commands/personas-import.js')));
  personas
    .command('export')
    .description('write a persona as a Character Card (V2 JSON, or a PNG with V2 and V3 chunks) or a TinyTroupe agent')
    .argument('<persona>', 'persona id (or a path to a .json file)')
    .addOption(new Option('-f, --format <format>', 'card format').choices(['card-json', 'card-png', 'tinytroupe']).default('card-json'))
    .option('-o, --output <file>', 'write here (default: stdout for card-json, <id>.png for card-png)')
    .option('--force', 'overwrite the output file')
    .action(lazy(() => import('../commands/personas-export.js')));
}
