import { framedParts } from '../../providers/delta-parts.js';
import { readJson } from '../body.js';
import type { Handler, RequestContext } from '../context.js';
import { HttpError, toHttpError } from '../http-error.js';
import { EventStream, sendJson } from '../respond.js';
import { chatMessage, newSeedTurnState, seedChatEngine, seedEventOf } from '../seed-chat.js';
import { asInFlight, eventsOf, startTurn, wantsEventStream, type StartedTurn } from '../turn.js';

export { MAX_MESSAGE_CHARS } from '../seed-chat.js';

// POST /api/personas/:personaId/chat — the seed's contract: {message, sessionId?} in,
// {sessionId, message, response} out (the saved user message and the saved reply), or with
// `Accept: text/event-stream` the same turn as server-sent events.

export const chat: Handler = async (ctx) => {
  const body = await readJson(ctx.req, ctx.maxBodyBytes, chatMessage);
  const engine = await seedChatEngine(ctx, ctx.params.personaId!, body);
  const stream = wantsEventStream(ctx.req);
  await asInFlight(ctx, async (signal) => {
    const turn = await startTurn(engine, body.message, signal);
    if (!turn) throw new HttpError(500, 'the engine ended the turn without a reply');
    await (stream ? streamTurn(ctx, turn) : answerTurn(ctx, turn));
  });
};

async function answerTurn(ctx: RequestContext, turn: StartedTurn): Promise<void> {
  const state = newSeedTurnState();
  for await (const engineEvent of eventsOf(turn)) {
    const named = seedEventOf(engineEvent, state);
    if (!named) continue;
    const { event, data } = named;
    if (event === 'done') sendJson(ctx.res, 200, data);
    else if (event === 'error') {
      const { status, ...rest } = data;
      sendJson(ctx.res, status as number, rest);
    }
  }
}

async function streamTurn(ctx: RequestContext, turn: StartedTurn): Promise<void> {
  const out = new EventStream(ctx.res);
  out.open();
  let sessionId: unknown;
  try {
    const state = newSeedTurnState();
    for await (const engineEvent of eventsOf(turn)) {
      if (engineEvent.type === 'delta') {
        // A frame per word, its JSON written directly (the same bytes as the named event's).
        const full = out.sendFrame(framedParts(engineEvent, 'event: delta\ndata: {"text":', '}\n\n'));
        if (full) await full;
        continue;
      }
      const named = seedEventOf(engineEvent, state);
      if (!named) continue;
      if (named.event === 'start') {
        sessionId = named.data.sessionId;
        out.preamble(named.data, named.event);
      } else await out.send(named.data, named.event);
    }
  } catch (error) {
    // The status line is sent already: the stream itself must say the turn failed; the server logs why.
    const status = toHttpError(error).status;
    await out.send({ error: status === 500 ? 'internal server error' : toHttpError(error).message, status, sessionId }, 'error');
    throw error;
  } finally {
    out.end();
  }
}
