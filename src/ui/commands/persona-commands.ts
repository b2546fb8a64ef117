import { sanitizeInline, sanitizeText } from '../../core/sanitize.js';
import { oneLineSummary } from '../../persona/facts.js';
import type { ChatProfile } from '../../persona/schema.js';
import { cell, columnWidth, listLine, listWidth, marker } from './list-lines.js';
import type { CommandContext, CommandResult, SlashCommand } from './types.js';

// Commands about who you are talking to.

export const personaCommand: SlashCommand = {
  name: 'persona',
  args: '<id>',
  description: 'switch persona (starts a new session)',
  complete: (prefix, ctx) =>
    ctx.services
      .listPersonas()
      .map((p) => p.id)
      .filter((id) => id.startsWith(prefix)),
  action: (ctx, args) => {
    const ref = args.trim();
    if (!ref) return listPersonas(ctx);
    return { type: 'switch-persona', persona: ctx.services.resolvePersona(ref) };
  },
};

/** One aligned line per persona: id, name, and who they are cut to what is left of the line. */
function listPersonas(ctx: CommandContext): CommandResult {
  const personas = ctx.services.listPersonas();
  const ids = personas.map((p) => sanitizeInline(p.id));
  const names = personas.map((p) => sanitizeInline(p.name));
  const idWidth = columnWidth(ids, 24);
  const nameWidth = columnWidth(names, 22);
  const width = listWidth(ctx);
  const lines = personas.map((p, i) =>
    listLine(
      [marker(p.id === ctx.persona.id) + cell(ids[i]!, idWidth), cell(names[i]!, nameWidth)],
      sanitizeInline(oneLineSummary(p.data)),
      width,
    ),
  );
  return { type: 'info', lines: ['Personas (switch with /persona <id>; * is this one):', ...lines] };
}

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
