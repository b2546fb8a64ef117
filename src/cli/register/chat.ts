import type { Command } from 'commander';
import { modelOptions } from '../model-options.js';
import { lazy } from './lazy.js';

// `persona chat`: the interactive chat (line mode when piped). Definitions only; the action loads when the command runs.

export function register(program: Command): void {
  modelOptions(
    program
      .command('chat')
      .description('chat with a persona in the terminal (a picker when none is given; line mode when piped); a,b,c chats with a group')
      .argument('[persona]', 'persona id or a path to a .json file; several ids comma-separated (a,b,c) for a group you moderate')
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
Piped (persona chat cfo < questions.txt): every line is a message and the transcript prints.
Group (persona chat cfo,icu-nurse): every participant answers each message in turn, hearing the others; /to <id> … asks one.`,
    )
    .action(lazy(() => import('../commands/chat.js')));
}
