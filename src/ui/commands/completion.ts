import { findCommand } from './registry.js';
import type { CommandContext, SlashCommand } from './types.js';

export interface Completion {
  /** The input after completing as far as every candidate agrees. */
  text: string;
  /** What could come next, shown under the prompt when there is more than one. */
  candidates: string[];
}

/** Tab on a slash command: completes the command name, then its argument. */
export function completeSlash(input: string, ctx: CommandContext): Completion {
  const none = { text: input, candidates: [] };
  if (!input.startsWith('/') || input.includes('\n')) return none;
  const space = input.indexOf(' ');
  if (space === -1) {
    const prefix = input.slice(1).toLowerCase();
    const names = ctx.commands.map((c) => c.name).filter((n) => n.startsWith(prefix));
    if (names.length === 0) return none;
    if (names.length === 1) return { text: `/${names[0]} `, candidates: [] };
    return { text: `/${commonPrefix(names)}`, candidates: names.map((n) => `/${n}`) };
  }
  const command = findCommand(input.slice(1, space).toLowerCase(), ctx.commands);
  if (!command?.complete) return none;
  const head = input.slice(0, space + 1);
  const argPrefix = input.slice(space + 1).trimStart();
  if (/\s/.test(argPrefix)) return none;
  const options = command.complete(argPrefix, ctx);
  if (options.length === 0) return none;
  if (options.length === 1) return { text: `${head}${options[0]} `, candidates: [] };
  return { text: `${head}${commonPrefix(options)}`, candidates: options };
}

export interface Suggestion {
  usage: string;
  description: string;
}

/**
 * The commands a half-typed `/name` could be, shown under the prompt while typing (before any
 * Tab), with what each does. None once a space or a line break is typed.
 */
export function slashSuggestions(input: string, commands: readonly SlashCommand[]): Suggestion[] {
  if (!/^\/[a-z]*$/i.test(input)) return [];
  const prefix = input.slice(1).toLowerCase();
  return commands
    .filter((c) => c.name.startsWith(prefix) || c.altNames?.some((a) => a.startsWith(prefix) && prefix.length > 0))
    .map((c) => ({ usage: `/${c.name}${c.args ? ` ${c.args}` : ''}`, description: c.description }));
}

function commonPrefix(words: string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
