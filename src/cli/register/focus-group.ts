import type { Command } from 'commander';
import { modelOptions } from '../model-options.js';
import { lazy } from './lazy.js';

/** `persona focus-group`: a moderated discussion in which participants hear each other. */
export function register(program: Command): void {
  modelOptions(
    program
      .command('focus-group')
      .description('a moderated focus group: every participant answers each prompt in turn, hearing what was said before them')
      .argument('<personas>', 'two or more persona ids, comma-separated (a,b,c)')
      .option('-t, --topic <text>', 'the one question the group discusses')
      .option('--moderator <file>', 'a moderator guide: one prompt per line (# starts a comment)')
      .option('-r, --rounds <n>', 'open rounds after each prompt, in which participants respond to each other', '0')
      .option('--json', 'print one JSON object per turn (JSON lines)')
      .option('--no-save', 'keep this group out of the history database')
      .option('--no-wait', 'when the rate limit holds a request back, fail (exit 6) instead of waiting')
      .option('--over-budget', 'keep sending when the session or daily spending budget is spent'),
  )
    .addHelpText(
      'after',
      `
Turn order is round-robin (the order named, rotated by one for each prompt); --seed shuffles it, the same way for the same seed.
Each participant hears the moderator and everyone who spoke before them, by name. The whole discussion is one session:
persona sessions show <id>, persona export <id> --format html.

Exit codes: 0 ok · 2 usage error · 3 invalid persona or guide file · 4 provider error (what was said so far is saved) · 5 database error · 6 refused by a limit · 130 interrupted

Examples:
  persona focus-group cfo,icu-nurse,teacher --topic "Would you pay $20 a month for this?"
  persona focus-group cfo,icu-nurse --moderator guide.txt --rounds 1
  persona focus-group cfo,icu-nurse,teacher --topic "Pricing" --seed 7 --json > turns.jsonl`,
    )
    .action(lazy(() => import('../commands/focus-group.js')));
}
