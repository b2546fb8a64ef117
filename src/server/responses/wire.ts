import type { FinishReason, Usage } from '../../core/messages.js';

// The OpenAI Responses API wire format for text, as the official SDKs, the Vercel AI SDK and
// LangChain parse it: a `response` object with one assistant `message` output item holding one
// `output_text` part, and the streaming events in the order the API sends them, each with its
// `sequence_number`.

export interface ResponseMeta {
  id: string;
  itemId: string;
  model: string;
  createdAt: number;
  previousResponseId: string | null;
  store: boolean;
  temperature: number | null;
  topP: number | null;
  maxOutputTokens: number | null;
  metadata: Record<string, string>;
}

export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed';

export interface ResponseState {
  status: ResponseStatus;
  text: string;
  usage?: Usage;
  incompleteReason?: 'max_output_tokens' | 'content_filter';
  error?: { code: string; message: string };
}

export function statusOf(finish: FinishReason): Pick<ResponseState, 'status' | 'incompleteReason'> {
  if (finish === 'length') return { status: 'incomplete', incompleteReason: 'max_output_tokens' };
  if (finish === 'content_filter') return { status: 'incomplete', incompleteReason: 'content_filter' };
  return { status: 'completed' };
}

export function responsesUsage(usage: Usage | undefined) {
  const input = usage?.inputTokens ?? 0;
  const output = usage?.outputTokens ?? 0;
  return {
    input_tokens: input,
    input_tokens_details: { cached_tokens: usage?.cacheReadTokens ?? 0 },
    output_tokens: output,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: input + output,
  };
}

export function outputText(text: string) {
  return { type: 'output_text' as const, text, annotations: [], logprobs: [] };
}

export function messageItem(meta: ResponseMeta, status: 'in_progress' | 'completed' | 'incomplete', text: string | undefined) {
  return {
    id: meta.itemId,
    type: 'message' as const,
    status,
    role: 'assistant' as const,
    content: text === undefined ? [] : [outputText(text)],
  };
}

export function responseObject(meta: ResponseMeta, state: ResponseState) {
  const itemStatus = state.status === 'completed' ? 'completed' : state.status === 'in_progress' ? 'in_progress' : 'incomplete';
  const output =
    state.status === 'in_progress' || (state.status === 'failed' && state.text === '') ? [] : [messageItem(meta, itemStatus, state.text)];
  return {
    id: meta.id,
    object: 'response' as const,
    created_at: meta.createdAt,
    status: state.status,
    background: false,
    error: state.error ?? null,
    incomplete_details: state.incompleteReason ? { reason: state.incompleteReason } : null,
    instructions: null,
    max_output_tokens: meta.maxOutputTokens,
    model: meta.model,
    output,
    output_text: state.status === 'in_progress' ? '' : state.text,
    parallel_tool_calls: false,
    previous_response_id: meta.previousResponseId,
    reasoning: { effort: null, summary: null },
    store: meta.store,
    temperature: meta.temperature,
    text: { format: { type: 'text' } },
    tool_choice: 'none',
    tools: [],
    top_p: meta.topP,
    truncation: 'disabled',
    usage: state.status === 'in_progress' ? null : responsesUsage(state.usage),
    user: null,
    metadata: meta.metadata,
  };
}

/** Numbers the events of one stream, in order, from 0. */
export class ResponseEvents {
  private sequence = 0;

  constructor(private readonly meta: ResponseMeta) {}

  private event<T extends Record<string, unknown>>(type: string, body: T) {
    return { type, sequence_number: this.sequence++, ...body };
  }

  /** response.created, response.in_progress, then the message item and its text part opening. */
  opening() {
    const response = responseObject(this.meta, { status: 'in_progress', text: '' });
    return [
      this.event('response.created', { response }),
      this.event('response.in_progress', { response }),
      this.event('response.output_item.added', { output_index: 0, item: messageItem(this.meta, 'in_progress', undefined) }),
      this.event('response.content_part.added', {
        item_id: this.meta.itemId,
        output_index: 0,
        content_index: 0,
        part: outputText(''),
      }),
    ];
  }

  delta(text: string) {
    return this.event('response.output_text.delta', {
      item_id: this.meta.itemId,
      output_index: 0,
      content_index: 0,
      delta: text,
      logprobs: [],
    });
  }

  /** The text part and the item closing, then response.completed / .incomplete / .failed. */
  closing(state: ResponseState) {
    const item = { item_id: this.meta.itemId, output_index: 0, content_index: 0 };
    const final = () => this.event(finalEventType(state.status), { response: responseObject(this.meta, state) });
    if (state.status === 'failed' && state.text === '') return [final()];
    const itemStatus = state.status === 'completed' ? 'completed' : 'incomplete';
    return [
      this.event('response.output_text.done', { ...item, text: state.text, logprobs: [] }),
      this.event('response.content_part.done', { ...item, part: outputText(state.text) }),
      this.event('response.output_item.done', { output_index: 0, item: messageItem(this.meta, itemStatus, state.text) }),
      final(),
    ];
  }
}

function finalEventType(status: ResponseStatus): string {
  if (status === 'incomplete') return 'response.incomplete';
  if (status === 'failed') return 'response.failed';
  return 'response.completed';
}
