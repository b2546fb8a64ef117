import type { SlashCommand } from './types.js';

// Commands about the conversation itself: leaving, clearing, starting over, regenerating.

export const helpCommand: SlashCommand = {
  name: 'help',
  altNames: ['?'],
  description: 'show the commands and keys',
  action: () => ({ type: 'help' }),
};

export const voiceCommand: SlashCommand = {
  name: 'voice',
  description: 'record a message by voice (also Ctrl-R); the transcript lands in the input',
  action: () => ({ type: 'voice' }),
};

export const quitCommand: SlashCommand = {
  name: 'quit',
  altNames: ['exit', 'q'],
  description: 'leave the chat (the session is saved)',
  action: () => ({ type: 'quit' }),
};

export const clearCommand: SlashCommand = {
  name: 'clear',
  description: 'clear the screen (the session goes on)',
  action: () => ({ type: 'clear' }),
};

export const resetCommand: SlashCommand = {
  name: 'reset',
  altNames: ['new'],
  description: 'start a new session with the same persona',
  action: () => ({ type: 'reset' }),
};

export const continueCommand: SlashCommand = {
  name: 'continue',
  description: 'carry on in a new session that starts from a summary of this one (when it is full)',
  action: async (ctx) => {
    if (!ctx.session || !(await ctx.messages()).some((m) => m.role === 'persona'))
      return { type: 'error', message: 'nothing to continue from yet', hint: 'send a message first' };
    return { type: 'continue' };
  },
};

export const retryCommand: SlashCommand = {
  name: 'retry',
  description: 'regenerate the last reply (the old one stays in the history)',
  action: async (ctx) => {
    const hasUserMessage = ctx.session !== undefined && (await ctx.messages()).some((m) => m.role === 'user');
    if (!hasUserMessage) return { type: 'error', message: 'nothing to retry yet', hint: 'send a message first' };
    return { type: 'retry' };
  },
};
