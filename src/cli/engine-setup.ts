import { readConfig, type Config } from '../core/config.js';
import { ChatEngine, type ActiveProvider } from '../chat/engine.js';
import { resolveLimits } from '../chat/limits/settings.js';
import { MemoryStore } from '../chat/memory-store.js';
import { buildChatProfile } from '../persona/profile.js';
import { buildSystemPrompt } from '../persona/prompt.js';
import { cardContextFor } from '../persona/cards/card-context.js';
import { cardNamespaceOf } from '../persona/cards/namespace.js';
import { personaForChat } from '../persona/cards/chat-persona.js';
import { combineContexts, greetingContextFor } from '../persona/opening-context.js';
import type { Persona } from '../persona/schema.js';
import { createProvider } from '../providers/registry.js';
import { DEFAULT_MODELS, resolveProviderSettings } from '../providers/settings.js';
import type { ChatStore } from '../chat/chat-store.js';
import type { SessionRecord } from '../core/records.js';
import type { HistoryStore } from '../store/history-store.js';
import { numberFlag, parseOptions } from './options.js';
import { configuredStore } from './store-location.js';
import * as z from 'zod/mini';
import '../core/zod-setup.js';

// Wiring shared by `ask`, `chat` and the REPL: config + flags -> provider, persona -> profile and
// prompt, and a store (SQLite, or memory for --no-save) -> a ChatEngine.

export const modelFlagsSchema = z.object({
  provider: z.optional(z.string()),
  model: z.optional(z.string().check(z.minLength(1))),
  temperature: z.optional(numberFlag(0, 2)),
  maxTokens: z.optional(numberFlag(1, 200_000, true)),
  fallback: z.optional(z.enum(['offline', 'none'])),
  seed: z.optional(numberFlag(0, 2 ** 31, true)),
});
export type ModelFlags = z.output<typeof modelFlagsSchema>;

export function parseModelFlags(options: unknown): ModelFlags {
  return parseOptions(modelFlagsSchema, options);
}

/** The history every command reads and writes. Typed as the contract, so another backend can be handed in here. */
/** The history where DATABASE_URL, the setting database.url or (by default) PERSONA_HOME puts it. */
export async function openHistoryStore(): Promise<HistoryStore> {
  const { openHistoryStoreAt } = await import('../store/open-history-store.js');
  return openHistoryStoreAt(configuredStore().spec);
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
  /** The front end shows the persona's greeting when a session opens (the chat does; `ask` does not). */
  greetingShown?: boolean;
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
      ? {
          provider: await createProvider({
            name: 'offline',
            model: DEFAULT_MODELS.offline,
            maxRetries: 0,
            timeoutMs: 0,
            paceMs: setup.paceMs,
          }),
          model: DEFAULT_MODELS.offline,
        }
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
      // A card's first message is part of its conversation in every front end; our own personas'
      // greeting only where the chat shows it.
      contextFor: combineContexts(
        setup.greetingShown || cardNamespaceOf(persona.data) ? greetingContextFor(persona, setup.greetingShown === true) : undefined,
        cardContextFor(persona),
      ),
      postHistory: prompt.postHistory,
      limits: resolveLimits(config.limits),
      overBudget: setup.overBudget,
      opening: setup.greetingShown ? persona.data.chatProfile?.greeting : undefined,
    },
  });
}

export function memoryStore(): MemoryStore {
  return new MemoryStore();
}
