import type { FinishReason, Usage } from '../core/messages.js';
import { newId } from '../core/ids.js';

// The OpenAI chat-completions wire format, as the official SDK parses it: `chat.completion`
// objects, `chat.completion.chunk` SSE frames, the usage chunk (empty `choices`) when
// `stream_options.include_usage` is set, and `data: [DONE]`.

export interface CompletionMeta {
  id: string;
  model: string;
  created: number;
}

export function completionMeta(model: string): CompletionMeta {
  return { id: `chatcmpl-${newId()}`, model, created: Math.floor(Date.now() / 1000) };
}

/** OpenAI has no "interrupted" or "error": a cut reply is an error frame, not a finish reason. */
export function openAIFinishReason(reason: FinishReason): 'stop' | 'length' | 'content_filter' {
  return reason === 'length' || reason === 'content_filter' ? reason : 'stop';
}

export function openAIUsage(usage: Usage | undefined) {
  const input = usage?.inputTokens ?? 0;
  const output = usage?.outputTokens ?? 0;
  return {
    prompt_tokens: input,
    completion_tokens: output,
    total_tokens: input + output,
    prompt_tokens_details: { cached_tokens: usage?.cacheReadTokens ?? 0 },
  };
}

export function completion(meta: CompletionMeta, text: string, finish: FinishReason, usage: Usage | undefined) {
  return {
    id: meta.id,
    object: 'chat.completion',
    created: meta.created,
    model: meta.model,
    choices: [
      { index: 0, message: { role: 'assistant', content: text, refusal: null }, logprobs: null, finish_reason: openAIFinishReason(finish) },
    ],
    usage: openAIUsage(usage),
  };
}

export function chunk(meta: CompletionMeta, delta: Record<string, unknown>, finish: string | null, withUsage: boolean) {
  return {
    id: meta.id,
    object: 'chat.completion.chunk',
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    // With include_usage the real API puts `usage: null` on every chunk but the usage chunk.
    ...(withUsage ? { usage: null } : {}),
  };
}

/**
 * The server-sent event of `chunk(meta, {content: text}, null, withUsage)` (`data: ` and its JSON,
 * then a blank line) as the text before the content's JSON string and the text after it, from a
 * template made once per reply: a reply streams a frame per word, and serialising the same frame
 * around each word was a large part of the route's time. The same bytes as JSON.stringify of the
 * chunk, framed in one concatenation per word (see framedParts).
 */
export function contentChunkFrame(meta: CompletionMeta, withUsage: boolean): { open: string; close: string } {
  // A character JSON escapes, so its escaped form cannot be the text of anything else in the frame;
  // the content comes after the model name (the only value from the request), hence the last one.
  const mark = JSON.stringify('\u0000');
  const template = JSON.stringify(chunk(meta, { content: '\u0000' }, null, withUsage));
  const at = template.lastIndexOf(mark);
  return { open: `data: ${template.slice(0, at)}`, close: `${template.slice(at + mark.length)}\n\n` };
}

export function usageChunk(meta: CompletionMeta, usage: Usage | undefined) {
  return { id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, choices: [], usage: openAIUsage(usage) };
}

export function openAIErrorType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  return status >= 500 ? 'server_error' : 'invalid_request_error';
}

/** `{error: {message, type, param, code}}`: the SDK raises it as an APIError with this message. */
export function openAIError(status: number, message: string, code: string | null = null, param: string | null = null) {
  return { error: { message, type: openAIErrorType(status), param, code } };
}
