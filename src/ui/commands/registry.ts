import { closest } from '../../core/closest.js';
import { isUserError } from '../../core/errors.js';
import { clearCommand, continueCommand, helpCommand, quitCommand, resetCommand, retryCommand, voiceCommand } from './chat-commands.js';
import { costCommand, modelCommand, providerCommand } from './model-commands.js';
import { personaCommand, profileCommand, promptCommand } from './persona-commands.js';
import { exportCommand, resumeCommand, sessionsCommand } from './session-commands.js';
import type { CommandContext, CommandResult, SlashCommand } from './types.js';

export const SLASH_COMMANDS: readonly SlashCommand[] = [
  helpCommand,
  retryCommand,
  resetCommand,
  continueCommand,
  personaCommand,
  sessionsCommand,
  resumeCommand,
  exportCommand,
  modelCommand,
  providerCommand,
  promptCommand,
  profileCommand,
  costCommand,
  voiceCommand,
  clearCommand,
  quitCommand,
];

export interface ParsedSlash {
  name: string;
  args: string;
}

/**
 * `/name args` -> its parts; undefined for an ordinary message. `//text` is a message that starts
 * with a slash, so a persona can still be asked about paths like /etc.
 */
export function parseSlash(input: string): ParsedSlash | undefined {
  const text = input.trim();
  if (!text.startsWith('/') || text.startsWith('//')) return undefined;
  const match = /^\/(\S*)\s*([\s\S]*)$/.exec(text)!;
  return { name: match[1]!.toLowerCase(), args: match[2]! };
}

export function findCommand(name: string, commands: readonly SlashCommand[] = SLASH_COMMANDS): SlashCommand | undefined {
  return commands.find((c) => c.name === name || c.altNames?.includes(name));
}

/** Runs a parsed command; an unknown name, or a UserError from the action, becomes an error result. */
export async function runSlash(parsed: ParsedSlash, ctx: CommandContext): Promise<CommandResult> {
  const command = findCommand(parsed.name, ctx.commands);
  if (!command) {
    const near = closest(
      parsed.name,
      ctx.commands.flatMap((c) => [c.name, ...(c.altNames ?? [])]),
    );
    return {
      type: 'error',
      message: `unknown command /${parsed.name}`,
      hint: near ? `did you mean /${near}? (/help lists them all)` : '/help lists the commands',
    };
  }
  try {
    return await command.action(ctx, parsed.args);
  } catch (error) {
    if (isUserError(error)) return { type: 'error', message: error.message, hint: error.hint };
    return { type: 'error', message: `/${command.name} failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
