// A local HTTP server that speaks the OpenAI chat-completions and Anthropic messages wire formats
// the way the official SDKs expect them (SSE framing, event names, the usage chunk, error bodies,
// retry headers), so tests and benchmarks run the real SDK clients without the internet.
//
// Replies and faults are scripted per request with `enqueue`; every request is recorded with its
// headers and parsed body. This file imports nothing but node built-ins (no vitest) so a plain
// `node` process can use it after one esbuild step:
//
//   npx esbuild test/support/wire-server.ts --format=esm --platform=node --outfile=dist-test/wire-server.mjs
//   import { startWireServer } from './dist-test/wire-server.mjs';
//   const wire = await startWireServer();  // OPENAI_BASE_URL=`${wire.url}/v1`, ANTHROPIC_BASE_URL=wire.url

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type WireFormat = 'openai' | 'anthropic';

/**
 * Token counts for a scripted reply. `input` counts every prompt token, cached ones included; the
 * Anthropic format reports `input - cachedInput - cacheWrite` as its `input_tokens`, as that API does.
 */
export interface WireUsage {
  input: number;
  output: number;
  cachedInput?: number;
  cacheWrite?: number;
}

/** A successful reply, optionally with a fault part-way through. */
export interface WireReply {
  text?: string;
  /** How many content chunks the text is streamed in (default: one per word). */
  chunks?: number;
  usage?: WireUsage;
  finish?: 'stop' | 'length' | 'content_filter';
  /** The model named in the reply (default: the one requested). */
  model?: string;
  /** Wait this long before sending the response headers. */
  firstByteDelayMs?: number;
  /** Wait this long before each content chunk. */
  chunkDelayMs?: number;
  /** Destroy the socket after this many content chunks. */
  cutAfterChunks?: number;
  /** Send a chunk that is not valid JSON after this many content chunks, then stop. */
  malformedAfterChunks?: number;
  /** Send an in-stream error event after this many content chunks, then end. */
  errorAfterChunks?: { afterChunks: number; type: string; message: string };
  /** End the response cleanly after this many content chunks, with no finish and no usage. */
  endEarlyAfterChunks?: number;
  /**
   * Anthropic, not streamed, with a tool forced by `tool_choice`: the forced tool's input. Without
   * it, `text` is parsed as the input when it is a JSON object (as the real API always calls it).
   */
  toolInput?: unknown;
}

/** An HTTP error response. */
export interface WireFailure {
  status: number;
  /** Default: a message in the provider's style (a 401/403 echoes the credential it was sent). */
  message?: string;
  /** The error `type` in the body (default: the provider's type for the status). */
  type?: string;
  /** OpenAI's `code` field, e.g. `insufficient_quota`. */
  code?: string;
  /** Sent as `retry-after-ms` and `retry-after`; the SDKs honour the first. */
  retryAfterMs?: number;
  headers?: Record<string, string>;
  firstByteDelayMs?: number;
}

export type WireScript = WireReply | WireFailure;

export interface RecordedRequest {
  format: WireFormat | 'unknown';
  method: string;
  path: string;
  /** Lower-cased header names, as node delivers them. */
  headers: Record<string, string>;
  /** The parsed JSON body as received: `any` so tests can read whatever fields they assert on. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- read as the wire delivers it
  body: any;
}

export interface WireServerOptions {
  /** When set, requests must carry this key (Authorization: Bearer, or x-api-key for Anthropic). */
  apiKey?: string;
  /** The script for a request when the queue is empty (default: a short fixed reply). */
  fallback?: (request: RecordedRequest) => WireScript;
}

export interface WireServer {
  /** `http://127.0.0.1:PORT`: give OpenAI `${url}/v1` and Anthropic `url`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Scripts for the next requests, one each, in order. */
  enqueue(...scripts: WireScript[]): void;
  /** Scripts not yet used. */
  readonly pending: number;
  /** Forgets recorded requests and unused scripts. */
  reset(): void;
  close(): Promise<void>;
}

export const DEFAULT_REPLY_TEXT = 'Hello from the wire server.';
export const DEFAULT_TRANSCRIPT = 'Transcribed by the wire server.';

/** A `POST /v1/audio/transcriptions` request as recorded. */
export interface TranscriptionBody {
  model: string | undefined;
  response_format: string | undefined;
  language: string | undefined;
  prompt: string | undefined;
  file: { name: string; type: string; bytes: Buffer } | undefined;
}

export async function startWireServer(options: WireServerOptions = {}): Promise<WireServer> {
  const requests: RecordedRequest[] = [];
  const queue: WireScript[] = [];
  const fallback: (request: RecordedRequest) => WireScript = options.fallback ?? (() => ({ text: DEFAULT_REPLY_TEXT }));
  let counter = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === '/v1/audio/transcriptions') return handleTranscription(req, res);
    const raw = await readBody(req);
    const format = formatOf(req);
    let body: unknown;
    let unparsable = false;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      unparsable = true;
    }
    const recorded: RecordedRequest = {
      format,
      method: req.method ?? '',
      path: req.url ?? '',
      headers: flatHeaders(req),
      body,
    };
    requests.push(recorded);
    counter += 1;

    if (format === 'unknown') {
      return sendFailure(res, 'openai', { status: 404, message: `no route for ${recorded.method} ${recorded.path}` }, '');
    }
    const credential = presentedCredential(format, recorded.headers);
    const problem = unparsable ? 'request body is not valid JSON' : invalidRequest(format, recorded);
    if (problem) return sendFailure(res, format, { status: 400, message: problem }, credential);
    if (options.apiKey !== undefined && credential !== options.apiKey) {
      return sendFailure(res, format, { status: 401 }, credential);
    }
    const script = queue.shift() ?? fallback(recorded);
    if ('status' in script) return sendFailure(res, format, script, credential);
    const reply = resolveReply(script, recorded, counter);
    if (recorded.body.stream === true) {
      return format === 'openai' ? streamOpenAI(res, reply, recorded) : streamAnthropic(res, reply);
    }
    await delay(res, script.firstByteDelayMs);
    return sendJson(res, 200, format === 'openai' ? openAICompletion(reply) : anthropicMessage(reply, forcedTool(recorded.body)));
  }

  /**
   * OpenAI speech to text: multipart, not JSON. The recorded body holds the form fields and the
   * uploaded file (name, type, bytes); a queued script's `text` is the transcript.
   */
  async function handleTranscription(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readRawBody(req);
    const headers = flatHeaders(req);
    let body: TranscriptionBody | undefined;
    try {
      body = await transcriptionBody(
        await new Response(new Uint8Array(raw), { headers: { 'content-type': headers['content-type'] ?? '' } }).formData(),
      );
    } catch {
      body = undefined;
    }
    requests.push({ format: 'openai', method: req.method ?? '', path: req.url ?? '', headers, body });
    counter += 1;
    const credential = presentedCredential('openai', headers);
    const problem = !body
      ? 'request body must be multipart/form-data'
      : !body.model
        ? 'model: field required'
        : !body.file
          ? 'file: field required'
          : undefined;
    if (problem) return sendFailure(res, 'openai', { status: 400, message: problem }, credential);
    if (options.apiKey !== undefined && credential !== options.apiKey) return sendFailure(res, 'openai', { status: 401 }, credential);
    const script = queue.shift() ?? { text: DEFAULT_TRANSCRIPT };
    if ('status' in script) return sendFailure(res, 'openai', script, credential);
    await delay(res, script.firstByteDelayMs);
    const text = script.text ?? DEFAULT_TRANSCRIPT;
    if (body!.response_format === 'text') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end(text);
      return;
    }
    return sendJson(res, 200, { text });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...scripts) => void queue.push(...scripts),
    get pending() {
      return queue.length;
    },
    reset() {
      requests.length = 0;
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Splits `text` into `count` pieces at word boundaries (characters when there are too few words). */
export function splitReply(text: string, count?: number): string[] {
  const words = text.split(/(?<=\s)/).filter(Boolean);
  if (count === undefined) return words;
  if (count <= 1) return [text];
  const units = words.length >= count ? words : [...text];
  const pieces: string[] = [];
  for (let i = 0; i < count && i < units.length; i++) {
    const from = Math.floor((i * units.length) / count);
    const to = Math.floor(((i + 1) * units.length) / count);
    pieces.push(units.slice(from, to).join(''));
  }
  return pieces.filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Requests

function formatOf(req: IncomingMessage): WireFormat | 'unknown' {
  const path = (req.url ?? '').split('?')[0];
  if (req.method === 'POST' && path === '/v1/chat/completions') return 'openai';
  if (req.method === 'POST' && path === '/v1/messages') return 'anthropic';
  return 'unknown';
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts).toString('utf8')));
    req.on('error', reject);
  });
}

function readRawBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => resolve(Buffer.concat(parts)));
    req.on('error', reject);
  });
}

async function transcriptionBody(form: FormData): Promise<TranscriptionBody> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const file = form.get('file');
  return {
    model: text('model'),
    response_format: text('response_format'),
    language: text('language'),
    prompt: text('prompt'),
    file: file && typeof file !== 'string' ? { name: file.name, type: file.type, bytes: Buffer.from(await file.arrayBuffer()) } : undefined,
  };
}

function flatHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function presentedCredential(format: WireFormat, headers: Record<string, string>): string {
  const bearer = /^Bearer (.+)$/i.exec(headers.authorization ?? '')?.[1];
  if (format === 'anthropic') return headers['x-api-key'] ?? bearer ?? '';
  return bearer ?? '';
}

/** The checks the real APIs make that an adapter could get wrong. */
function invalidRequest(format: WireFormat, request: RecordedRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return 'request body must be a JSON object';
  if (typeof body.model !== 'string' || !body.model) return 'model: field required';
  if (!Array.isArray(body.messages) || body.messages.length === 0) return 'messages: at least one message is required';
  if (format === 'openai') return invalidResponseFormat(body.response_format);
  if (!request.headers['anthropic-version']) return 'anthropic-version: header is required';
  const toolProblem = invalidTools(body.tools, body.tool_choice);
  if (toolProblem) return toolProblem;
  if (typeof body.max_tokens !== 'number') return 'max_tokens: field required';
  const messages = body.messages as Array<{ role?: unknown; content?: unknown }>;
  if (messages[0]?.role !== 'user') return 'messages: first message must use the "user" role';
  for (let i = 0; i < messages.length; i++) {
    const { role, content } = messages[i]!;
    if (i > 0 && role === messages[i - 1]!.role) return `messages.${i}: roles must alternate between "user" and "assistant"`;
    if (typeof content === 'string' && !content.trim()) return `messages.${i}: text content blocks must be non-empty`;
  }
  return undefined;
}

const SCHEMA_NAME = /^[a-zA-Z0-9_-]{1,64}$/;

/** OpenAI structured outputs: a named schema, and in strict mode every object closed and fully required. */
function invalidResponseFormat(format: unknown): string | undefined {
  if (format === undefined) return undefined;
  const { type, json_schema: spec } = format as { type?: unknown; json_schema?: { name?: unknown; schema?: unknown; strict?: unknown } };
  if (type !== 'json_schema')
    return type === 'text' || type === 'json_object' ? undefined : `response_format.type: unknown value ${String(type)}`;
  if (!spec || typeof spec.name !== 'string' || !SCHEMA_NAME.test(spec.name))
    return 'response_format.json_schema.name: must match ^[a-zA-Z0-9_-]{1,64}$';
  if (!spec.schema || typeof spec.schema !== 'object') return 'response_format.json_schema.schema: required';
  return spec.strict === true ? strictSchemaProblem(spec.schema as Record<string, unknown>, 'schema') : undefined;
}

function strictSchemaProblem(schema: Record<string, unknown>, at: string): string | undefined {
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts)) {
      for (const [i, part] of parts.entries()) {
        const problem = strictSchemaProblem(part as Record<string, unknown>, `${at}.${key}[${i}]`);
        if (problem) return problem;
      }
    }
  }
  if (schema.type === 'object' || schema.properties) {
    if (schema.additionalProperties !== false)
      return `Invalid schema: ${at}: 'additionalProperties' is required to be supplied and to be false`;
    const properties = Object.keys((schema.properties ?? {}) as object);
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = properties.find((name) => !required.includes(name));
    if (missing) return `Invalid schema: ${at}: 'required' must include every property; missing '${missing}'`;
    for (const name of properties) {
      const problem = strictSchemaProblem((schema.properties as Record<string, Record<string, unknown>>)[name]!, `${at}.${name}`);
      if (problem) return problem;
    }
  }
  if (schema.items && typeof schema.items === 'object') return strictSchemaProblem(schema.items as Record<string, unknown>, `${at}.items`);
  return undefined;
}

/** Anthropic tools: named, an object input schema, and a forced tool that exists. */
function invalidTools(tools: unknown, choice: unknown): string | undefined {
  if (tools === undefined) return choice === undefined ? undefined : 'tool_choice: requires tools';
  if (!Array.isArray(tools)) return 'tools: must be a list';
  for (const [i, tool] of tools.entries()) {
    const { name, input_schema: schema } = tool as { name?: unknown; input_schema?: { type?: unknown } };
    if (typeof name !== 'string' || !SCHEMA_NAME.test(name)) return `tools.${i}.name: must match ^[a-zA-Z0-9_-]{1,64}$`;
    if (schema?.type !== 'object') return `tools.${i}.input_schema.type: Input should be 'object'`;
  }
  const forced = choice as { type?: unknown; name?: unknown } | undefined;
  if (forced?.type === 'tool' && !tools.some((tool: { name?: unknown }) => tool.name === forced.name)) {
    return `tool_choice.name: no tool named ${String(forced.name)}`;
  }
  return undefined;
}

function forcedTool(body: RecordedRequest['body']): string | undefined {
  const choice = (body as { tool_choice?: { type?: unknown; name?: unknown } } | undefined)?.tool_choice;
  return choice?.type === 'tool' && typeof choice.name === 'string' ? choice.name : undefined;
}

// ---------------------------------------------------------------------------------------------
// Replies

interface ResolvedReply {
  script: WireReply;
  id: string;
  model: string;
  pieces: string[];
  usage: WireUsage;
  finish: NonNullable<WireReply['finish']>;
}

function resolveReply(script: WireReply, request: RecordedRequest, counter: number): ResolvedReply {
  const text = script.text ?? DEFAULT_REPLY_TEXT;
  const promptWords = JSON.stringify(request.body.messages ?? []).split(/\s+/).length;
  return {
    script,
    id: String(counter),
    model: script.model ?? String(request.body.model),
    pieces: splitReply(text, script.chunks),
    usage: script.usage ?? { input: promptWords, output: text.split(/\s+/).filter(Boolean).length },
    finish: script.finish ?? 'stop',
  };
}

const ANTHROPIC_STOP = { stop: 'end_turn', length: 'max_tokens', content_filter: 'refusal' } as const;

function openAIUsage(usage: WireUsage) {
  return {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
    prompt_tokens_details: { cached_tokens: usage.cachedInput ?? 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

function anthropicUsage(usage: WireUsage) {
  const cacheRead = usage.cachedInput ?? 0;
  const cacheWrite = usage.cacheWrite ?? 0;
  return {
    input_tokens: usage.input - cacheRead - cacheWrite,
    cache_read_input_tokens: cacheRead,
    cache_creation_input_tokens: cacheWrite,
    output_tokens: usage.output,
  };
}

function openAICompletion(reply: ResolvedReply) {
  return {
    id: `chatcmpl-wire-${reply.id}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: reply.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: reply.pieces.join(''), refusal: null },
        logprobs: null,
        finish_reason: reply.finish,
      },
    ],
    usage: openAIUsage(reply.usage),
    system_fingerprint: 'fp_wire',
  };
}

function anthropicMessage(reply: ResolvedReply, tool: string | undefined) {
  const text = reply.pieces.join('');
  const input = tool === undefined ? undefined : (reply.script.toolInput ?? jsonObjectIn(text));
  return {
    id: `msg_wire_${reply.id}`,
    type: 'message',
    role: 'assistant',
    model: reply.model,
    content: input === undefined ? [{ type: 'text', text }] : [{ type: 'tool_use', id: `toolu_wire_${reply.id}`, name: tool, input }],
    stop_reason: input === undefined ? ANTHROPIC_STOP[reply.finish] : 'tool_use',
    stop_sequence: null,
    usage: anthropicUsage(reply.usage),
  };
}

function jsonObjectIn(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

async function streamOpenAI(res: ServerResponse, reply: ResolvedReply, request: RecordedRequest): Promise<void> {
  const { script } = reply;
  const withUsage = request.body.stream_options?.include_usage === true;
  const chunk = (choices: unknown[], usage?: unknown) => ({
    id: `chatcmpl-wire-${reply.id}`,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: reply.model,
    system_fingerprint: 'fp_wire',
    choices,
    // With include_usage the real API puts `usage: null` on every chunk but the last.
    ...(withUsage ? { usage: usage ?? null } : {}),
  });
  const choice = (delta: Record<string, unknown>, finish: string | null = null) => ({
    index: 0,
    delta,
    logprobs: null,
    finish_reason: finish,
  });
  const data = (value: unknown) => `data: ${JSON.stringify(value)}\n\n`;

  await delay(res, script.firstByteDelayMs);
  startEventStream(res, { 'x-request-id': `req_wire_${reply.id}` });
  await write(res, data(chunk([choice({ role: 'assistant', content: '', refusal: null })])));
  const outcome = await streamPieces(res, reply, (text) => data(chunk([choice({ content: text })])), {
    malformed: 'data: {"id":"chatcmpl-wire","object":"chat.completion.chunk","choices":[{"delta":{"content":"oo\n\n',
    error: (type, message) => data({ error: { message, type, param: null, code: null } }),
  });
  if (outcome !== 'complete') return;
  await write(res, data(chunk([choice({}, reply.finish)])));
  if (withUsage) await write(res, data(chunk([], openAIUsage(reply.usage))));
  await write(res, 'data: [DONE]\n\n');
  res.end();
}

async function streamAnthropic(res: ServerResponse, reply: ResolvedReply): Promise<void> {
  const { script } = reply;
  const event = (name: string, value: unknown) => `event: ${name}\ndata: ${JSON.stringify(value)}\n\n`;
  const usage = anthropicUsage(reply.usage);

  await delay(res, script.firstByteDelayMs);
  startEventStream(res, { 'request-id': `req_wire_${reply.id}` });
  await write(
    res,
    event('message_start', {
      type: 'message_start',
      message: {
        id: `msg_wire_${reply.id}`,
        type: 'message',
        role: 'assistant',
        model: reply.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...usage, output_tokens: 1 },
      },
    }),
  );
  await write(res, event('content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }));
  await write(res, event('ping', { type: 'ping' }));
  const outcome = await streamPieces(
    res,
    reply,
    (text) => event('content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text } }),
    {
      malformed: 'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_de\n\n',
      error: (type, message) => event('error', { type: 'error', error: { type, message } }),
    },
  );
  if (outcome !== 'complete') return;
  await write(res, event('content_block_stop', { type: 'content_block_stop', index: 0 }));
  await write(
    res,
    event('message_delta', {
      type: 'message_delta',
      delta: { stop_reason: ANTHROPIC_STOP[reply.finish], stop_sequence: null },
      usage,
    }),
  );
  await write(res, event('message_stop', { type: 'message_stop' }));
  res.end();
}

/** Streams the content pieces, carrying out any scripted fault; says whether to finish normally. */
async function streamPieces(
  res: ServerResponse,
  reply: ResolvedReply,
  frame: (text: string) => string,
  faults: { malformed: string; error: (type: string, message: string) => string },
): Promise<'complete' | 'stopped'> {
  const { script } = reply;
  for (let sent = 0; ; sent++) {
    if (isGone(res)) return 'stopped';
    if (sent === script.cutAfterChunks) {
      res.socket?.destroy();
      return 'stopped';
    }
    if (sent === script.malformedAfterChunks) {
      await write(res, faults.malformed);
      res.end();
      return 'stopped';
    }
    if (sent === script.errorAfterChunks?.afterChunks) {
      await write(res, faults.error(script.errorAfterChunks.type, script.errorAfterChunks.message));
      res.end();
      return 'stopped';
    }
    if (sent === script.endEarlyAfterChunks) {
      res.end();
      return 'stopped';
    }
    const piece = reply.pieces[sent];
    if (piece === undefined) return 'complete';
    await delay(res, script.chunkDelayMs);
    if (isGone(res)) return 'stopped';
    await write(res, frame(piece));
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

const OPENAI_ERROR_TYPES: Record<number, string> = { 429: 'requests' };
const ANTHROPIC_ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  529: 'overloaded_error',
};

function defaultMessage(status: number, credential: string): string {
  if (status === 401) return `Incorrect API key provided: ${credential}.`;
  if (status === 403) return `Key ${credential} is not allowed to use this model.`;
  if (status === 404) return 'The model does not exist or you do not have access to it.';
  if (status === 429) return 'Rate limit reached for requests.';
  if (status === 529) return 'Overloaded';
  return 'The server had an error while processing your request.';
}

async function sendFailure(res: ServerResponse, format: WireFormat, failure: WireFailure, credential: string): Promise<void> {
  await delay(res, failure.firstByteDelayMs);
  const message = failure.message ?? defaultMessage(failure.status, credential);
  const headers: Record<string, string> = { ...failure.headers };
  if (failure.retryAfterMs !== undefined) {
    headers['retry-after-ms'] = String(failure.retryAfterMs);
    headers['retry-after'] = String(Math.ceil(failure.retryAfterMs / 1000));
  }
  if (format === 'openai') {
    const type = failure.type ?? OPENAI_ERROR_TYPES[failure.status] ?? (failure.status >= 500 ? 'server_error' : 'invalid_request_error');
    const code = failure.code ?? (failure.status === 401 ? 'invalid_api_key' : failure.status === 404 ? 'model_not_found' : null);
    return sendJson(res, failure.status, { error: { message, type, param: null, code } }, headers);
  }
  const type = failure.type ?? ANTHROPIC_ERROR_TYPES[failure.status] ?? (failure.status >= 500 ? 'api_error' : 'invalid_request_error');
  return sendJson(res, failure.status, { type: 'error', error: { type, message }, request_id: 'req_wire' }, headers);
}

// ---------------------------------------------------------------------------------------------
// Plumbing

function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  if (isGone(res)) return;
  const text = JSON.stringify(value);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function startEventStream(res: ServerResponse, headers: Record<string, string>): void {
  if (isGone(res)) return;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    ...headers,
  });
  res.flushHeaders();
}

/** Resolves once the data reached the socket, so a cut that follows cannot swallow it. */
function write(res: ServerResponse, data: string): Promise<void> {
  if (isGone(res)) return Promise.resolve();
  return new Promise((resolve) => res.write(data, () => resolve()));
}

function isGone(res: ServerResponse): boolean {
  return res.destroyed || res.writableEnded;
}

/** Waits `ms`, ending early when the client goes away. */
function delay(res: ServerResponse, ms: number | undefined): Promise<void> {
  if (!ms) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    res.on('close', done);
  });
}
