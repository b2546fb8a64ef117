import { Command } from 'commander';
import { UsageError } from '../core/errors.js';
import * as ask from './register/ask.js';
import * as chat from './register/chat.js';
import * as config from './register/config.js';
import * as db from './register/db.js';
import * as exportCommand from './register/export.js';
import * as focusGroup from './register/focus-group.js';
import * as personas from './register/personas.js';
import * as research from './register/research.js';
import * as serve from './register/serve.js';
import * as sessions from './register/sessions.js';
import * as stats from './register/stats.js';
import * as voice from './register/voice.js';
import { VERSION } from './version.js';

// The whole command tree. Each command or command group is defined (names, options, help) in its
// own file under register/; its action lives under commands/ and is imported only when that
// command runs, so `persona --version` and `persona personas list` never load Ink, the SDKs or SQLite.
// The order here is the order `persona --help` lists them in.
const COMMANDS = [chat, personas, ask, focusGroup, research, sessions, exportCommand, config, voice, stats, db, serve];

export function buildProgram(): Command {
  const program = new Command('persona')
    .description('Talk with personas: interview synthetic customers in your terminal, from scripts, or as a focus group.')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    // The root has its own action (the chat), which turns commander's implicit `help` off.
    .helpCommand('help [command]', 'show help for a command')
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

  for (const command of COMMANDS) command.register(program);
  return program;
}
