import type { ProviderError } from '../core/errors.js';
import type { ChatTurn, FinishReason, ProviderName, Usage } from '../core/messages.js';
import type { ChatProfile, Persona } from '../persona/schema.js';
import type { ComposeInput } from './offline/engine.js';

/** What every provider gets for one reply. `messages` ends with the new user turn. */
export interface ProviderRequest {
  system: string;
  messages: ChatTurn[];
  model: string;
  temperature: number;
  maxOutputTokens: number;
  /** Nucleus sampling, when a caller asks for it (the API server passes `top_p` through). */
  topP?: number;
  /** Stop sequences, when a caller asks for them; the API server also applies them itself. */
  stop?: string[];
  signal?: AbortSignal;
  /** The persona and its chat profile: the offline engine answers from these; SDK adapters ignore them. */
  persona?: { persona: Persona; profile: ChatProfile };
  /** Makes the offline engine deterministic. */
  seed?: number;
  /**
   * A short reminder that belongs after the conversation history (post-history instructions).
   * Live models get it at the end of the last user turn (see post-history.ts); the offline
   * engine, which plays the persona from its data, ignores it.
   */
  postHistory?: string;
}

/**
 * Our own stream events. A provider never throws from its iterator: it ends with exactly one
 * `done` or one `error`. Abort ends with `done` / finishReason `interrupted`.
 */
export type ProviderEvent =
  /**
   * `parts`: the same text in the pieces it streams in, when a provider has several at once (the
   * offline engine, unpaced, has its whole reply). One event instead of one per word: every event
   * passes through each generator between the provider and the socket. A wire that frames each
   * piece (the HTTP and WebSocket streams, through deltaParts) still sends one frame per word;
   * consumers that read `text` alone lose nothing.
   */
  | { type: 'delta'; text: string; parts?: readonly string[] }
  | { type: 'usage'; usage: Usage }
  | { type: 'done'; finishReason: FinishReason; model?: string }
  | { type: 'error'; error: ProviderError };

export interface Provider {
  readonly name: ProviderName;
  stream(request: ProviderRequest): AsyncIterable<ProviderEvent>;
}

/** How a provider is reached: resolved from flags, env and config by `resolveProviderSettings`. */
export interface ProviderSettings {
  name: ProviderName;
  model: string;
  apiKey?: string;
  baseUrl?: string;
  /** SDK-level retries for 408/409/429/5xx. */
  maxRetries: number;
  timeoutMs: number;
  /** Offline engine: milliseconds between words (0 = instant). */
  paceMs?: number;
  /** Offline engine: what composes a reply (`persona serve` passes its worker threads'); in process by default. */
  compose?: (input: ComposeInput) => Promise<string>;
  /** How structured answers are asked for (default auto). */
  structuredOutput?: StructuredMode;
}

/**
 * A reply shaped by a JSON Schema (a survey answer, a judge's verdict). `native` asks the server
 * to enforce the schema (OpenAI `response_format` json_schema, an Anthropic tool forced with
 * `tool_choice`); `text` asks for JSON in the reply text (for servers that can do neither); `auto`
 * tries native and falls back to text for good when the server answers 400 to it.
 */
export type StructuredMode = 'auto' | 'native' | 'text';

export interface StructuredRequest extends Omit<ProviderRequest, 'persona' | 'seed'> {
  /** A name for the schema (letters, digits, _ and -), used as the tool or schema name. */
  schemaName: string;
  description: string;
  /** JSON Schema of the object wanted; every property required and no extra ones (OpenAI strict mode). */
  schema: Record<string, unknown>;
}

/** What came back: the JSON text (not yet checked against the schema) and how it was asked for. */
export type StructuredResult =
  | { ok: true; json: string; via: 'json_schema' | 'tool' | 'text'; usage?: Usage; model?: string; latencyMs: number }
  | { ok: false; error: ProviderError };

/** A provider that can answer a StructuredRequest (the SDK adapters; the offline engine cannot). */
export interface StructuredProvider extends Provider {
  structured(request: StructuredRequest): Promise<StructuredResult>;
}

export function canAnswerStructured(provider: Provider): provider is StructuredProvider {
  return typeof (provider as Partial<StructuredProvider>).structured === 'function';
}
