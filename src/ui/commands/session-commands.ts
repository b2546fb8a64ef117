import { sanitizeInline } from '../../core/sanitize.js';
import { TRANSCRIPT_FORMAT_NAMES } from './export-formats.js';
import type { SlashCommand } from './types.js';

// Commands about saved sessions: listing, reopening, exporting.

const SESSIONS_SHOWN = 15;

export const sessionsCommand: SlashCommand = {
  name: 'sessions',
  description: 'list recent sessions',
  action: (ctx) => {
    if (!ctx.services.saving) return { type: 'error', message: 'this chat runs with --no-save: no sessions to list' };
    const sessions = ctx.services.listSessions(SESSIONS_SHOWN);
    if (sessions.length === 0) return { type: 'info', lines: ['No saved sessions yet.'] };
    const lines = sessions.map((s) => {
      const when = s.lastActiveAt.replace('T', ' ').slice(0, 16);
      const mark = s.id === ctx.session?.id ? '*' : ' ';
      const title = sanitizeInline(s.title ?? '').slice(0, 40);
      return `${mark} ${s.id.slice(0, 10)}  ${when}  ${sanitizeInline(s.personaName).slice(0, 22).padEnd(22)} ${String(s.messageCount).padStart(4)} msgs  ${title}`;
    });
    return { type: 'info', lines: ['Recent sessions (reopen with /resume <id>; * is this one):', ...lines] };
  },
};

export const resumeCommand: SlashCommand = {
  name: 'resume',
  args: '<id>',
  description: 'reopen a saved session (a unique id prefix is enough)',
  complete: (prefix, ctx) => (ctx.services.saving ? ctx.services.listSessions(SESSIONS_SHOWN).map((s) => s.id).filter((id) => id.startsWith(prefix)) : []),
  action: (ctx, args) => {
    if (!ctx.services.saving) return { type: 'error', message: 'this chat runs with --no-save: no sessions to resume' };
    const ref = args.trim();
    if (!ref) return { type: 'error', message: 'which session?', hint: '/sessions lists them; then /resume <id>' };
    return { type: 'resume', opened: ctx.services.openSession(ref) };
  },
};

export const exportCommand: SlashCommand = {
  name: 'export',
  args: '[md|json|html|txt] [file]',
  description: 'write this session to a file (default: Markdown in the current folder)',
  complete: (prefix) => TRANSCRIPT_FORMAT_NAMES.filter((f) => f.startsWith(prefix)),
  action: async (ctx, args) => {
    if (!ctx.session) return { type: 'error', message: 'nothing to export yet', hint: 'send a message first' };
    const words = args.trim().split(/\s+/).filter(Boolean);
    const format = words[0] !== undefined && TRANSCRIPT_FORMAT_NAMES.includes(words[0]) ? words.shift() : undefined;
    // `/export pdf` is a format we do not have, not a file called "pdf".
    if (!format && words.length === 1 && /^[a-z0-9]{2,5}$/i.test(words[0]!)) {
      return { type: 'error', message: `unknown format "${words[0]}"`, hint: `use ${TRANSCRIPT_FORMAT_NAMES.join(', ')}, then a file name if you like: /export html notes.html` };
    }
    const file = words.length > 0 ? words.join(' ') : undefined;
    const written = await ctx.services.exportSession(ctx.session.id, format, file);
    return { type: 'info', lines: [`Exported to ${written}`] };
  },
};
