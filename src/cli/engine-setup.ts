import { readConfig, type Config } from '../core/config.js';
import { homePaths } from '../core/home.js';
import { ChatEngine, type ActiveProvider } from '../chat/engine.js';
import { resolveLimits } from '../chat/limits/settings.js';
import { MemoryStore } from '../chat/memory-store.js';
import { buildChatProfile } from '../persona/profile.js';
import { buildSystemPrompt } from '../persona/prompt.js';
import { cardContextFor } from '../persona/cards/card-context.js';
import { personaForChat } from '../persona/cards/chat-persona.js';
import { combineContexts, greetingContextFor } from '../persona/opening-context.js';
import type { Persona } from '../persona/schema.js';
import { createProvider } from '../providers/registry.js';
import { DEFAULT_MODELS, resolveProviderSettings } from '../providers/settings.js';
import type { ChatStore, SessionRecord } from '../store/types.js';
import type { SqliteStore } from '../store/sqlite-store.js';
import { numberFlag, parseOptions } from './options.js';
import { z } from 'zod';

// Wiring shared by `ask`, `chat` and the REPL: config + flags -> provider, persona -> profile and
// prompt, and a store (SQLite, or memory for --no-save) -> a ChatEngine.

export const modelFlagsSchema = z.object({
  provider: z.string().optional(),
  model: z.string().min(1).optional(),
  temperature: numberFlag(0, 2).optional(),
  maxTokens: numberFlag(1, 200_000, true).optional(),
  fallback: z.enum(['offline', 'none']).optional(),
  seed: numberFlag(0, 2 ** 31, true).optional(),
});
export type ModelFlags = z.output<typeof modelFlagsSchema>;

export function parseModelFlags(options: unknown): ModelFlags {
  return parseOptions(modelFlagsSchema, options);
}

export async function openHistoryStore(): Promise<SqliteStore> {
  const { openStore } = await import('../store/sqlite-store.js');
  return openStore(homePaths().database);
}

export async function resolveActiveProvider(flags: ModelFlags, config: Config, paceMs = 0): Promise<ActiveProvider> {
  const settings = resolveProviderSettings(flags, config);
  const provider = await createProvider({ ...settings, paceMs });
  return { provider, model: settings.model };
}

export interface EngineSetup {
  persona: Persona;
  flags: ModelFlags;
  store: ChatStore;
  session?: SessionRecord;
  config?: Config;
  /** Offline engine pace between words: realistic in the chat UI, instant for scripts. */
  paceMs?: number;
  /** Send even when a spending budget is spent. */
  overBudget?: boolean;
}

export async function setUpEngine(setup: EngineSetup): Promise<ChatEngine> {
  const config = setup.config ?? readConfig();
  // A persona from a character card chats with its {{char}}/{{user}} filled in and its lorebook live.
  const persona = personaForChat(setup.persona);
  const profile = buildChatProfile(persona.data);
  const prompt = buildSystemPrompt(persona, profile);
  const active = await resolveActiveProvider(setup.flags, config, setup.paceMs);
  const fallbackName = setup.flags.fallback ?? config.fallback ?? 'none';
  const fallback =
    fallbackName === 'offline' && active.provider.name !== 'offline'
      ? { provider: await createProvider({ name: 'offline', model: DEFAULT_MODELS.offline, maxRetries: 0, timeoutMs: 0, paceMs: setup.paceMs }), model: DEFAULT_MODELS.offline }
      : undefined;
  return new ChatEngine({
    store: setup.store,
    persona,
    profile,
    systemPrompt: prompt.text,
    active,
    session: setup.session,
    options: {
      temperature: setup.flags.temperature ?? config.temperature ?? profile.temperature,
      maxOutputTokens: setup.flags.maxTokens ?? config.maxOutputTokens ?? profile.maxOutputTokens,
      window: { maxMessages: config.historyMessages ?? 20, maxTokens: config.contextTokenBudget ?? 12_000 },
      fallback,
      prices: config.prices,
      seed: setup.flags.seed,
      contextFor: combineContexts(greetingContextFor(persona), cardContextFor(persona)),
      limits: resolveLimits(config.limits),
      overBudget: setup.overBudget,
    },
  });
}

export function memoryStore(): ChatStore {
  return new MemoryStore();
}
