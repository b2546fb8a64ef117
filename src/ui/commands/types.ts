import type { ActiveProvider } from '../../chat/engine.js';
import type { ProviderName } from '../../core/messages.js';
import type { ChatProfile, Persona } from '../../persona/schema.js';
import type { MessageRecord, SessionRecord } from '../../core/records.js';
import type { ChatServices, OpenedSession } from '../services.js';

// Slash commands are plain objects; an action computes a typed result and the chat screen
// decides what it means on screen (gemini-cli's pattern). Actions never touch React state.

export interface CommandContext {
  persona: Persona;
  profile: ChatProfile;
  systemPrompt: string;
  session: SessionRecord | undefined;
  provider: { name: ProviderName; model: string };
  services: ChatServices;
  messages(): Promise<MessageRecord[]>;
  /** Every command, for /help and suggestions. */
  commands: readonly SlashCommand[];
  /**
   * Columns an info line may use (the terminal's width); lists cut their lines to it. Optional so
   * that a caller which does not know it still works: lists then fit 80 columns.
   */
  width?: number;
}

export type CommandResult =
  | { type: 'info'; lines: string[] }
  | { type: 'error'; message: string; hint?: string }
  /** A titled block of plain text (the system prompt, the chat profile). */
  | { type: 'text'; title: string; text: string }
  | { type: 'help' }
  /** Start recording a message by voice (what Ctrl-R does). */
  | { type: 'voice' }
  | { type: 'quit' }
  | { type: 'clear' }
  | { type: 'reset' }
  /** Carry on in a new session that opens with a summary of this one. */
  | { type: 'continue' }
  | { type: 'retry' }
  | { type: 'switch-persona'; persona: Persona }
  | { type: 'resume'; opened: OpenedSession }
  | { type: 'set-provider'; active: ActiveProvider };

export interface SlashCommand {
  name: string;
  altNames?: string[];
  /** Argument synopsis for /help, e.g. `[md|json|html|txt] [file]`. */
  args?: string;
  description: string;
  /** Candidates for the argument being typed. */
  complete?: (argPrefix: string, ctx: CommandContext) => string[];
  action: (ctx: CommandContext, args: string) => CommandResult | Promise<CommandResult>;
}
