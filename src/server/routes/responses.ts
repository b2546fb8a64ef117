import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { newId } from '../../core/ids.js';
import type { ChatTurn, Usage } from '../../core/messages.js';
import type { SessionRecord } from '../../core/records.js';
import { deltaParts } from '../../providers/delta-parts.js';
import { readJson } from '../body.js';
import { conversationEngine } from '../conversation-engine.js';
import type { Handler, RequestContext } from '../context.js';
import { HttpError, providerStatus, toHttpError } from '../http-error.js';
import { parseModelName } from '../model-name.js';
import { openAIError } from '../openai-wire.js';
import {
  maxTokenFields,
  refuseStructuredOutput,
  refuseTools,
  samplingFields,
  samplingOf,
  textOfContent,
  unsupported,
} from '../openai-request.js';
import { EventStream, sendJson } from '../respond.js';
import { responseObject, ResponseEvents, statusOf, type ResponseMeta, type ResponseState } from '../responses/wire.js';
import { asInFlight, eventsOf, startTurn, type StartedTurn } from '../turn.js';
import { recordingFailures, splitLast, wantsSave, type Outcome } from './openai.js';
import { requirePersona } from './personas.js';
import { requireOwnSession } from './sessions.js';

// POST /v1/responses: the OpenAI Responses API for text, which the Vercel AI SDK's default
// provider and LangChain's `useResponsesApi` speak. `input` is the conversation (a string, or
// message items; `item_reference` to an earlier output item of this server works too);
// `instructions` are ignored like system messages (the persona's prompt is the system prompt).
// Saving is off unless asked for (`store: true`, `persona_save: true` or `X-Persona-Save: true`);
// a saved response's id names its session, so `previous_response_id` continues that session.

const inputItem = z.looseObject({
  type: z.optional(z.string()),
  role: z.optional(z.string()),
  content: z.optional(z.unknown()),
  id: z.optional(z.string()),
});
const responseRequest = z.looseObject({
  model: z.string().check(z.minLength(1), z.maxLength(200)),
  input: z.union([z.string(), z.array(inputItem).check(z.minLength(1), z.maxLength(1000))]),
  instructions: z.optional(z.nullable(z.string())),
  stream: z.optional(z.nullable(z.boolean())),
  store: z.optional(z.nullable(z.boolean())),
  persona_save: z.optional(z.boolean()),
  previous_response_id: z.optional(z.nullable(z.string().check(z.maxLength(200)))),
  ...samplingFields,
  max_output_tokens: maxTokenFields.max_output_tokens,
  tools: z.optional(z.nullable(z.array(z.unknown()))),
  tool_choice: z.optional(z.unknown()),
  text: z.optional(z.nullable(z.looseObject({ format: z.optional(z.unknown()) }))),
  metadata: z.optional(z.nullable(z.record(z.string(), z.string()))),
  background: z.optional(z.nullable(z.boolean())),
  conversation: z.optional(z.unknown()),
});
type ResponseRequest = z.output<typeof responseRequest>;

/** A saved response's id carries its session: `resp_<sessionId>_<random>`. */
const SAVED_ID = /^resp_([0-9a-z]{1,40})_[0-9a-z]+$/;

function responseId(savedSessionId: string | undefined): string {
  return savedSessionId ? `resp_${savedSessionId}_${newId()}` : `resp_${newId()}`;
}

function inputTurns(ctx: RequestContext, request: ResponseRequest): ChatTurn[] {
  if (typeof request.input === 'string') return [{ role: 'user', content: request.input }];
  const turns: ChatTurn[] = [];
  request.input.forEach((item, index) => {
    const param = `input.${index}`;
    if (item.type === 'item_reference') {
      const found = item.id ? ctx.responses.find(ctx.userId, item.id) : undefined;
      if (!found)
        throw new HttpError(400, `${param}: item ${JSON.stringify(item.id ?? '')} is not known here; send the message's text instead`, {
          param,
        });
      turns.push(found);
      return;
    }
    if (item.type !== undefined && item.type !== 'message')
      throw unsupported(
        `${param}.type`,
        `input item type ${JSON.stringify(item.type)} is not supported: personas read and write messages only`,
      );
    const content = textOfContent(item.content, `${param}.content`);
    if (item.role === 'user') turns.push({ role: 'user', content });
    else if (item.role === 'assistant') turns.push({ role: 'persona', content });
    else if (item.role !== 'system' && item.role !== 'developer')
      throw new HttpError(400, `invalid request: ${param}.role: expected user, assistant, system or developer`, { param: `${param}.role` });
  });
  return turns;
}

/** The saved session a `previous_response_id` continues, if it is the caller's. */
async function previousSession(ctx: RequestContext, id: string, personaId: string): Promise<SessionRecord> {
  const sessionId = SAVED_ID.exec(id)?.[1];
  if (!sessionId)
    throw new HttpError(
      400,
      `previous_response_id ${JSON.stringify(id)} is not a saved response: only saved responses can be continued by id; ask with "store": true (or send the whole conversation in input)`,
      { param: 'previous_response_id' },
    );
  let own;
  try {
    own = await requireOwnSession(ctx, sessionId);
  } catch {
    throw new HttpError(404, `previous response ${JSON.stringify(id)} not found`, { param: 'previous_response_id' });
  }
  if (own.personaId !== personaId)
    throw new HttpError(400, `previous response ${JSON.stringify(id)} is a chat with persona "${own.personaId}", not "${personaId}"`, {
      param: 'previous_response_id',
    });
  const session = await ctx.options.store.getSession(own.id);
  if (!session) throw new HttpError(404, `previous response ${JSON.stringify(id)} not found`, { param: 'previous_response_id' });
  return session;
}

export const createResponse: Handler = async (ctx) => {
  const request = await readJson(ctx.req, ctx.maxBodyBytes, responseRequest);
  refuseTools(request);
  refuseStructuredOutput(request.text?.format, 'text.format');
  if (request.background) throw unsupported('background', 'background responses are not supported; leave background out');
  if (request.conversation !== undefined && request.conversation !== null)
    throw unsupported('conversation', 'conversations objects are not supported; use previous_response_id with store: true');
  const name = parseModelName(request.model);
  const persona = requirePersona(ctx, name.personaId);
  const continues = request.previous_response_id ? await previousSession(ctx, request.previous_response_id, persona.id) : undefined;
  const { history, last } = splitLast(inputTurns(ctx, request), 'input');
  // Continuing a saved conversation saves its next turn too.
  const save = continues !== undefined || request.store === true || wantsSave(ctx, request.persona_save);
  const sampling = samplingOf(request);
  const { engine, savedSessionId } = await conversationEngine(ctx, { persona, name, history, last, save, sampling, continues });
  const meta: ResponseMeta = {
    id: responseId(savedSessionId),
    itemId: `msg_${newId()}`,
    model: request.model,
    createdAt: Math.floor(Date.now() / 1000),
    previousResponseId: request.previous_response_id ?? null,
    store: savedSessionId !== undefined,
    temperature: sampling.temperature ?? null,
    topP: sampling.topP ?? null,
    maxOutputTokens: sampling.maxTokens ?? null,
    metadata: request.metadata ?? {},
  };
  const headers: Record<string, string> = savedSessionId ? { 'x-persona-session': savedSessionId } : {};
  await asInFlight(ctx, async (signal) => {
    const started = await startTurn(engine, last, signal);
    if (!started) throw new HttpError(500, 'the engine ended the turn without a reply');
    const turn = save ? started : recordingFailures(ctx, persona.id, started);
    await (request.stream ? streamResponse(ctx, turn, meta, headers) : answerResponse(ctx, turn, meta, headers));
  });
};

/** Runs the turn to its end: the final state, and what failed when it did. */
async function runTurn(
  ctx: RequestContext,
  turn: StartedTurn,
  meta: ResponseMeta,
  onDelta: (text: string) => Promise<void> | undefined,
): Promise<{ state: ResponseState; outcome: Outcome; status: number }> {
  let text = '';
  let usage: Usage | undefined;
  for await (const event of eventsOf(turn)) {
    if (event.type === 'delta') {
      text += event.text;
      for (const part of deltaParts(event)) await onDelta(part);
    } else if (event.type === 'usage') usage = event.usage;
    else if (event.type === 'done') {
      if (event.finishReason === 'interrupted') {
        const error = { code: 'interrupted', message: 'the reply was interrupted (the server is shutting down)' };
        return { state: { status: 'failed', text, usage, error }, outcome: {}, status: 503 };
      }
      ctx.responses.remember(ctx.userId, meta.itemId, { role: 'persona', content: event.message.content });
      return { state: { ...statusOf(event.finishReason), text: event.message.content, usage }, outcome: {}, status: 200 };
    } else if (event.type === 'error') {
      const status = providerStatus(event.error);
      return {
        state: { status: 'failed', text, usage, error: { code: event.error.kind, message: event.error.message } },
        outcome: { error: { kind: event.error.kind, provider: event.error.provider, status } },
        status,
      };
    }
  }
  throw new HttpError(500, 'the engine ended the turn without a reply');
}

async function answerResponse(
  ctx: RequestContext,
  turn: StartedTurn,
  meta: ResponseMeta,
  headers: Record<string, string>,
): Promise<Outcome> {
  const { state, outcome, status } = await runTurn(ctx, turn, meta, async () => {});
  if (state.status === 'failed') sendJson(ctx.res, status, openAIError(status, state.error!.message, state.error!.code), headers);
  else sendJson(ctx.res, 200, responseObject(meta, state), headers);
  return outcome;
}

async function streamResponse(
  ctx: RequestContext,
  turn: StartedTurn,
  meta: ResponseMeta,
  headers: Record<string, string>,
): Promise<Outcome> {
  const out = new EventStream(ctx.res);
  out.open(headers);
  const events = new ResponseEvents(meta);
  const send = (event: { type: string }) => out.send(event, event.type);
  try {
    for (const event of events.opening()) out.preamble(event, event.type);
    const { state, outcome } = await runTurn(ctx, turn, meta, (text) => send(events.delta(text)));
    for (const event of events.closing(state)) await send(event);
    return outcome;
  } catch (error) {
    const http = toHttpError(error);
    const message = http.status === 500 ? 'internal server error' : http.message;
    for (const event of events.closing({ status: 'failed', text: '', error: { code: 'server_error', message } })) await send(event);
    throw error;
  } finally {
    out.end();
  }
}
