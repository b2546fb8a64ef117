import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { renderTranscript, TRANSCRIPT_FORMATS, type TranscriptFormat } from '../../export/index.js';
import type { SessionRecord, SessionSummary } from '../../core/records.js';
import type { Handler, RequestContext } from '../context.js';
import { HttpError, notFound } from '../http-error.js';
import { servedSession } from '../owned-store.js';
import { sendJson, sendText } from '../respond.js';

// The caller's saved sessions. Another user's session answers exactly like one that does not
// exist (404), so ids cannot be probed.

const listQuery = z.object({
  personaId: z.optional(z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a persona id'))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(500)), 50),
});

const CONTENT_TYPES: Record<TranscriptFormat, string> = {
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
};

/** The session if it exists and belongs to the caller; 404 otherwise. */
export async function requireOwnSession(ctx: Pick<RequestContext, 'options' | 'userId'>, id: string): Promise<SessionSummary> {
  const session = /^[0-9a-z]{1,40}$/.test(id) ? await ctx.options.store.getSessionSummary(id) : undefined;
  if (!session || session.userId !== ctx.userId) throw notFound(`session "${id}"`);
  return session;
}

/**
 * The same check for a chat turn, which needs the session itself, not its summary (an aggregate
 * over its messages): through the served sessions' cache, which answers a session being served
 * with the one read the turn makes anyway (its message count).
 */
export async function requireOwnSessionRecord(ctx: Pick<RequestContext, 'options' | 'userId'>, id: string): Promise<SessionRecord> {
  const session = /^[0-9a-z]{1,40}$/.test(id) ? await servedSession(ctx.options.store, id) : undefined;
  if (!session || session.userId !== ctx.userId) throw notFound(`session "${id}"`);
  return session;
}

export const listSessions: Handler = async (ctx) => {
  const parsed = listQuery.safeParse(Object.fromEntries(ctx.url.searchParams));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new HttpError(400, `invalid query: ${issue.path.join('.')}: ${issue.message}`);
  }
  const { personaId, limit } = parsed.data;
  const own = (await ctx.options.store.listSessions({ personaId })).filter((s) => s.userId === ctx.userId);
  sendJson(ctx.res, 200, { sessions: own.slice(0, limit) });
};

export const getSession: Handler = async (ctx) => {
  const session = await requireOwnSession(ctx, ctx.params.id!);
  sendJson(ctx.res, 200, { session, messages: await ctx.options.store.listMessages(session.id) });
};

export const exportSession: Handler = async (ctx) => {
  const session = await requireOwnSession(ctx, ctx.params.id!);
  const format = ctx.url.searchParams.get('format') ?? 'md';
  if (!(TRANSCRIPT_FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(400, `invalid query: format must be one of ${TRANSCRIPT_FORMATS.join(', ')}`);
  }
  const transcript = await ctx.options.store.getTranscript(session.id);
  if (!transcript) throw notFound(`session "${session.id}"`);
  const text = renderTranscript(transcript, format as TranscriptFormat);
  sendText(ctx.res, 200, text, {
    'content-type': CONTENT_TYPES[format as TranscriptFormat],
    'content-disposition': `attachment; filename="session-${session.id}.${format}"`,
    // An HTML transcript opened from the API must not run anything or load anything.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
  });
};
