import { Option, type Command } from 'commander';
import { modelOptions } from '../model-options.js';
import { lazy } from './lazy.js';

// `persona ask`: one question, a focus group (several ids, --all) or an interview (--script).
// Definitions only; the action loads when the command runs.

export function register(program: Command): void {
  modelOptions(
    program
      .command('ask')
      .description('ask a persona one question; the reply streams to stdout (a focus group with several ids or --all)')
      .argument('[persona]', 'persona id, several ids separated by commas, or a path to a .json file')
      .argument('[message...]', 'the message (default: read from stdin; `-` also reads stdin)')
      .option('-c, --continue', 'add to the last session with this persona')
      .option('-s, --session <id>', 'add to this session (its persona answers; every argument is the message)')
      .option('--no-save', 'do not save this turn in the history database')
      .option('--json', 'print one JSON object (an array for several personas)')
      .option('-a, --all', 'ask every persona the same question (every argument is the message)')
      .option('--script <file>', 'an interview: one question per line (# comments, blank lines skipped), one session')
      .option('--blocks', 'with --script: questions are blocks separated by blank lines, so one may span lines')
      .option('--raw', 'when stdout is not a terminal, pass the reply through unsanitized')
      .option('--voice', 'speak the message: records from the microphone until Enter or silence')
      .option('--audio-file <file>', 'transcribe this WAV file as the message (any common WAV)')
      .option('--keep-audio', 'keep the WAV beside the session (exports link it)')
      .addOption(
        new Option('--transcriber <name>', 'speech to text (default: voice.transcriber, else auto)').choices(['auto', 'openai', 'local']),
      )
      .option('--no-wait', 'when the rate limit holds the message back, fail (exit 6) instead of waiting')
      .option('--over-budget', 'send even when the session or daily spending budget is spent')
      .option('--carry-over', 'when the conversation is full, continue in a new session that starts from a summary'),
  )
    .addHelpText(
      'after',
      `
Exit codes: 0 ok · 2 usage error · 3 invalid persona or input file · 4 provider error (your message is saved) · 5 database error · 6 refused by a limit (rate with --no-wait, turns, context, budget) · 7 voice input failed · 130 interrupted (the partial reply is saved)

Examples:
  persona ask cfo "Would you pay for this?"
  echo "What do you think of our pricing page?" | persona ask cfo --json
  persona ask cfo,icu-nurse "How do you pick software?"
  persona ask --all "What frustrates you most about your bank?"
  persona ask cfo --script interview.txt`,
    )
    .action(lazy(() => import('../commands/ask.js')));
}
