import { Command, Option } from 'commander';
import { modelOptions } from './model-options.js';
import { UsageError } from '../core/errors.js';
import { registerStats } from './register-stats.js';
import { registerCards } from './register-cards.js';
import { VERSION } from './version.js';
import { registerVoice } from './register-voice.js';
import { registerServe } from './register-serve.js';

// The whole command tree: names, options and help. Each action lives in its own file under
// commands/ and is imported only when that command runs, so `persona --version` and
// `persona personas list` never load Ink, the SDKs or SQLite.

// Commander passes positional arguments, then options, then the command: each action types its own.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Action = (...args: any[]) => Promise<void>;
const lazy =
  (load: () => Promise<{ default: Action }>): Action =>
  async (...args) =>
    (await load()).default(...args);

export function buildProgram(): Command {
  const program = new Command('persona')
    .description('Talk with personas: interview synthetic customers in your terminal, from scripts, or as a focus group.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .addHelpText(
      'after',
      `
Examples:
  persona chat cfo                     interactive chat (offline engine unless a key is set)
  persona ask cfo "Would you pay $20/month for this?"
  persona ask --all "What frustrates you about budgeting apps?"
  cat brief.md | persona ask cfo --json
  persona personas list

Environment:
  OPENAI_API_KEY, ANTHROPIC_API_KEY    keys for live models (or: persona config set openai.apiKey …)
  OPENAI_BASE_URL                      any OpenAI-compatible server (Ollama, LM Studio, vLLM …)
  ANTHROPIC_BASE_URL                   an Anthropic-compatible endpoint or proxy
  PERSONA_HOME                         where settings, personas and the history database live
  NO_COLOR                             turn colour off`,
    );

  modelOptions(
    program
      .command('chat')
      .description('chat with a persona in the terminal (a picker when none is given; line mode when piped)')
      .argument('[persona]', 'persona id or a path to a .json file')
      .option('-c, --continue', 'reopen the last session with this persona (or the last session of all)')
      .option('-s, --session <id>', 'reopen this session, transcript shown')
      .option('--no-save', 'keep this chat out of the history database')
      .option('--voice-auto-send', 'send a spoken message (Ctrl-R) as soon as it is transcribed, without editing it first')
      .option('--keep-audio', 'keep the WAV of each spoken message beside the session (exports link it)')
      .option('--over-budget', 'keep sending when the session or daily spending budget is spent'),
  )
    .addHelpText(
      'after',
      `
In the chat: Enter sends · Ctrl-J or Alt-Enter new line · Esc or Ctrl-C stops a reply · Ctrl-D quits
Ctrl-R (or /voice) records a message by voice: Enter or Ctrl-R stops, Esc cancels; the transcript lands in the input.
Type /help for the slash commands (/retry, /reset, /persona, /export, /model, /provider, …).
Piped (persona chat cfo < questions.txt): every line is a message and the transcript prints.`,
    )
    .action(lazy(() => import('./commands/chat.js')));

  // Plain `persona` on a terminal opens the chat; elsewhere it shows help.
  program.allowExcessArguments(true).action(async () => {
    const [word] = program.args;
    if (word !== undefined) {
      const { closest } = await import('../core/closest.js');
      const near = closest(
        word,
        program.commands.map((c) => c.name()),
      );
      throw new UsageError(`unknown command '${word}'`, near ? `did you mean '${near}'? (see persona --help)` : 'see persona --help');
    }
    if (process.stdin.isTTY && process.stdout.isTTY) {
      const { default: chat } = await import('./commands/chat.js');
      await chat(undefined, {});
    } else {
      program.outputHelp();
    }
  });

  const personas = program.command('personas').description('list, check, inspect and author persona files');
  personas
    .command('list')
    .description('list every persona: shipped, your own, and any paths given')
    .argument('[paths...]', 'extra persona files or folders')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/personas-list.js')));
  personas
    .command('show')
    .description('show one persona, readable')
    .argument('<persona>', 'persona id (or a path to a .json file)')
    .option('--json', 'print the persona as loaded, as JSON')
    .action(lazy(() => import('./commands/personas-show.js')));
  personas
    .command('prompt')
    .description('show the chat profile and the exact system prompt the model gets')
    .argument('<persona>', 'persona id (or a path to a .json file)')
    .option('--json', 'print JSON: profile, prompt, token estimate')
    .action(lazy(() => import('./commands/personas-prompt.js')));
  personas
    .command('validate')
    .description('check persona files; exits non-zero if any is invalid')
    .argument('[paths...]', 'files or folders (default: every persona the app loads)')
    .option('--json', 'print JSON')
    .option('--strict', 'treat warnings (a flat persona) as failures')
    .action(lazy(() => import('./commands/personas-validate.js')));
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
    .option('--goals <list>', 'semicolon-separated')
    .option('--challenges <list>', 'semicolon-separated')
    .option('--values <list>', 'semicolon-separated')
    .option('--interests <list>', 'semicolon-separated')
    .option('--pain-points <list>', 'semicolon-separated')
    .option('--motivations <list>', 'semicolon-separated')
    .option('--objections <list>', 'semicolon-separated')
    .option(
      '--traits <o,c,e,a,n>',
      'Big Five, five numbers 0-1 or 0-100 (openness, conscientiousness, extraversion, agreeableness, neuroticism)',
    )
    .option('--emoji <emoji>')
    .option('--color <color>', 'e.g. "#3b82f6"')
    .option('-o, --output <file>', 'write here instead of your persona folder')
    .option('--force', 'overwrite an existing file')
    .option('--json', 'print the written persona as JSON')
    .action(lazy(() => import('./commands/personas-new.js')));
  personas
    .command('schema')
    .description('print the JSON Schema of persona files (for editors)')
    .action(lazy(() => import('./commands/personas-schema.js')));
  personas
    .command('dir')
    .description('print the folder where your own personas live')
    .action(lazy(() => import('./commands/personas-dir.js')));

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
      .option('--script <file>', 'an interview: one question per line (or blocks separated by blank lines), one session')
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
Exit codes: 0 ok · 2 usage error · 3 invalid persona or input file · 4 provider error (your message is saved) · 5 database error · 6 refused by a limit (rate with --no-wait, turns, context, budget) · 130 interrupted (the partial reply is saved)

Examples:
  persona ask cfo "Would you pay for this?"
  echo "What do you think of our pricing page?" | persona ask cfo --json
  persona ask cfo,icu-nurse "How do you pick software?"
  persona ask --all "What frustrates you most about your bank?"
  persona ask cfo --script interview.txt`,
    )
    .action(lazy(() => import('./commands/ask.js')));

  const sessions = program.command('sessions').description('list, show, search and delete saved chat sessions');
  sessions
    .command('list')
    .description('recent sessions, newest first')
    .option('-p, --persona <id>', 'only sessions with this persona')
    .option('-n, --limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/sessions-list.js')));
  sessions
    .command('show')
    .description("print a session's transcript")
    .argument('[id]', 'session id (a unique prefix is enough), or "last"', 'last')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/sessions-show.js')));
  sessions
    .command('search')
    .description('full-text search over every message, best matches first')
    .argument('<text...>', 'words to find')
    .option('-p, --persona <id>', 'only sessions with this persona')
    .option('-n, --limit <n>', 'how many hits', '20')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/sessions-search.js')));
  sessions
    .command('delete')
    .description('delete a session and its messages')
    .argument('<id>', 'session id (a unique prefix is enough)')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(lazy(() => import('./commands/sessions-delete.js')));

  program
    .command('export')
    .description('export a session transcript as Markdown, JSON, HTML or plain text')
    .argument('[session]', 'session id (a unique prefix is enough)')
    .option('--last', 'the most recent session')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['md', 'json', 'html', 'txt']).default('md'))
    .option('-o, --output <file>', 'write to this file (default: stdout)')
    .option('--force', 'overwrite the output file')
    .action(lazy(() => import('./commands/export.js')));

  const config = program.command('config').description('show and change settings (stored with file mode 0600)');
  config
    .command('list')
    .description('show every setting (keys masked)')
    .option('--json', 'print JSON')
    .action(lazy(() => import('./commands/config-list.js')));
  config
    .command('get')
    .description('print one setting (keys masked)')
    .argument('<key>', 'e.g. provider, openai.model')
    .action(lazy(() => import('./commands/config-get.js')));
  config
    .command('set')
    .description('change a setting')
    .argument('<key>', 'a setting such as provider, openai.apiKey or limits.dailyBudgetUsd (`persona config keys` lists them all)')
    .argument('<value>')
    .action(lazy(() => import('./commands/config-set.js')));
  config
    .command('keys')
    .description('list every setting `persona config set` accepts')
    .action(lazy(() => import('./commands/config-keys.js')));
  config
    .command('unset')
    .description('remove a setting')
    .argument('<key>')
    .action(lazy(() => import('./commands/config-unset.js')));
  config
    .command('path')
    .description('print where the config file, personas and history live')
    .action(lazy(() => import('./commands/config-path.js')));

  // Each area below registers its commands from its own file (kept light: definitions only).
  registerVoice(program);
  registerStats(program);
  registerServe(program);
  registerCards(program);

  return program;
}
