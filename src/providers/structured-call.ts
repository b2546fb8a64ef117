import type { Usage } from '../core/messages.js';
import { toProviderError, type SdkErrorClasses, type SdkErrorContext } from './sdk-errors.js';
import type { StructuredMode, StructuredRequest, StructuredResult } from './types.js';

// The part of a structured request both SDK adapters share: ask natively (schema enforced by the
// server), and when the server cannot (`auto` mode and an HTTP 400 to the native request), ask for
// JSON in plain text from then on. Whether the JSON fits the schema is the caller's business: it
// validates, retries once, or records the answer as invalid with the raw text kept.

export interface StructuredReply {
  /** The JSON text: a tool's input, a json_schema reply, or the reply text in text mode. */
  text: string;
  usage?: Usage;
  model?: string;
}

export interface StructuredCallSpec {
  context: SdkErrorContext;
  errorClasses: SdkErrorClasses;
  native: { via: 'json_schema' | 'tool'; call(request: StructuredRequest, signal?: AbortSignal): Promise<StructuredReply> };
  text(request: StructuredRequest, signal?: AbortSignal): Promise<StructuredReply>;
}

/** One adapter's structured-answer function; remembers a server that refused the native form. */
export function structuredCaller(
  mode: StructuredMode,
  spec: StructuredCallSpec,
): (request: StructuredRequest) => Promise<StructuredResult> {
  let textOnly = mode === 'text';
  return async (request) => {
    const started = performance.now();
    const finish = (reply: StructuredReply, via: 'json_schema' | 'tool' | 'text'): StructuredResult => ({
      ok: true,
      json: reply.text,
      via,
      latencyMs: Math.round(performance.now() - started),
      ...(reply.usage ? { usage: reply.usage } : {}),
      ...(reply.model ? { model: reply.model } : {}),
    });
    if (!textOnly) {
      try {
        return finish(await spec.native.call(request, request.signal), spec.native.via);
      } catch (error) {
        const failure = toProviderError(error, spec.errorClasses, { ...spec.context, model: request.model });
        if (!(mode === 'auto' && failure.status === 400)) return { ok: false, error: failure };
        // The server does not know response_format json_schema or tools: JSON in text from now on.
        textOnly = true;
      }
    }
    try {
      return finish(await spec.text(withJsonInstructions(request), request.signal), 'text');
    } catch (error) {
      return { ok: false, error: toProviderError(error, spec.errorClasses, { ...spec.context, model: request.model }) };
    }
  };
}

/** The text-mode request: the schema goes into the system prompt. */
export function withJsonInstructions(request: StructuredRequest): StructuredRequest {
  const instructions = [
    `Reply with one JSON object and nothing else: no prose, no code fences.`,
    `It must match this JSON Schema (${request.description}):`,
    JSON.stringify(request.schema),
  ].join('\n');
  return { ...request, system: request.system ? `${request.system}\n\n${instructions}` : instructions };
}

/**
 * The JSON object in a text reply: models wrap it in code fences or a sentence despite being
 * told not to. Returns the text unchanged when no object can be found (the caller reports it).
 */
export function jsonInText(text: string): string {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text);
  const body = fenced ? fenced[1]! : text;
  const start = body.indexOf('{');
  const end = body.lastIndexOf('}');
  return start >= 0 && end > start ? body.slice(start, end + 1) : text.trim();
}
