import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import type { ChatEvent } from '../../chat/events.js';
import type { Usage } from '../../core/messages.js';
import type { MessageRecord } from '../../core/records.js';
import { readJson } from '../body.js';
import type { Handler, RequestContext } from '../context.js';
import { HttpError, providerStatus, toHttpError } from '../http-error.js';
import { storeOwnedBy } from '../owned-store.js';
import { EventStream, sendJson } from '../respond.js';
import { asInFlight, eventsOf, startTurn, wantsEventStream, type StartedTurn } from '../turn.js';
import { requirePersona } from './personas.js';
import { requireOwnSession } from './sessions.js';

// POST /api/personas/:personaId/chat — the seed's contract: {message, sessionId?} in,
// {sessionId, message, response} out (the saved user message and the saved reply), or with
// `Accept: text/event-stream` the same turn as server-sent events.

export const MAX_MESSAGE_CHARS = 32_000;

const chatBody = z.object({
  message: z.string().check(
    z.maxLength(MAX_MESSAGE_CHARS),
    z.refine((text) => text.trim() !== '', 'message is empty'),
  ),
  sessionId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
});

export const chat: Handler = async (ctx) => {
  const persona = requirePersona(ctx, ctx.params.personaId!);
  const body = await readJson(ctx.req, ctx.maxBodyBytes, chatBody);
  const { store } = ctx.options;
  let session;
  if (body.sessionId !== undefined) {
    const own = requireOwnSession(ctx, body.sessionId);
    if (own.personaId !== persona.id)
      throw new HttpError(409, `session "${own.id}" is a chat with persona "${own.personaId}", not "${persona.id}"`);
    session = store.getSession(own.id);
  }
  ctx.rateLimits.admit(ctx.userId);
  const engine = await ctx.options.createEngine({ persona, store: storeOwnedBy(store, ctx.userId), session });
  const stream = wantsEventStream(ctx.req);
  await asInFlight(ctx, async (signal) => {
    const turn = await startTurn(engine, body.message, signal);
    if (!turn) throw new HttpError(500, 'the engine ended the turn without a reply');
    await (stream ? streamTurn(ctx, turn) : answerTurn(ctx, turn));
  });
};

interface TurnState {
  sessionId: string | undefined;
  userMessage: MessageRecord | null;
  usage: Usage | undefined;
}

function track(state: TurnState, event: ChatEvent): void {
  if (event.type === 'start') {
    state.sessionId = event.sessionId;
    state.userMessage = event.userMessage;
  } else if (event.type === 'usage') {
    state.usage = event.usage;
  }
}

async function answerTurn(ctx: RequestContext, turn: StartedTurn): Promise<void> {
  const state: TurnState = { sessionId: undefined, userMessage: null, usage: undefined };
  for await (const event of eventsOf(turn)) {
    track(state, event);
    if (event.type === 'done') {
      sendJson(ctx.res, 200, {
        sessionId: state.sessionId,
        message: state.userMessage,
        response: event.message,
        usage: state.usage ?? null,
        costUsd: event.message.costUsd,
        finishReason: event.finishReason,
      });
    } else if (event.type === 'error') {
      sendJson(ctx.res, providerStatus(event.error), {
        error: event.error.message,
        kind: event.error.kind,
        provider: event.error.provider,
        sessionId: state.sessionId,
        message: state.userMessage,
        response: event.message,
      });
    }
  }
}

async function streamTurn(ctx: RequestContext, turn: StartedTurn): Promise<void> {
  const out = new EventStream(ctx.res);
  out.open();
  const state: TurnState = { sessionId: undefined, userMessage: null, usage: undefined };
  try {
    for await (const event of eventsOf(turn)) {
      track(state, event);
      switch (event.type) {
        case 'notice':
          await out.send({ kind: event.kind, text: event.text }, 'notice');
          break;
        // Kept by track() and sent with `done`, where the client reads a turn's usage.
        case 'usage':
          break;
        case 'start':
          await out.send({ sessionId: event.sessionId, message: event.userMessage, provider: event.provider, model: event.model }, 'start');
          break;
        case 'delta':
          await out.send({ text: event.text }, 'delta');
          break;
        case 'fallback':
          await out.send({ error: event.error.message, kind: event.error.kind, provider: event.provider, model: event.model }, 'fallback');
          break;
        case 'done':
          await out.send(
            {
              sessionId: state.sessionId,
              message: state.userMessage,
              response: event.message,
              usage: state.usage ?? null,
              costUsd: event.message.costUsd,
              finishReason: event.finishReason,
            },
            'done',
          );
          break;
        case 'error':
          await out.send(
            {
              error: event.error.message,
              kind: event.error.kind,
              status: providerStatus(event.error),
              sessionId: state.sessionId,
              response: event.message,
            },
            'error',
          );
          break;
      }
    }
  } catch (error) {
    // The status line is sent already: the stream itself must say the turn failed; the server logs why.
    const status = toHttpError(error).status;
    await out.send(
      { error: status === 500 ? 'internal server error' : toHttpError(error).message, status, sessionId: state.sessionId },
      'error',
    );
    throw error;
  } finally {
    out.end();
  }
}
