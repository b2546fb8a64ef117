import Anthropic, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from '@anthropic-ai/sdk';
import type {
  Message,
  MessageCreateParamsNonStreaming,
  MessageCreateParamsStreaming,
  MessageParam,
  RawMessageStreamEvent,
  StopReason,
} from '@anthropic-ai/sdk/resources/messages';
import type { ChatTurn, FinishReason, Usage } from '../core/messages.js';
import { turnsWithPostHistory } from './post-history.js';
import { missingKeyError, type SdkErrorContext } from './sdk-errors.js';
import { streamFromSdk, type ReplyTally } from './sdk-stream.js';
import { NO_KEY_NEEDED } from './keyless.js';
import { jsonInText, structuredCaller, type StructuredReply } from './structured-call.js';
import type { ProviderEvent, ProviderRequest, ProviderSettings, StructuredProvider, StructuredRequest } from './types.js';

export const ANTHROPIC_DEFAULT_BASE_URL = 'https://api.anthropic.com';

const ERROR_CLASSES = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

/**
 * The API wants a user turn first; a chat whose history starts with the persona's opening line
 * gets this neutral user turn in front so the opening line still gives the model its context.
 */
export const CONVERSATION_OPENER = '(The conversation begins.)';

export function createAnthropicProvider(settings: ProviderSettings): StructuredProvider {
  const baseUrl = settings.baseUrl ?? ANTHROPIC_DEFAULT_BASE_URL;
  const apiKey = settings.apiKey ?? (settings.baseUrl ? NO_KEY_NEEDED : undefined);
  let client: Anthropic | undefined;
  const sdkClient = (key: string): Anthropic =>
    (client ??= new Anthropic({
      // Passing the key explicitly also stops the SDK from reading ANTHROPIC_AUTH_TOKEN or a
      // credentials profile behind the user's back: settings are the only source.
      apiKey: key,
      baseURL: baseUrl,
      maxRetries: settings.maxRetries,
      timeout: settings.timeoutMs,
      // The SDK logs to the console by default, which would tear through the Ink screen.
      logLevel: 'off',
    }));

  async function* stream(request: ProviderRequest): AsyncGenerator<ProviderEvent> {
    if (!apiKey) {
      yield { type: 'error', error: missingKeyError('anthropic') };
      return;
    }
    const context: SdkErrorContext = {
      provider: 'anthropic',
      baseUrl,
      model: request.model,
      timeoutMs: settings.timeoutMs,
      apiKey: settings.apiKey,
    };
    const sdk = sdkClient(apiKey);
    yield* streamFromSdk<RawMessageStreamEvent>({
      context,
      errorClasses: ERROR_CLASSES,
      signal: request.signal,
      open: (signal) => sdk.messages.create(messageParams(request), { signal }),
      read: readEvent,
    });
  }

  const context: SdkErrorContext = {
    provider: 'anthropic',
    baseUrl,
    model: settings.model,
    timeoutMs: settings.timeoutMs,
    apiKey: settings.apiKey,
  };
  const complete = async (params: MessageCreateParamsNonStreaming, signal?: AbortSignal): Promise<Message> => {
    if (!apiKey) throw missingKeyError('anthropic');
    return sdkClient(apiKey).messages.create(params, { signal });
  };
  const structured = structuredCaller(settings.structuredOutput ?? 'auto', {
    context,
    errorClasses: ERROR_CLASSES,
    native: {
      via: 'tool',
      // The answer is the input of a tool the model is forced to call: the server holds it to the schema.
      call: async (request, signal) => {
        const message = await complete(
          {
            ...oneShotParams(request),
            tools: [{ name: request.schemaName, description: request.description, input_schema: toolSchema(request.schema) }],
            tool_choice: { type: 'tool', name: request.schemaName },
          },
          signal,
        );
        const call = message.content.find((block) => block.type === 'tool_use');
        return replyOf(message, call ? JSON.stringify(call.input) : textOf(message));
      },
    },
    text: async (request, signal) => {
      const message = await complete(oneShotParams(request), signal);
      return replyOf(message, jsonInText(textOf(message)));
    },
  });

  return { name: 'anthropic', stream, structured };
}

function oneShotParams(request: StructuredRequest): MessageCreateParamsNonStreaming {
  const { stream, ...params } = messageParams(request);
  return params;
}

function toolSchema(schema: Record<string, unknown>): Anthropic.Messages.Tool.InputSchema {
  return { ...schema, type: 'object' };
}

function textOf(message: Message): string {
  return message.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
}

function replyOf(message: Message, text: string): StructuredReply {
  return { text, model: message.model, usage: usageOf(message.usage, undefined) };
}

export function messageParams(request: ProviderRequest | StructuredRequest): MessageCreateParamsStreaming {
  return {
    model: request.model,
    max_tokens: request.maxOutputTokens,
    // No `temperature`: the Messages API version this SDK speaks (2026-10-21) dropped the
    // sampling parameters, so request.temperature applies to OpenAI and the offline engine only.
    // The system prompt (persona, profile, rules) is the same on every turn of a chat and is
    // usually the largest part of the request: marking it lets later turns read it from the cache
    // at a tenth of the input price. Prompts under the model's minimum are simply not cached.
    ...(request.system ? { system: [{ type: 'text' as const, text: request.system, cache_control: { type: 'ephemeral' as const } }] } : {}),
    messages: alternatingTurns(turnsWithPostHistory(request)),
    stream: true,
  };
}

/**
 * The Messages API needs non-empty turns alternating user/assistant, starting with user.
 * Our history can hold two user turns in a row (a reply that failed) or empty persona turns
 * (interrupted before any text), so consecutive same-role turns are merged and blanks dropped.
 */
export function alternatingTurns(turns: readonly ChatTurn[]): MessageParam[] {
  const merged: MessageParam[] = [];
  for (const turn of turns) {
    if (!turn.content.trim()) continue;
    const role = turn.role === 'persona' ? 'assistant' : 'user';
    const last = merged.at(-1);
    if (last && last.role === role) last.content = `${last.content as string}\n\n${turn.content}`;
    else merged.push({ role, content: turn.content });
  }
  if (merged[0]?.role === 'assistant') merged.unshift({ role: 'user', content: CONVERSATION_OPENER });
  return merged;
}

const FINISH_REASONS: Record<StopReason, FinishReason> = {
  end_turn: 'stop',
  stop_sequence: 'stop',
  max_tokens: 'length',
  model_context_window_exceeded: 'length',
  refusal: 'content_filter',
  // Tools are never offered; should a server pause or call one anyway, the text so far is the reply.
  tool_use: 'stop',
  pause_turn: 'stop',
};

function readEvent(event: RawMessageStreamEvent, tally: ReplyTally): string | undefined {
  switch (event.type) {
    case 'message_start': {
      tally.model = event.message.model;
      tally.usage = usageOf(event.message.usage, undefined);
      return undefined;
    }
    case 'message_delta': {
      tally.usage = usageOf(event.usage, tally.usage);
      if (event.delta.stop_reason) tally.finishReason = FINISH_REASONS[event.delta.stop_reason] ?? 'stop';
      return undefined;
    }
    case 'content_block_delta':
      return event.delta.type === 'text_delta' ? event.delta.text : undefined;
    // Block boundaries and the end carry nothing we keep: the stream's end is the reply's end.
    case 'content_block_start':
    case 'content_block_stop':
    case 'message_stop':
      return undefined;
  }
}

interface AnthropicUsageCounts {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}

/**
 * Anthropic counts cached and cache-written prompt tokens apart from `input_tokens`; our Usage
 * counts every prompt token in `inputTokens` (as OpenAI does) with the cached parts broken out,
 * so cost and budgets read the same for both providers. message_delta repeats the counts
 * cumulatively (newer API versions) or only carries output tokens (older ones).
 */
function usageOf(counts: AnthropicUsageCounts, previous: Usage | undefined): Usage {
  const cacheRead = counts.cache_read_input_tokens ?? previous?.cacheReadTokens ?? 0;
  const cacheWrite = counts.cache_creation_input_tokens ?? previous?.cacheWriteTokens ?? 0;
  const uncached =
    counts.input_tokens ?? (previous ? previous.inputTokens - (previous.cacheReadTokens ?? 0) - (previous.cacheWriteTokens ?? 0) : 0);
  return {
    inputTokens: uncached + cacheRead + cacheWrite,
    outputTokens: counts.output_tokens ?? previous?.outputTokens ?? 0,
    ...(cacheRead ? { cacheReadTokens: cacheRead } : {}),
    ...(cacheWrite ? { cacheWriteTokens: cacheWrite } : {}),
  };
}
