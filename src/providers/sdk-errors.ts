import { ProviderError, type ProviderErrorKind } from '../core/errors.js';
import type { ProviderName } from '../core/messages.js';
import { sanitizeInline } from '../core/sanitize.js';

// Turns whatever an SDK call threw into one ProviderError a user can act on: one line, the host it
// tried (never the key, never a URL that could carry credentials), and a hint naming the fix.
//
// The OpenAI and Anthropic SDKs each have their own error class tree (the OpenAI classes do not
// even set `name`), so the adapter passes its SDK's classes in. That keeps this file free of SDK
// imports: the bundle then loads only the SDK of the provider actually used.

type ErrorClass = abstract new (...args: never[]) => Error;

/** The error classes every Stainless-generated SDK exports under these names. */
export interface SdkErrorClasses {
  APIError: ErrorClass;
  APIUserAbortError: ErrorClass;
  APIConnectionError: ErrorClass;
  APIConnectionTimeoutError: ErrorClass;
}

export interface SdkErrorContext {
  provider: Exclude<ProviderName, 'offline'>;
  /** The base URL requests went to; only its host is ever shown. */
  baseUrl: string;
  model: string;
  timeoutMs: number;
  /** Removed from every message, whatever the server echoes back. */
  apiKey?: string;
}

const PROVIDER_LABEL = { openai: 'OpenAI', anthropic: 'Anthropic' } as const;
const KEY_ENV = { openai: 'OPENAI_API_KEY', anthropic: 'ANTHROPIC_API_KEY' } as const;
const BASE_URL_ENV = { openai: 'OPENAI_BASE_URL', anthropic: 'ANTHROPIC_BASE_URL' } as const;
const SERVER_TEXT_LIMIT = 200;

/** Error `type` strings servers put in bodies and mid-stream error events. */
const KIND_BY_ERROR_TYPE: Record<string, ProviderErrorKind> = {
  authentication_error: 'auth',
  permission_error: 'auth',
  rate_limit_error: 'rate_limit',
  overloaded_error: 'overloaded',
  api_error: 'server',
  server_error: 'server',
  timeout_error: 'timeout',
  invalid_request_error: 'bad_request',
  request_too_large: 'bad_request',
  not_found_error: 'not_found',
};

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host || baseUrl;
  } catch {
    return 'the configured base URL';
  }
}

export function keyHint(provider: SdkErrorContext['provider']): string {
  return `set ${KEY_ENV[provider]} or \`persona config set ${provider}.apiKey …\`, or use --provider offline`;
}

/** A key was sent and refused: it is there, so the fix is another key, not setting one. */
export function rejectedKeyHint(provider: SdkErrorContext['provider']): string {
  return `check or replace the key (${KEY_ENV[provider]}, or \`persona config set ${provider}.apiKey …\`), or use --provider offline`;
}

/** The error for a provider that has no key to send. */
export function missingKeyError(provider: SdkErrorContext['provider']): ProviderError {
  return new ProviderError(provider, 'config', `no ${PROVIDER_LABEL[provider]} API key is set`, { hint: keyHint(provider) });
}

export function stalledError(context: SdkErrorContext): ProviderError {
  return new ProviderError(
    context.provider,
    'timeout',
    `the reply from ${hostOf(context.baseUrl)} stalled: no data for ${seconds(context.timeoutMs)}`,
    { hint: timeoutHint() },
  );
}

export function unfinishedReplyError(context: SdkErrorContext): ProviderError {
  return new ProviderError(context.provider, 'server', `${hostOf(context.baseUrl)} ended the reply before the model finished`, {
    hint: 'try again; if it keeps happening the server may not speak this API',
  });
}

export function toProviderError(error: unknown, sdk: SdkErrorClasses, context: SdkErrorContext): ProviderError {
  if (error instanceof ProviderError) return error;
  const host = hostOf(context.baseUrl);
  const make = (kind: ProviderErrorKind, message: string, hint: string, status?: number) =>
    new ProviderError(context.provider, kind, redact(message, context.apiKey), {
      hint,
      status,
      cause: redactedCause(error, context.apiKey),
    });

  if (error instanceof sdk.APIConnectionTimeoutError) {
    return make('timeout', `no response from ${host} within ${seconds(context.timeoutMs)}`, timeoutHint());
  }
  if (error instanceof sdk.APIConnectionError) {
    return make('unreachable', `cannot reach ${host} (${connectionProblem(error)})`, unreachableHint(context.provider));
  }
  if (error instanceof sdk.APIUserAbortError) {
    // Only reached when something other than the user's signal aborted; treat it like a drop.
    return make('unreachable', `the request to ${host} was aborted`, 'try again');
  }
  if (error instanceof sdk.APIError) {
    const status = (error as { status?: unknown }).status;
    const body = (error as { error?: unknown }).error;
    if (typeof status === 'number') return fromStatus(status, body, error, context, make);
    return fromStreamedError(body, context, make);
  }
  if (error instanceof SyntaxError) {
    return make(
      'malformed',
      `${host} sent a reply that is not valid JSON`,
      `check that the base URL points at a server speaking the ${PROVIDER_LABEL[context.provider]} API`,
    );
  }
  if (isDroppedConnection(error)) {
    return make('server', `the connection to ${host} closed in the middle of the reply`, 'try again');
  }
  const detail = error instanceof Error ? error.message : String(error);
  return make('server', `unexpected failure talking to ${host}: ${oneLine(detail)}`, 'try again; if it persists, use --provider offline');
}

type Make = (kind: ProviderErrorKind, message: string, hint: string, status?: number) => ProviderError;

function fromStatus(status: number, body: unknown, error: Error, context: SdkErrorContext, make: Make): ProviderError {
  const host = hostOf(context.baseUrl);
  const said = serverMessage(body);
  const saidSuffix = said ? `: ${said}` : '';
  if (status === 401) {
    // No server text: a 401 body often quotes (part of) the key that was sent.
    return make('auth', `the API key was rejected by ${host} (HTTP 401)`, rejectedKeyHint(context.provider), status);
  }
  if (status === 403) {
    return make('auth', `the API key was rejected by ${host} (HTTP 403${saidSuffix})`, rejectedKeyHint(context.provider), status);
  }
  const code = (errorFields(body) as { code?: unknown }).code;
  if (status === 402 || (status === 429 && code === 'insufficient_quota')) {
    return make(
      'rate_limit',
      `the ${PROVIDER_LABEL[context.provider]} account is out of credit (HTTP ${status})`,
      'check the plan and billing with the provider, or use --provider offline',
      status,
    );
  }
  if (status === 429) {
    const wait = retryAfter(error);
    return make(
      'rate_limit',
      `rate limited by ${host} (HTTP 429${wait ? `, retry after ${wait}` : ''})`,
      'wait a moment and try again, raise `persona config set retries`, or use --provider offline',
      status,
    );
  }
  if (status === 529 || status === 503 || errorType(body) === 'overloaded_error') {
    return make(
      'overloaded',
      `${host} is overloaded (HTTP ${status})`,
      'try again in a minute, raise `persona config set retries`, or use --provider offline',
      status,
    );
  }
  if (status === 408 || status === 504) {
    return make('timeout', `${host} timed out (HTTP ${status})`, timeoutHint(), status);
  }
  if (status >= 500) {
    return make(
      'server',
      `${host} had a server error (HTTP ${status}${saidSuffix})`,
      'try again; if it persists, use --provider offline',
      status,
    );
  }
  if (status === 404) {
    return make(
      'not_found',
      `model "${context.model}" was not found at ${host} (HTTP 404${saidSuffix})`,
      `pick another with --model, or check the base URL${context.provider === 'openai' ? ' (it usually ends in /v1)' : ''}`,
      status,
    );
  }
  if (isContextOverflow(body, code)) {
    return make(
      'bad_request',
      `the conversation is too long for model "${context.model}" at ${host} (HTTP ${status}${saidSuffix})`,
      CONTEXT_OVERFLOW_HINT,
      status,
    );
  }
  if (status === 413) {
    return make(
      'bad_request',
      `the conversation is too large for ${host} (HTTP 413)`,
      'start a new chat or keep fewer history messages',
      status,
    );
  }
  return make(
    'bad_request',
    `${host} refused the request (HTTP ${status}${saidSuffix})`,
    'check the model name, max output tokens and temperature for this server',
    status,
  );
}

/** An `error` event inside an otherwise good stream: there is no status, only the body's type. */
function fromStreamedError(body: unknown, context: SdkErrorContext, make: Make): ProviderError {
  const host = hostOf(context.baseUrl);
  const type = errorType(body);
  const kind = (type ? KIND_BY_ERROR_TYPE[type] : undefined) ?? 'server';
  const said = serverMessage(body);
  const hint = kind === 'auth' ? rejectedKeyHint(context.provider) : 'try again; if it persists, use --provider offline';
  return make(kind, `${host} reported an error mid-reply${type ? ` (${type})` : ''}${said ? `: ${said}` : ''}`, hint);
}

/**
 * How to go on when the history no longer fits: start afresh, carry on from a summary, or send
 * fewer past messages with every request.
 */
const CONTEXT_OVERFLOW_HINT =
  'start afresh with /reset in the chat, carry on from a summary with /continue (or `persona ask --carry-over`), ' +
  'or send fewer past messages: `persona config set historyMessages 10`';

/** Codes, types and wordings servers use for a prompt longer than the model's context window. */
const CONTEXT_OVERFLOW_CODES = new Set(['context_length_exceeded', 'exceed_context_size_error', 'string_above_max_length']);
const CONTEXT_OVERFLOW_TEXT =
  /maximum context length|context (?:length|window|size)|prompt is too long|input is too long|too many (?:input )?tokens|exceeds? the (?:model's )?(?:maximum|max)/i;

function isContextOverflow(body: unknown, code: unknown): boolean {
  const type = errorType(body);
  if ((typeof code === 'string' && CONTEXT_OVERFLOW_CODES.has(code)) || (type && CONTEXT_OVERFLOW_CODES.has(type))) return true;
  const message = errorFields(body).message;
  return typeof message === 'string' && CONTEXT_OVERFLOW_TEXT.test(message);
}

/** Bodies arrive as `{error:{type,message}}` (Anthropic) or already unwrapped (OpenAI). */
function errorFields(body: unknown): { type?: unknown; message?: unknown } {
  if (typeof body !== 'object' || body === null) return {};
  const inner = (body as { error?: unknown }).error;
  if (typeof inner === 'object' && inner !== null) return inner as { type?: unknown; message?: unknown };
  return body as { type?: unknown; message?: unknown };
}

function errorType(body: unknown): string | undefined {
  const type = errorFields(body).type;
  return typeof type === 'string' ? type : undefined;
}

function serverMessage(body: unknown): string | undefined {
  const message = errorFields(body).message;
  return typeof message === 'string' && message.trim() ? oneLine(message) : undefined;
}

function retryAfter(error: Error): string | undefined {
  const headers = (error as { headers?: unknown }).headers;
  if (!(headers instanceof Headers)) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms)) return seconds(ms);
  const s = Number(headers.get('retry-after'));
  if (headers.has('retry-after') && Number.isFinite(s)) return seconds(s * 1000);
  return undefined;
}

/** Names the network failure from the cause chain undici attaches (ECONNREFUSED, ENOTFOUND, ...). */
function connectionProblem(error: Error): string {
  const codes = new Set<string>();
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') codes.add(code);
    current = (current as { cause?: unknown }).cause;
  }
  if (codes.has('ECONNREFUSED')) return 'connection refused: is the server running?';
  if (codes.has('ENOTFOUND') || codes.has('EAI_AGAIN')) return 'host not found';
  if (codes.has('ECONNRESET') || codes.has('UND_ERR_SOCKET')) return 'connection reset';
  if (codes.has('ETIMEDOUT') || codes.has('UND_ERR_CONNECT_TIMEOUT')) return 'connection timed out';
  if ([...codes].some((code) => code.includes('CERT') || code.startsWith('ERR_TLS'))) return 'TLS certificate problem';
  return 'network error';
}

/** undici reports a body cut short as `TypeError: terminated` caused by a socket error. */
function isDroppedConnection(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return error.message === 'terminated' || cause?.code === 'UND_ERR_SOCKET' || (error as { code?: unknown }).code === 'ECONNRESET';
}

function unreachableHint(provider: SdkErrorContext['provider']): string {
  return `check the base URL (${BASE_URL_ENV[provider]} or \`persona config set ${provider}.baseUrl …\`) and the network, or use --provider offline`;
}

function timeoutHint(): string {
  return 'try again, or allow more time with `persona config set timeoutMs 120000`';
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** Server text is untrusted: strip terminal controls, keep one line, bound the length. */
function oneLine(text: string): string {
  const line = sanitizeInline(text);
  return line.length > SERVER_TEXT_LIMIT ? `${line.slice(0, SERVER_TEXT_LIMIT - 1)}…` : line;
}

/**
 * The SDK's own error keeps the server's raw text, which may quote the key; whoever logs
 * `error.cause` later gets a copy with the key removed.
 */
function redactedCause(error: unknown, apiKey: string | undefined): Error {
  const original = error instanceof Error ? error : new Error(String(error));
  const copy = new Error(redact(original.message, apiKey));
  copy.name = original.constructor?.name && original.constructor.name !== 'Error' ? original.constructor.name : original.name;
  return copy;
}

/** Removes every occurrence of the key, in case a server echoed it back. */
export function redact(text: string, apiKey: string | undefined): string {
  if (!apiKey || apiKey.length < 4) return text;
  return text.split(apiKey).join('[redacted key]');
}
