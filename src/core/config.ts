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

/** Recorder programs node-record-lpcm16 knows. The library resolves the name as a module path, so only these names ever reach it. */
export const VOICE_RECORDERS = ['sox', 'rec', 'arecord'] as const;
export const VOICE_TRANSCRIBERS = ['auto', 'openai', 'local'] as const;

const voiceSettings = z.strictObject({
  recorder: z.enum(VOICE_RECORDERS).optional(),
  device: z.string().min(1).optional(),
  transcriber: z.enum(VOICE_TRANSCRIBERS).optional(),
  silenceSeconds: z.number().min(0).max(60).optional().describe('stop recording after this much silence; 0 turns it off'),
  openaiModel: z.string().min(1).optional(),
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
  limits: z
    .strictObject({
      messagesPerMinute: z.number().int().min(0).max(10_000).optional().describe('per session; 0 turns the limit off'),
      maxTurns: z.number().int().min(0).optional().describe('user messages per session; 0 = no limit'),
      contextTokens: z.number().int().min(0).optional().describe('estimated tokens of a whole conversation; 0 = no limit'),
      sessionBudgetUsd: z.number().nonnegative().optional().describe('USD per session; 0 = no budget'),
      dailyBudgetUsd: z.number().nonnegative().optional().describe('USD per calendar day; 0 = no budget'),
    })
    .optional(),
  voice: voiceSettings.optional(),
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
  'voice.recorder': String,
  'voice.device': String,
  'voice.transcriber': String,
  'voice.silenceSeconds': Number,
  'voice.openaiModel': String,
  'limits.messagesPerMinute': Number,
  'limits.maxTurns': Number,
  'limits.contextTokens': Number,
  'limits.sessionBudgetUsd': Number,
  'limits.dailyBudgetUsd': Number,
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
