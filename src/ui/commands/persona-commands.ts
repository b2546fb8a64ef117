import { sanitizeInline, sanitizeText } from '../../core/sanitize.js';
import { oneLineSummary } from '../../persona/facts.js';
import type { ChatProfile } from '../../persona/schema.js';
import type { SlashCommand } from './types.js';

// Commands about who you are talking to.

export const personaCommand: SlashCommand = {
  name: 'persona',
  args: '<id>',
  description: 'switch persona (starts a new session)',
  complete: (prefix, ctx) => ctx.services.listPersonas().map((p) => p.id).filter((id) => id.startsWith(prefix)),
  action: (ctx, args) => {
    const ref = args.trim();
    if (!ref) {
      const lines = ctx.services.listPersonas().map((p) => `${p.id.padEnd(24)} ${sanitizeInline(oneLineSummary(p.data))}`);
      return { type: 'info', lines: ['Personas (switch with /persona <id>):', ...lines] };
    }
    return { type: 'switch-persona', persona: ctx.services.resolvePersona(ref) };
  },
};

export const promptCommand: SlashCommand = {
  name: 'prompt',
  description: 'show the system prompt the model gets',
  action: (ctx) => ({ type: 'text', title: 'System prompt', text: sanitizeText(ctx.systemPrompt) }),
};

export const profileCommand: SlashCommand = {
  name: 'profile',
  description: 'show the chat profile (how this persona talks)',
  action: (ctx) => ({ type: 'text', title: `Chat profile of ${sanitizeInline(ctx.persona.name)}`, text: describeProfile(ctx.profile) }),
};

function describeProfile(profile: ChatProfile): string {
  return Object.entries(profile)
    .filter(([, value]) => value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0))
    .map(([key, value]) => `${key}: ${sanitizeInline(Array.isArray(value) ? value.join('; ') : String(value))}`)
    .join('\n');
}
