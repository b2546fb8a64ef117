import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputFileError, UsageError, type Issue } from './errors.js';
import { homePaths } from './home.js';
import { PROVIDER_NAMES } from './messages.js';

// Settings are stored by `conf` (atomic writes, file mode 0600 because keys may live here) and
// validated with zod on every read: a hand-edited file with a typo gets a clear message naming
// the field, not a crash deep inside a provider.

const price = z.strictObject({
  input: z.number().nonnegative().describe('USD per million input tokens'),
  output: z.number().nonnegative().describe('USD per million output tokens'),
  cachedInput: z.number().nonnegative().optional().describe('USD per million cached input tokens'),
  cacheWrite: z.number().nonnegative().optional().describe('USD per million tokens written to the cache'),
});

const providerSettings = z.strictObject({
  apiKey: z.string().min(1).optional(),
  baseUrl: z.url().optional(),
  model: z.string().min(1).optional(),
});

export const configSchema = z.strictObject({
  provider: z.enum(PROVIDER_NAMES as [string, ...string[]]).optional(),
  model: z.string().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  maxOutputTokens: z.number().int().min(1).max(200_000).optional(),
  historyMessages: z.number().int().min(0).max(1000).optional(),
  contextTokenBudget: z.number().int().min(256).optional(),
  fallback: z.enum(['offline', 'none']).optional(),
  retries: z.number().int().min(0).max(10).optional(),
  timeoutMs: z.number().int().min(1000).optional(),
  openai: providerSettings.optional(),
  anthropic: providerSettings.optional(),
  prices: z.record(z.string(), price).optional(),
});
export type Config = z.infer<typeof configSchema>;

/** Keys `persona config set` accepts, with the parser for each value typed on the command line. */
export const SETTABLE_KEYS: Record<string, (raw: string) => unknown> = {
  provider: String,
  model: String,
  temperature: Number,
  maxOutputTokens: Number,
  historyMessages: Number,
  contextTokenBudget: Number,
  fallback: String,
  retries: Number,
  timeoutMs: Number,
  'openai.apiKey': String,
  'openai.baseUrl': String,
  'openai.model': String,
  'anthropic.apiKey': String,
  'anthropic.baseUrl': String,
  'anthropic.model': String,
};

export const SECRET_KEYS = new Set(['openai.apiKey', 'anthropic.apiKey']);

function issuesOf(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
    hint: 'fix it with `persona config set` or edit the file',
  }));
}

/** Reads and validates the config file; a missing file is an empty config. */
export function readConfig(file: string = homePaths().config): Config {
  if (!existsSync(file)) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputFileError(file, [
      { path: '', message: `not valid JSON (${(error as Error).message})`, hint: 'fix the file or delete it to start over' },
    ]);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) throw new InputFileError(file, issuesOf(parsed.error));
  return parsed.data;
}

type ConfStore = { set(key: string, value: unknown): void; delete(key: string): void; path: string };

async function openConf(home: string): Promise<ConfStore> {
  mkdirSync(home, { recursive: true });
  const { default: Conf } = await import('conf');
  const store = new Conf<Record<string, unknown>>({
    cwd: home,
    configName: 'config',
    projectName: 'persona-chat',
    configFileMode: 0o600,
    // Our own zod schema validates; conf must not rewrite or clear a file it does not like.
    clearInvalidConfig: false,
  });
  return store as unknown as ConfStore;
}

/** Validates `value` for `key` against the schema, then writes it; returns the file path. */
export async function setConfigValue(key: string, raw: string, home = homePaths().home): Promise<string> {
  const parse = SETTABLE_KEYS[key];
  if (!parse) {
    throw new UsageError(`unknown setting "${key}"`, `settable keys: ${Object.keys(SETTABLE_KEYS).join(', ')}`);
  }
  const value = parse(raw);
  const current = readConfig(homePaths(home).config);
  const next = structuredClone(current) as Record<string, unknown>;
  const [head, tail] = key.split('.') as [string, string | undefined];
  if (tail) next[head] = { ...((next[head] as object) ?? {}), [tail]: value };
  else next[head] = value;
  const checked = configSchema.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(`invalid value for ${key}: ${issue.message}`, 'see `persona config --help` for the allowed values');
  }
  const store = await openConf(home);
  store.set(key, value);
  chmodSync(store.path, 0o600);
  return store.path;
}

export async function unsetConfigValue(key: string, home = homePaths().home): Promise<string> {
  if (!SETTABLE_KEYS[key]) throw new UsageError(`unknown setting "${key}"`, `settable keys: ${Object.keys(SETTABLE_KEYS).join(', ')}`);
  const store = await openConf(home);
  store.delete(key);
  return store.path;
}

/** `sk-abc...wxyz` -> `sk-a…wxyz`: enough to tell keys apart, never enough to use one. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '••••';
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}
