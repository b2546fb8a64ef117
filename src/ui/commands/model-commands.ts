import { PROVIDER_NAMES } from '../../core/messages.js';
import { sanitizeInline } from '../../core/sanitize.js';
import { formatCostTotal, formatTokens, totalsOf } from '../format.js';
import type { CommandContext, CommandResult, SlashCommand } from './types.js';

// Commands about the model answering and what it costs.

export const modelCommand: SlashCommand = {
  name: 'model',
  args: '<name>',
  description: 'use another model of the same provider',
  action: async (ctx, args) => {
    const model = args.trim();
    const current = `${sanitizeInline(ctx.provider.model)} (${ctx.provider.name})`;
    if (!model) return { type: 'info', lines: [`Model: ${current}. Change it with /model <name>.`] };
    if (ctx.provider.name === 'offline') return model === ctx.provider.model ? alreadyOffline(ctx) : offlineHasOneModel(ctx, model);
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
    if (!name)
      return {
        type: 'info',
        lines: [`Provider: ${ctx.provider.name} (${sanitizeInline(ctx.provider.model)}). Choices: ${PROVIDER_NAMES.join(', ')}.`],
      };
    // The offline engine would take any model name as a label and still answer as itself.
    const offlineModel = ctx.provider.name === 'offline' ? ctx.provider.model : undefined;
    if (name === 'offline' && model !== undefined && model !== offlineModel) return offlineHasOneModel(ctx, model);
    return { type: 'set-provider', active: await ctx.services.activeProvider(name, model) };
  },
};

function offlineHasOneModel(ctx: CommandContext, model: string): CommandResult {
  const own = ctx.provider.name === 'offline' ? ` (${sanitizeInline(ctx.provider.model)})` : '';
  return {
    type: 'error',
    message: `the offline engine has one model${own}: it cannot answer as ${sanitizeInline(model)}`,
    hint: 'for a live model, switch provider: /provider openai <model> or /provider anthropic <model>',
  };
}

function alreadyOffline(ctx: CommandContext): CommandResult {
  return { type: 'info', lines: [`Already answering with ${sanitizeInline(ctx.provider.model)}, the offline engine's only model.`] };
}

export const costCommand: SlashCommand = {
  name: 'cost',
  altNames: ['usage'],
  description: 'tokens and cost of this session so far',
  action: async (ctx) => {
    const totals = totalsOf(await ctx.messages());
    const lines = [
      `Replies: ${totals.replies}`,
      `Tokens: ${formatTokens(totals.inputTokens)} in, ${formatTokens(totals.outputTokens)} out`,
      `Cost: ${formatCostTotal(totals)}${totals.costIncomplete ? ' (some replies used a model with no known price)' : ''}`,
    ];
    const heading = ctx.session ? 'Cost of this session:' : 'Cost of this session: no messages yet.';
    return { type: 'info', lines: [heading, ...lines] };
  },
};
