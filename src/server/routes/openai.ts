import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import type { ChatTurn, Usage } from '../../core/messages.js';
import { framedParts } from '../../providers/delta-parts.js';
import { readJson } from '../body.js';
import { conversationEngine } from '../conversation-engine.js';
import type { Handler, RequestContext } from '../context.js';
import { HttpError, providerStatus, toHttpError } from '../http-error.js';
import { parseModelName } from '../model-name.js';
import {
  chunk,
  completion,
  completionMeta,
  contentChunkFrame,
  openAIError,
  openAIFinishReason,
  usageChunk,
  type CompletionMeta,
} from '../openai-wire.js';
import {
  maxTokenFields,
  refuseSeveralChoices,
  refuseStructuredOutput,
  refuseTools,
  samplingFields,
  samplingOf,
  stopField,
  textOfContent,
  unsupported,
} from '../openai-request.js';
import { EventStream, sendJson } from '../respond.js';
import { asInFlight, eventsOf, startTurn, type StartedTurn } from '../turn.js';
import { MAX_MESSAGE_CHARS } from './chat.js';
import { personaSummary, requirePersona } from './personas.js';

// The OpenAI-compatible API: any OpenAI client or chat UI can talk to the personas.
// - The model is a persona id, optionally `persona@provider/model`.
// - The request's messages are the conversation. System and developer messages are ignored: the
//   persona's own prompt is the system prompt, and the generic "You are a helpful assistant" most
//   chat UIs send would pull the persona out of character.
// - Sampling fields (temperature, top_p, max_tokens / max_completion_tokens, stop) are passed
//   through; a reply cut by the token limit finishes with `length`. What personas cannot do
//   (n > 1, images, tools, JSON output) is refused with a 400 naming the field.
// - Nothing is saved unless the request asks with `X-Persona-Save: true` (or `"persona_save": true`);
//   then the conversation becomes a session of the caller, named in the `X-Persona-Session` header.

const message = z.looseObject({
  role: z.enum(['system', 'developer', 'user', 'assistant', 'tool', 'function']),
  content: z.optional(z.unknown()),
});
const completionRequest = z.looseObject({
  model: z.string().check(z.minLength(1), z.maxLength(200)),
  messages: z.array(message).check(z.minLength(1), z.maxLength(1000)),
  stream: z.optional(z.nullable(z.boolean())),
  stream_options: z.optional(z.nullable(z.looseObject({ include_usage: z.optional(z.boolean()) }))),
  persona_save: z.optional(z.boolean()),
  n: z.optional(z.nullable(z.number().check(z.int()))),
  ...samplingFields,
  max_tokens: maxTokenFields.max_tokens,
  max_completion_tokens: maxTokenFields.max_completion_tokens,
  stop: stopField,
  tools: z.optional(z.nullable(z.array(z.unknown()))),
  functions: z.optional(z.nullable(z.array(z.unknown()))),
  tool_choice: z.optional(z.unknown()),
  response_format: z.optional(z.unknown()),
});
type CompletionRequest = z.output<typeof completionRequest>;

function modelObject(id: string, created: number, name?: string) {
  return { id, object: 'model', created, owned_by: 'persona-chat', ...(name ? { name } : {}) };
}

export const listModels: Handler = async (ctx) => {
  const created = Math.floor(Date.now() / 1000);
  const data = ctx.options.personas.list().map((p) => modelObject(p.id, created, personaSummary(p).name));
  sendJson(ctx.res, 200, { object: 'list', data });
};

/** GET /v1/models/{id}: a persona id, or `persona@provider/model` naming one. */
export const retrieveModel: Handler = async (ctx) => {
  const id = ctx.params.id!;
  const name = parseModelName(id);
  const persona = requirePersona(ctx, name.personaId);
  sendJson(ctx.res, 200, modelObject(id, Math.floor(Date.now() / 1000), personaSummary(persona).name));
};

/** The conversation as turns; its last message must be the user's. */
function conversation(request: CompletionRequest): { history: ChatTurn[]; last: string } {
  const turns: ChatTurn[] = [];
  request.messages.forEach((m, index) => {
    if (m.role === 'tool' || m.role === 'function')
      throw unsupported(`messages.${index}.role`, `role "${m.role}" is not supported: personas have no tools`);
    const text = textOfContent(m.content, `messages.${index}.content`);
    if (m.role === 'user') turns.push({ role: 'user', content: text });
    else if (m.role === 'assistant') turns.push({ role: 'persona', content: text });
  });
  return splitLast(turns, 'messages');
}

/** Earlier turns and the new user message, which must end the conversation. */
export function splitLast(turns: ChatTurn[], param: string): { history: ChatTurn[]; last: string } {
  const last = turns.pop();
  if (!last || last.role !== 'user')
    throw new HttpError(400, `invalid request: ${param}: the last message must have role "user"`, { param });
  if (last.content.trim() === '') throw new HttpError(400, `invalid request: ${param}: the last user message is empty`, { param });
  if (last.content.length > MAX_MESSAGE_CHARS)
    throw new HttpError(400, `invalid request: ${param}: the last user message is longer than ${MAX_MESSAGE_CHARS} characters`, { param });
  return { history: turns.filter((t) => t.content.trim() !== ''), last: last.content };
}

export function wantsSave(ctx: RequestContext, requested: boolean | undefined): boolean {
  return requested === true || /^(1|true|yes)$/i.test(String(ctx.req.headers['x-persona-save'] ?? ''));
}

export const chatCompletions: Handler = async (ctx) => {
  const request = await readJson(ctx.req, ctx.maxBodyBytes, completionRequest);
  refuseSeveralChoices(request.n);
  refuseTools(request);
  refuseStructuredOutput(request.response_format, 'response_format');
  const name = parseModelName(request.model);
  const persona = requirePersona(ctx, name.personaId);
  const { history, last } = conversation(request);
  const save = wantsSave(ctx, request.persona_save);
  const { engine, savedSessionId } = await conversationEngine(ctx, { persona, name, history, last, save, sampling: samplingOf(request) });
  const reply: ReplyOptions = {
    meta: completionMeta(request.model),
    savedSessionId,
    withUsage: request.stream_options?.include_usage === true,
  };
  await asInFlight(ctx, async (signal) => {
    const started = await startTurn(engine, last, signal);
    if (!started) throw new HttpError(500, 'the engine ended the turn without a reply');
    const turn = save ? started : recordingFailures(ctx, persona.id, started);
    await (request.stream ? streamCompletion(ctx, turn, reply) : answerCompletion(ctx, turn, reply));
  });
};

/**
 * An unsaved conversation still leaves a trace of a failure in the history's events. It is
 * written when the engine reports the failure, before the client hears of it: once the client has
 * its error, the event is in the database.
 */
export function recordingFailures(ctx: RequestContext, personaId: string, turn: StartedTurn): StartedTurn {
  return {
    first: turn.first,
    rest: {
      async next() {
        const next = await turn.rest.next();
        if (!next.done && next.value.type === 'error') {
          const { kind, provider } = next.value.error;
          const data = { kind, provider, status: providerStatus(next.value.error), via: 'openai-api' };
          await ctx.options.store.recordEvent({ kind: 'provider_error', personaId, data });
        }
        return next;
      },
    },
  };
}

interface ReplyOptions {
  meta: CompletionMeta;
  savedSessionId: string | undefined;
  withUsage: boolean;
}

export interface Outcome {
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
  const content = contentChunkFrame(meta, withUsage);
  try {
    out.preamble(chunk(meta, { role: 'assistant', content: '', refusal: null }, null, withUsage));
    for await (const event of eventsOf(turn)) {
      if (event.type === 'delta') {
        const full = out.sendFrame(framedParts(event, content.open, content.close));
        if (full) await full;
      } else if (event.type === 'usage') usage = event.usage;
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
