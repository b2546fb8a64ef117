import { readConfig, type Config } from '../core/config.js';
import { ChatEngine, type ActiveProvider } from '../chat/engine.js';
import { resolveLimits } from '../chat/limits/settings.js';
import { MemoryStore } from '../chat/memory-store.js';
import type { ContextFor } from '../persona/cards/card-context.js';
import { preparePersona } from '../chat/prepared-persona.js';
import { cardNamespaceOf } from '../persona/cards/namespace.js';
import { combineContexts, greetingContextFor } from '../persona/opening-context.js';
import type { Persona } from '../persona/schema.js';
import { createProvider } from '../providers/registry.js';
import { DEFAULT_MODELS, resolveProviderSettings } from '../providers/settings.js';
import type { ProviderSettings } from '../providers/types.js';
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

/** The configured history for `persona serve` (openServingStoreAt). */
export async function openServingStore(): Promise<HistoryStore> {
  const { openServingStoreAt } = await import('../store/open-history-store.js');
  return openServingStoreAt(configuredStore().spec);
}

export async function resolveActiveProvider(
  flags: ModelFlags,
  config: Config,
  paceMs = 0,
  compose?: ProviderSettings['compose'],
): Promise<ActiveProvider> {
  const settings = resolveProviderSettings(flags, config);
  const provider = await createProvider({ ...settings, paceMs, compose });
  return { provider, model: settings.model };
}

/**
 * Providers resolved once per model flags, for a process that sets up an engine per request
 * (`persona serve`): an SDK client, its connection pool and the loaded offline engine are reused
 * instead of rebuilt for every request. A provider that failed to load tries again on its next
 * reply (src/providers/registry.ts), so nothing bad is cached. `compose`: what composes the
 * offline engine's replies, for every model name (serve's threads: src/providers/offline/compose-threads.ts).
 */
export function providerCache(options: { compose?: ProviderSettings['compose'] } = {}): typeof resolveActiveProvider {
  const byConfig = new WeakMap<Config, Map<string, Promise<ActiveProvider>>>();
  return (flags, config, paceMs = 0) => {
    let providers = byConfig.get(config);
    if (!providers) byConfig.set(config, (providers = new Map()));
    const key = JSON.stringify([flags.provider ?? null, flags.model ?? null, paceMs]);
    let active = providers.get(key);
    if (!active) {
      active = resolveActiveProvider(flags, config, paceMs, options.compose);
      providers.set(key, active);
      // A refused setting (unknown provider, missing key) is not remembered: the next request says so again.
      active.catch(() => providers.delete(key));
    }
    return active;
  };
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
  /** Where the provider comes from: `providerCache` in a long-lived process, a fresh one by default. */
  resolveProvider?: typeof resolveActiveProvider;
}

export async function setUpEngine(setup: EngineSetup): Promise<ChatEngine> {
  const config = setup.config ?? readConfig();
  // A persona from a character card chats with its {{char}}/{{user}} filled in and its lorebook live.
  const { persona, profile, prompt, snapshot } = preparePersona(setup.persona);
  const active = await (setup.resolveProvider ?? resolveActiveProvider)(setup.flags, config, setup.paceMs);
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
    snapshot,
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
        await loreContextFor(persona),
      ),
      postHistory: prompt.postHistory,
      limits: resolveLimits(config.limits),
      overBudget: setup.overBudget,
      opening: setup.greetingShown ? persona.data.chatProfile?.greeting : undefined,
    },
  });
}

/**
 * A card's lorebook, matched against the conversation. Its matcher (RE2, for the card's untrusted
 * patterns) is a large module: it loads only for a persona that has a lorebook, not on every
 * chat's way to its first frame.
 */
async function loreContextFor(persona: Persona): Promise<ContextFor | undefined> {
  if (!cardNamespaceOf(persona.data)?.data.character_book) return undefined;
  const { cardContextFor } = await import('../persona/cards/card-context.js');
  return cardContextFor(persona);
}

export function memoryStore(): MemoryStore {
  return new MemoryStore();
}
