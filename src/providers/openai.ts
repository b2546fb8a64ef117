import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParamsNonStreaming,
  ChatCompletionCreateParamsStreaming,
  ChatCompletionMessageParam,
} from 'openai/resources/chat/completions';
import type { FinishReason } from '../core/messages.js';
import { turnsWithPostHistory } from './post-history.js';
import { hostOf, missingKeyError, type SdkErrorContext } from './sdk-errors.js';
import { streamFromSdk, type ReplyTally } from './sdk-stream.js';
import { NO_KEY_NEEDED } from './keyless.js';
import { jsonInText, structuredCaller, type StructuredReply } from './structured-call.js';
import type { ProviderEvent, ProviderRequest, ProviderSettings, StructuredProvider, StructuredRequest } from './types.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

const ERROR_CLASSES = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

/** OpenAI, or any server that speaks its chat completions API through `baseUrl`. */
export function createOpenAIProvider(settings: ProviderSettings): StructuredProvider {
  const baseUrl = settings.baseUrl ?? OPENAI_DEFAULT_BASE_URL;
  const apiKey = settings.apiKey ?? (settings.baseUrl ? NO_KEY_NEEDED : undefined);
  let client: OpenAI | undefined;
  const sdkClient = (key: string): OpenAI =>
    (client ??= new OpenAI({
      apiKey: key,
      baseURL: baseUrl,
      maxRetries: settings.maxRetries,
      timeout: settings.timeoutMs,
      // The SDK logs to the console by default, which would tear through the Ink screen.
      logLevel: 'off',
    }));

  async function* stream(request: ProviderRequest): AsyncGenerator<ProviderEvent> {
    if (!apiKey) {
      yield { type: 'error', error: missingKeyError('openai') };
      return;
    }
    const context: SdkErrorContext = {
      provider: 'openai',
      baseUrl,
      model: request.model,
      timeoutMs: settings.timeoutMs,
      apiKey: settings.apiKey,
    };
    const sdk = sdkClient(apiKey);
    yield* streamFromSdk<ChatCompletionChunk>({
      context,
      errorClasses: ERROR_CLASSES,
      signal: request.signal,
      open: (signal) => sdk.chat.completions.create(chatCompletionParams(request, baseUrl), { signal }),
      read: readChunk,
    });
  }

  const context: SdkErrorContext = {
    provider: 'openai',
    baseUrl,
    model: settings.model,
    timeoutMs: settings.timeoutMs,
    apiKey: settings.apiKey,
  };
  const complete = async (params: ChatCompletionCreateParamsNonStreaming, signal?: AbortSignal): Promise<StructuredReply> => {
    if (!apiKey) throw missingKeyError('openai');
    return replyOf(await sdkClient(apiKey).chat.completions.create(params, { signal }));
  };
  const structured = structuredCaller(settings.structuredOutput ?? 'auto', {
    context,
    errorClasses: ERROR_CLASSES,
    native: {
      via: 'json_schema',
      call: (request, signal) =>
        complete(
          {
            ...completionParams(request, baseUrl),
            response_format: {
              type: 'json_schema',
              json_schema: { name: request.schemaName, description: request.description, schema: request.schema, strict: true },
            },
          },
          signal,
        ),
    },
    text: async (request, signal) => {
      const reply = await complete(completionParams(request, baseUrl), signal);
      return { ...reply, text: jsonInText(reply.text) };
    },
  });

  return { name: 'openai', stream, structured };
}

/** The one-shot (not streamed) form of the chat parameters, for structured answers. */
function completionParams(request: StructuredRequest, baseUrl: string): ChatCompletionCreateParamsNonStreaming {
  const { stream, stream_options, ...params } = chatCompletionParams(request, baseUrl);
  return params;
}

function replyOf(completion: ChatCompletion): StructuredReply {
  const message = completion.choices[0]?.message;
  const cached = completion.usage?.prompt_tokens_details?.cached_tokens;
  return {
    // A refusal comes instead of content; kept as the raw text of an invalid answer.
    text: message?.content ?? message?.refusal ?? '',
    ...(completion.model ? { model: completion.model } : {}),
    ...(completion.usage
      ? {
          usage: {
            inputTokens: completion.usage.prompt_tokens,
            outputTokens: completion.usage.completion_tokens,
            ...(cached ? { cacheReadTokens: cached } : {}),
          },
        }
      : {}),
  };
}

export function chatCompletionParams(request: ProviderRequest | StructuredRequest, baseUrl: string): ChatCompletionCreateParamsStreaming {
  const messages: ChatCompletionMessageParam[] = [];
  if (request.system) messages.push({ role: 'system', content: request.system });
  for (const turn of turnsWithPostHistory(request)) {
    messages.push({ role: turn.role === 'persona' ? 'assistant' : 'user', content: turn.content });
  }
  return {
    model: request.model,
    messages,
    stream: true,
    stream_options: { include_usage: true },
    // api.openai.com rejects `max_tokens` for its reasoning models (o-series, gpt-5) and wants
    // `max_completion_tokens`; most compatible servers (Ollama, LM Studio, llama.cpp, older vLLM)
    // know only `max_tokens` and would silently ignore the newer name.
    ...(isOfficialApi(baseUrl) ? { max_completion_tokens: request.maxOutputTokens } : { max_tokens: request.maxOutputTokens }),
    // Reasoning models accept only their default temperature and answer 400 to any other value.
    ...(isReasoningModel(request.model) ? {} : { temperature: request.temperature }),
    ...(request.topP !== undefined && !isReasoningModel(request.model) ? { top_p: request.topP } : {}),
    ...(request.stop && request.stop.length > 0 && !isReasoningModel(request.model) ? { stop: request.stop } : {}),
  };
}

function isOfficialApi(baseUrl: string): boolean {
  return hostOf(baseUrl) === 'api.openai.com';
}

/** o1, o3-mini, o4-mini, gpt-5, gpt-5-mini, gpt-5.1 ...; not the gpt-5 "chat" models. */
export function isReasoningModel(model: string): boolean {
  const id = model.replace(/^openai\//, '');
  return /^o\d/.test(id) || (/^gpt-5/.test(id) && !id.includes('chat'));
}

const FINISH_REASONS: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'content_filter',
  // Tools are never offered, but a server may still say so; the text so far is the reply.
  tool_calls: 'stop',
  function_call: 'stop',
};

function readChunk(chunk: ChatCompletionChunk, tally: ReplyTally): string | undefined {
  if (chunk.model) tally.model = chunk.model;
  if (chunk.usage) {
    const cached = chunk.usage.prompt_tokens_details?.cached_tokens;
    tally.usage = {
      inputTokens: chunk.usage.prompt_tokens,
      outputTokens: chunk.usage.completion_tokens,
      ...(cached ? { cacheReadTokens: cached } : {}),
    };
  }
  const choice = chunk.choices?.[0];
  if (choice?.finish_reason) tally.finishReason = FINISH_REASONS[choice.finish_reason] ?? 'stop';
  return choice?.delta?.content ?? undefined;
}
