import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { MemoryStore } from '../../chat/memory-store.js';
import type { ChatTurn, Usage } from '../../core/messages.js';
import type { ChatStore } from '../../chat/chat-store.js';
import type { SessionRecord } from '../../core/records.js';
import { readJson } from '../body.js';
import type { Handler, RequestContext } from '../context.js';
import { HttpError, providerStatus, toHttpError } from '../http-error.js';
import { parseModelName } from '../model-name.js';
import { chunk, completion, completionMeta, openAIError, openAIFinishReason, usageChunk, type CompletionMeta } from '../openai-wire.js';
import { storeOwnedBy } from '../owned-store.js';
import { EventStream, sendJson } from '../respond.js';
import { seedSession } from '../seeded-session.js';
import { asInFlight, eventsOf, startTurn, type StartedTurn } from '../turn.js';
import { MAX_MESSAGE_CHARS } from './chat.js';
import { personaSummary, requirePersona } from './personas.js';

// The OpenAI-compatible API: any OpenAI client or chat UI can talk to the personas.
// - The model is a persona id, optionally `persona@provider/model`.
// - The request's messages are the conversation. System and developer messages are ignored: the
//   persona's own prompt is the system prompt, and the generic "You are a helpful assistant" most
//   chat UIs send would pull the persona out of character.
// - Sampling fields (temperature, max_tokens, ...) are accepted and ignored: the persona's chat
//   profile decides them, as in the CLI.
// - Nothing is saved unless the request asks with `X-Persona-Save: true` (or `"persona_save": true`);
//   then the conversation becomes a session of the caller, named in the `X-Persona-Session` header.

const contentPart = z.looseObject({ type: z.string(), text: z.optional(z.string()) });
const message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.optional(z.union([z.string(), z.array(contentPart), z.null()])),
});
const completionRequest = z.looseObject({
  model: z.string().check(z.minLength(1), z.maxLength(200)),
  messages: z.array(message).check(z.minLength(1), z.maxLength(1000)),
  stream: z.optional(z.nullable(z.boolean())),
  stream_options: z.optional(z.nullable(z.looseObject({ include_usage: z.optional(z.boolean()) }))),
  persona_save: z.optional(z.boolean()),
});
type CompletionRequest = z.output<typeof completionRequest>;

export const listModels: Handler = async (ctx) => {
  const created = Math.floor(Date.now() / 1000);
  const data = ctx.options.personas
    .list()
    .map((p) => ({ id: p.id, object: 'model', created, owned_by: 'persona-chat', name: personaSummary(p).name }));
  sendJson(ctx.res, 200, { object: 'list', data });
};

function textOf(content: z.output<typeof message>['content']): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.map((part) => (part.type === 'text' || part.type === 'input_text' ? (part.text ?? '') : '')).join('');
}

/** The conversation as turns; its last message must be the user's. */
function conversation(request: CompletionRequest): { history: ChatTurn[]; last: string } {
  const turns: ChatTurn[] = [];
  for (const m of request.messages) {
    if (m.role === 'user') turns.push({ role: 'user', content: textOf(m.content) });
    else if (m.role === 'assistant') turns.push({ role: 'persona', content: textOf(m.content) });
    else if (m.role === 'tool' || m.role === 'function')
      throw new HttpError(400, `invalid request: messages: role "${m.role}" is not supported (personas have no tools)`);
  }
  const last = turns.pop();
  if (!last || last.role !== 'user') throw new HttpError(400, 'invalid request: messages: the last message must have role "user"');
  if (last.content.trim() === '') throw new HttpError(400, 'invalid request: messages: the last user message is empty');
  if (last.content.length > MAX_MESSAGE_CHARS)
    throw new HttpError(400, `invalid request: messages: the last user message is longer than ${MAX_MESSAGE_CHARS} characters`);
  return { history: turns.filter((t) => t.content.trim() !== ''), last: last.content };
}

function wantsSave(ctx: RequestContext, request: CompletionRequest): boolean {
  return request.persona_save === true || /^(1|true|yes)$/i.test(String(ctx.req.headers['x-persona-save'] ?? ''));
}

export const chatCompletions: Handler = async (ctx) => {
  const request = await readJson(ctx.req, ctx.maxBodyBytes, completionRequest);
  const name = parseModelName(request.model);
  const persona = requirePersona(ctx, name.personaId);
  const { history, last } = conversation(request);
  ctx.rateLimits.admit(ctx.userId);
  const save = wantsSave(ctx, request);
  const store: ChatStore = save ? storeOwnedBy(ctx.options.store, ctx.userId) : new MemoryStore();
  const spec = { persona, store, provider: name.provider, model: name.model };
  let session: SessionRecord | undefined;
  // A saved conversation gets its session up front, so its id can head the response.
  if (history.length > 0 || save) {
    // The engine that would answer names the provider and model the seeded session records.
    const probe = (await ctx.options.createEngine(spec)).provider;
    session = seedSession({
      store,
      persona,
      userId: ctx.userId,
      provider: probe.provider.name,
      model: probe.model,
      turns: history,
      next: last,
    });
  }
  const engine = await ctx.options.createEngine({ ...spec, session });
  const reply: ReplyOptions = {
    meta: completionMeta(request.model),
    savedSessionId: save ? session?.id : undefined,
    withUsage: request.stream_options?.include_usage === true,
  };
  await asInFlight(ctx, async (signal) => {
    const turn = await startTurn(engine, last, signal);
    if (!turn) throw new HttpError(500, 'the engine ended the turn without a reply');
    const outcome = await (request.stream ? streamCompletion(ctx, turn, reply) : answerCompletion(ctx, turn, reply));
    if (outcome.error && !save) {
      // An unsaved conversation still leaves a trace of the failure in the history's events.
      ctx.options.store.recordEvent({ kind: 'provider_error', personaId: persona.id, data: { ...outcome.error, via: 'openai-api' } });
    }
  });
};

interface ReplyOptions {
  meta: CompletionMeta;
  savedSessionId: string | undefined;
  withUsage: boolean;
}

interface Outcome {
  error?: { kind: string; provider: string; status: number };
}

/** A saved conversation names its session in a header, on failures too. */
function sessionHeaders(reply: ReplyOptions): Record<string, string> {
  return reply.savedSessionId ? { 'x-persona-session': reply.savedSessionId } : {};
}

async function answerCompletion(ctx: RequestContext, turn: StartedTurn, reply: ReplyOptions): Promise<Outcome> {
  const { meta } = reply;
  let usage: Usage | undefined;
  for await (const event of eventsOf(turn)) {
    if (event.type === 'usage') usage = event.usage;
    else if (event.type === 'done') {
      if (event.finishReason === 'interrupted') {
        sendJson(
          ctx.res,
          503,
          openAIError(503, 'the reply was interrupted (the server is shutting down)', 'interrupted'),
          sessionHeaders(reply),
        );
      } else {
        sendJson(ctx.res, 200, completion(meta, event.message.content, event.finishReason, usage), sessionHeaders(reply));
      }
    } else if (event.type === 'error') {
      const status = providerStatus(event.error);
      sendJson(ctx.res, status, openAIError(status, event.error.message, event.error.kind), sessionHeaders(reply));
      return { error: { kind: event.error.kind, provider: event.error.provider, status } };
    }
  }
  return {};
}

async function streamCompletion(ctx: RequestContext, turn: StartedTurn, reply: ReplyOptions): Promise<Outcome> {
  const { meta, withUsage } = reply;
  const out = new EventStream(ctx.res);
  out.open(sessionHeaders(reply));
  let usage: Usage | undefined;
  try {
    await out.send(chunk(meta, { role: 'assistant', content: '', refusal: null }, null, withUsage));
    for await (const event of eventsOf(turn)) {
      if (event.type === 'delta') await out.send(chunk(meta, { content: event.text }, null, withUsage));
      else if (event.type === 'usage') usage = event.usage;
      else if (event.type === 'done') {
        if (event.finishReason === 'interrupted') {
          await out.send(openAIError(503, 'the reply was interrupted (the server is shutting down)', 'interrupted'));
          return {};
        }
        await out.send(chunk(meta, {}, openAIFinishReason(event.finishReason), withUsage));
        if (withUsage) await out.send(usageChunk(meta, usage));
        await out.send('[DONE]');
      } else if (event.type === 'error') {
        // Mid-stream the status line is sent: the SDK raises an `error` frame as an APIError.
        const status = providerStatus(event.error);
        await out.send(openAIError(status, event.error.message, event.error.kind));
        return { error: { kind: event.error.kind, provider: event.error.provider, status } };
      }
    }
    return {};
  } catch (error) {
    const http = toHttpError(error);
    await out.send(openAIError(http.status, http.status === 500 ? 'internal server error' : http.message));
    throw error;
  } finally {
    out.end();
  }
}
