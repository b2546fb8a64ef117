// The conversation vocabulary shared by every layer.

export type Role = 'user' | 'persona';
export type InputMode = 'typed' | 'voice' | 'script';
export type MessageStatus = 'complete' | 'interrupted' | 'error';
export type FinishReason = 'stop' | 'length' | 'interrupted' | 'content_filter' | 'error';
export type ProviderName = 'offline' | 'openai' | 'anthropic';
export const PROVIDER_NAMES: readonly ProviderName[] = ['offline', 'openai', 'anthropic'];

/** One turn as sent to a model. */
export interface ChatTurn {
  role: Role;
  content: string;
}

export interface Usage {
  /** Every prompt token, cached ones included; the cache fields below say how many of them were cached. */
  inputTokens: number;
  outputTokens: number;
  /** Prompt tokens served from the provider's cache (Anthropic cache_read, OpenAI cached_tokens). */
  cacheReadTokens?: number;
  /** Prompt tokens written to the provider's cache (Anthropic cache_creation). */
  cacheWriteTokens?: number;
}
