import { isUserError } from '../../core/errors.js';
import { sanitizeInline } from '../../core/sanitize.js';
import { describeUnwritableFile } from './export-errors.js';
import { TRANSCRIPT_FORMAT_NAMES } from './export-formats.js';
import { cell, columnWidth, listLine, listWidth, marker } from './list-lines.js';
import type { SlashCommand } from './types.js';

// Commands about saved sessions: listing, reopening, exporting.

const SESSIONS_SHOWN = 15;
const ID_SHOWN = 10;

export const sessionsCommand: SlashCommand = {
  name: 'sessions',
  description: 'list recent sessions',
  action: async (ctx) => {
    if (!ctx.services.saving) return { type: 'error', message: 'this chat runs with --no-save: no sessions to list' };
    const sessions = await ctx.services.listSessions(SESSIONS_SHOWN);
    if (sessions.length === 0) return { type: 'info', lines: ['No saved sessions yet.'] };
    const names = sessions.map((s) => sanitizeInline(s.personaName));
    const counts = sessions.map((s) => `${s.messageCount} msg${s.messageCount === 1 ? '' : 's'}`);
    const nameWidth = columnWidth(names, 22);
    const countWidth = columnWidth(counts, 10);
    const width = listWidth(ctx);
    const lines = sessions.map((s, i) => {
      const when = s.lastActiveAt.replace('T', ' ').slice(0, 16);
      const id = marker(s.id === ctx.session?.id) + cell(s.id.slice(0, ID_SHOWN), ID_SHOWN);
      const count = ' '.repeat(countWidth - counts[i]!.length) + counts[i]!;
      return listLine([id, when, cell(names[i]!, nameWidth), count], sanitizeInline(s.title ?? ''), width);
    });
    const current = sessions.some((s) => s.id === ctx.session?.id) ? '; * is this one' : '';
    return { type: 'info', lines: [`Recent sessions (reopen with /resume <id>${current}):`, ...lines] };
  },
};

export const resumeCommand: SlashCommand = {
  name: 'resume',
  args: '<id>',
  description: 'reopen a saved session (a unique id prefix is enough)',
  complete: (prefix, ctx) => (ctx.services.saving ? ctx.services.knownSessionIds().filter((id) => id.startsWith(prefix)) : []),
  action: async (ctx, args) => {
    if (!ctx.services.saving) return { type: 'error', message: 'this chat runs with --no-save: no sessions to resume' };
    const ref = args.trim();
    if (!ref) return { type: 'error', message: 'which session?', hint: '/sessions lists them; then /resume <id>' };
    try {
      return { type: 'resume', opened: await ctx.services.openSession(ref) };
    } catch (error) {
      if (!isUserError(error)) throw error;
      return { type: 'error', message: error.message, hint: error.hint && inChatWords(error.hint) };
    }
  },
};

/** The session lookup is shared with the CLI, whose hints name shell commands; the chat has its own. */
function inChatWords(hint: string): string {
  return hint.replace(/`persona sessions list`/g, '/sessions');
}

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
      const formats = `${TRANSCRIPT_FORMAT_NAMES.slice(0, -1).join(', ')} or ${TRANSCRIPT_FORMAT_NAMES.at(-1)}`;
      return { type: 'error', message: `no "${sanitizeInline(words[0]!)}" export: choose ${formats}, e.g. /export html notes.html` };
    }
    const file = words.length > 0 ? words.join(' ') : undefined;
    try {
      const written = await ctx.services.exportSession(ctx.session.id, format, file);
      return { type: 'info', lines: [`Exported to ${sanitizeInline(written)}`] };
    } catch (error) {
      const unwritable = describeUnwritableFile(error);
      if (unwritable) return unwritable;
      throw error;
    }
  },
};
