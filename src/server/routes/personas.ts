import { emojiOf, oneLineSummary } from '../../persona/facts.js';
import type { Persona } from '../../persona/schema.js';
import type { Handler, RequestContext } from '../context.js';
import { notFound } from '../http-error.js';
import { sendJson } from '../respond.js';

// Persona files as data. The file's location on the server's disk is not sent.

export function personaSummary(persona: Persona) {
  return {
    id: persona.id,
    name: persona.name,
    origin: persona.origin,
    emoji: emojiOf(persona.data) ?? null,
    summary: oneLineSummary(persona.data),
  };
}

/** A persona id from the path, or 404 (ids are slugs; anything else cannot name one). */
export function requirePersona(ctx: Pick<RequestContext, 'options'>, id: string): Persona {
  const persona = /^[a-z0-9][a-z0-9-]{0,63}$/.test(id) ? ctx.options.personas.find(id) : undefined;
  if (!persona) throw notFound(`persona "${id}"`);
  return persona;
}

export const listPersonas: Handler = async (ctx) => {
  sendJson(ctx.res, 200, { personas: ctx.options.personas.list().map(personaSummary) });
};

export const getPersona: Handler = async (ctx) => {
  const persona = requirePersona(ctx, ctx.params.id!);
  sendJson(ctx.res, 200, { ...personaSummary(persona), persona: { ...persona.data, id: persona.id } });
};
