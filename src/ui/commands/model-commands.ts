import { PROVIDER_NAMES } from '../../core/messages.js';
import { formatCostTotal, formatTokens, totalsOf } from '../format.js';
import type { SlashCommand } from './types.js';

// Commands about the model answering and what it costs.

export const modelCommand: SlashCommand = {
  name: 'model',
  args: '<name>',
  description: 'use another model of the same provider',
  action: async (ctx, args) => {
    const model = args.trim();
    if (!model) return { type: 'info', lines: [`Model: ${ctx.provider.model} (${ctx.provider.name}). Change it with /model <name>.`] };
    return { type: 'set-provider', active: await ctx.services.activeProvider(ctx.provider.name, model) };
  },
};

export const providerCommand: SlashCommand = {
  name: 'provider',
  args: '<offline|openai|anthropic> [model]',
  description: 'answer with another provider from the next message on',
  complete: (prefix) => PROVIDER_NAMES.filter((p) => p.startsWith(prefix)),
  action: async (ctx, args) => {
    const [name, model] = args.trim().split(/\s+/).filter(Boolean);
    if (!name) return { type: 'info', lines: [`Provider: ${ctx.provider.name} (${ctx.provider.model}). Choices: ${PROVIDER_NAMES.join(', ')}.`] };
    return { type: 'set-provider', active: await ctx.services.activeProvider(name, model) };
  },
};

export const costCommand: SlashCommand = {
  name: 'cost',
  altNames: ['usage'],
  description: 'tokens and cost of this session so far',
  action: (ctx) => {
    const totals = totalsOf(ctx.messages());
    const lines = [
      `Replies: ${totals.replies}`,
      `Tokens: ${formatTokens(totals.inputTokens)} in, ${formatTokens(totals.outputTokens)} out`,
      `Cost: ${formatCostTotal(totals)}${totals.costIncomplete ? ' (some replies used a model with no known price)' : ''}`,
    ];
    if (!ctx.session) lines.unshift('No messages yet in this session.');
    return { type: 'info', lines };
  },
};
