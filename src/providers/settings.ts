import type { Config } from '../core/config.js';
import { ProviderError, UsageError } from '../core/errors.js';
import { PROVIDER_NAMES, type ProviderName } from '../core/messages.js';
import { NO_KEY_NEEDED } from './keyless.js';
import type { ProviderSettings } from './types.js';

// Which provider and model a turn uses: flags first, then config, then which keys are present;
// with no key anywhere, the offline engine. Keys come from the environment before the config file.

export const DEFAULT_MODELS: Record<ProviderName, string> = {
  offline: 'persona-offline-1',
  openai: 'gpt-4o-mini',
  anthropic: 'claude-sonnet-5-5',
};

export interface ProviderFlags {
  provider?: string;
  model?: string;
}

function keyFor(name: ProviderName, config: Config, env: NodeJS.ProcessEnv): string | undefined {
  if (name === 'openai') return env.OPENAI_API_KEY || config.openai?.apiKey;
  if (name === 'anthropic') return env.ANTHROPIC_API_KEY || config.anthropic?.apiKey;
  return undefined;
}

/** The live providers that have an API key, from the environment or the config. */
export function providersWithKeys(config: Config, env: NodeJS.ProcessEnv = process.env): Array<'openai' | 'anthropic'> {
  return (['openai', 'anthropic'] as const).filter((name) => keyFor(name, config, env));
}

function baseUrlFor(name: ProviderName, config: Config, env: NodeJS.ProcessEnv): string | undefined {
  if (name === 'openai') return env.OPENAI_BASE_URL || config.openai?.baseUrl;
  if (name === 'anthropic') return env.ANTHROPIC_BASE_URL || config.anthropic?.baseUrl;
  return undefined;
}

export function chooseProvider(flags: ProviderFlags, config: Config, env: NodeJS.ProcessEnv = process.env): ProviderName {
  const named = flags.provider ?? config.provider;
  if (named !== undefined) {
    if (!PROVIDER_NAMES.includes(named as ProviderName)) {
      throw new UsageError(`unknown provider "${named}"`, `use one of: ${PROVIDER_NAMES.join(', ')}`);
    }
    return named as ProviderName;
  }
  if (keyFor('openai', config, env) || env.OPENAI_BASE_URL || config.openai?.baseUrl) return 'openai';
  if (keyFor('anthropic', config, env)) return 'anthropic';
  return 'offline';
}

export function resolveProviderSettings(flags: ProviderFlags, config: Config, env: NodeJS.ProcessEnv = process.env): ProviderSettings {
  const name = chooseProvider(flags, config, env);
  const sectionModel = name === 'offline' ? undefined : config[name]?.model;
  // A top-level `model` belongs to the configured provider; it must not leak onto another one.
  const configModel = sectionModel ?? (config.provider === name ? config.model : undefined);
  if (name === 'offline' && flags.model && flags.model !== DEFAULT_MODELS.offline) {
    // It would only relabel the session: the offline engine answers the same whatever it is called.
    throw new UsageError(
      `the offline engine has one model (${DEFAULT_MODELS.offline}): it cannot answer as "${flags.model}"`,
      `--provider openai --model ${flags.model}, or --provider anthropic --model ${flags.model}`,
    );
  }
  const model = name === 'offline' ? DEFAULT_MODELS.offline : (flags.model ?? configModel ?? DEFAULT_MODELS[name]);
  const settings: ProviderSettings = {
    name,
    model,
    maxRetries: config.retries ?? 2,
    timeoutMs: config.timeoutMs ?? 60_000,
  };
  if (name === 'offline') return settings;
  const baseUrl = baseUrlFor(name, config, env);
  let apiKey = keyFor(name, config, env);
  if (!apiKey && name === 'openai' && baseUrl) apiKey = NO_KEY_NEEDED;
  if (!apiKey) {
    const envVar = name === 'openai' ? 'OPENAI_API_KEY' : 'ANTHROPIC_API_KEY';
    throw new ProviderError(name, 'config', `no ${name === 'openai' ? 'OpenAI' : 'Anthropic'} API key is set`, {
      hint: `export ${envVar}=…, or run \`persona config set ${name}.apiKey <key>\`, or use --provider offline`,
    });
  }
  const structuredOutput = config[name]?.structuredOutput;
  return { ...settings, apiKey, ...(baseUrl ? { baseUrl } : {}), ...(structuredOutput ? { structuredOutput } : {}) };
}
