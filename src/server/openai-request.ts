import * as z from 'zod/mini';
import '../core/zod-setup.js';
import { HttpError } from './http-error.js';
import type { Sampling } from './sampling.js';

// What the OpenAI-style routes (chat completions and responses) share: the sampling fields,
// checked and passed through, and the features personas do not have, refused with a 400 in
// OpenAI's error shape (naming the field) instead of being silently dropped.

export const samplingFields = {
  temperature: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(2)))),
  top_p: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(1)))),
};

const tokenCount = z.optional(z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(1_000_000))));
export const maxTokenFields = { max_tokens: tokenCount, max_completion_tokens: tokenCount, max_output_tokens: tokenCount };

export const stopField = z.optional(
  z.nullable(z.union([z.string().check(z.maxLength(200)), z.array(z.string().check(z.maxLength(200))).check(z.maxLength(4))])),
);

export interface SamplingInput {
  temperature?: number | null;
  top_p?: number | null;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  max_output_tokens?: number | null;
  stop?: string | string[] | null;
}

export function samplingOf(input: SamplingInput): Sampling {
  const stop = input.stop == null ? [] : (Array.isArray(input.stop) ? input.stop : [input.stop]).filter((s) => s !== '');
  return {
    temperature: input.temperature ?? undefined,
    topP: input.top_p ?? undefined,
    maxTokens: input.max_completion_tokens ?? input.max_output_tokens ?? input.max_tokens ?? undefined,
    stop: stop.length > 0 ? stop : undefined,
  };
}

export function unsupported(param: string, message: string): HttpError {
  return new HttpError(400, message, { param, kind: 'unsupported_parameter' });
}

/** Tools and function calling: personas answer in words only. */
export function refuseTools(request: { tools?: unknown; functions?: unknown; tool_choice?: unknown }): void {
  if (Array.isArray(request.tools) && request.tools.length > 0)
    throw unsupported('tools', 'tools are not supported: personas answer in text only; send the request without `tools`');
  if (Array.isArray(request.functions) && request.functions.length > 0)
    throw unsupported('functions', 'functions are not supported: personas answer in text only; send the request without `functions`');
  const choice = request.tool_choice;
  if (choice !== undefined && choice !== null && choice !== 'none' && choice !== 'auto')
    throw unsupported('tool_choice', 'tool_choice is not supported: personas have no tools');
}

/** Only plain text output: JSON mode and JSON schemas are refused rather than ignored. */
export function refuseStructuredOutput(format: unknown, param: string): void {
  if (format === undefined || format === null) return;
  const type = typeof format === 'object' ? (format as { type?: unknown }).type : undefined;
  if (type === 'text') return;
  throw unsupported(
    param,
    `${param} ${typeof type === 'string' ? `"${type}" ` : ''}is not supported: personas answer in plain text; leave ${param} out (or use type "text")`,
  );
}

const TEXT_PART_TYPES = new Set(['text', 'input_text', 'output_text']);

/** The text of a message's content; image, audio and file parts are refused, naming where they were. */
export function textOfContent(content: unknown, param: string): string {
  if (typeof content === 'string') return content;
  if (content === null || content === undefined) return '';
  if (!Array.isArray(content)) throw new HttpError(400, `invalid request: ${param}: expected a string or an array of parts`, { param });
  let text = '';
  content.forEach((part: unknown, index) => {
    const type = typeof part === 'object' && part !== null ? (part as { type?: unknown }).type : undefined;
    if (typeof type === 'string' && TEXT_PART_TYPES.has(type)) {
      const value = (part as { text?: unknown }).text;
      if (typeof value !== 'string') throw new HttpError(400, `invalid request: ${param}.${index}.text: expected a string`, { param });
      text += value;
    } else if (type === 'refusal') {
      // An assistant's earlier refusal: nothing to carry over.
    } else {
      throw unsupported(
        `${param}.${index}`,
        `content part type ${JSON.stringify(String(type))} is not supported: personas read text only; send text parts (no images, audio or files)`,
      );
    }
  });
  return text;
}

/** n > 1 is refused: one persona gives one reply. */
export function refuseSeveralChoices(n: number | null | undefined): void {
  if (n !== undefined && n !== null && n !== 1)
    throw unsupported('n', `n=${n} is not supported: a persona gives one reply per request; send n=1 or leave it out`);
}
