import { chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { described } from './zod-setup.js';
import { closest } from './closest.js';
import { describeJsonSyntaxError } from './json-error.js';
import { InputFileError, UsageError, type Issue } from './errors.js';
import { homePaths } from './home.js';
import { PROVIDER_NAMES } from './messages.js';

// Settings are stored by `conf` (atomic writes, file mode 0600 because keys may live here) and
// validated with zod on every read: a hand-edited file with a typo gets a clear message naming
// the field, not a crash deep inside a provider.

const price = z.strictObject({
  input: described(z.number().check(z.nonnegative()), 'USD per million input tokens'),
  output: described(z.number().check(z.nonnegative()), 'USD per million output tokens'),
  cachedInput: described(z.optional(z.number().check(z.nonnegative())), 'USD per million cached input tokens'),
  cacheWrite: described(z.optional(z.number().check(z.nonnegative())), 'USD per million tokens written to the cache'),
});

const providerSettings = z.strictObject({
  apiKey: z.optional(z.string().check(z.minLength(1))),
  baseUrl: z.optional(z.url()),
  model: z.optional(z.string().check(z.minLength(1))),
  structuredOutput: described(
    z.optional(z.enum(['auto', 'native', 'text'])),
    'surveys: native schema (json_schema / tool), JSON in text, or auto (native, text after a 400)',
  ),
});

/** Recorder programs node-record-lpcm16 knows. The library resolves the name as a module path, so only these names ever reach it. */
export const VOICE_RECORDERS = ['sox', 'rec', 'arecord'] as const;
export const VOICE_TRANSCRIBERS = ['auto', 'openai', 'local'] as const;

const voiceSettings = z.strictObject({
  recorder: z.optional(z.enum(VOICE_RECORDERS)),
  device: z.optional(z.string().check(z.minLength(1))),
  transcriber: z.optional(z.enum(VOICE_TRANSCRIBERS)),
  silenceSeconds: described(
    z.optional(z.number().check(z.minimum(0), z.maximum(60))),
    'stop recording after this much silence; 0 turns it off',
  ),
  openaiModel: z.optional(z.string().check(z.minLength(1))),
});

export const configSchema = z.strictObject({
  provider: z.optional(z.enum(PROVIDER_NAMES as [string, ...string[]])),
  model: z.optional(z.string().check(z.minLength(1))),
  temperature: z.optional(z.number().check(z.minimum(0), z.maximum(2))),
  maxOutputTokens: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(200_000))),
  historyMessages: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1000))),
  contextTokenBudget: z.optional(z.number().check(z.int(), z.minimum(256))),
  fallback: z.optional(z.enum(['offline', 'none'])),
  retries: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(10))),
  timeoutMs: z.optional(z.number().check(z.int(), z.minimum(1000))),
  openai: z.optional(providerSettings),
  anthropic: z.optional(providerSettings),
  prices: z.optional(z.record(z.string(), price)),
  limits: z.optional(
    z.strictObject({
      messagesPerMinute: described(
        z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(10_000))),
        'per session; 0 turns the limit off',
      ),
      maxTurns: described(z.optional(z.number().check(z.int(), z.minimum(0))), 'user messages per session; 0 = no limit'),
      contextTokens: described(
        z.optional(z.number().check(z.int(), z.minimum(0))),
        'estimated tokens of a whole conversation; 0 = no limit',
      ),
      sessionBudgetUsd: described(z.optional(z.number().check(z.nonnegative())), 'USD per session; 0 = no budget'),
      dailyBudgetUsd: described(z.optional(z.number().check(z.nonnegative())), 'USD per calendar day; 0 = no budget'),
    }),
  ),
  voice: z.optional(voiceSettings),
  /** Where the history lives: a PostgreSQL URL puts every command on that database (DATABASE_URL wins over it). */
  database: z.optional(
    z.strictObject({
      url: described(
        z.optional(
          z.string().check(z.regex(/^postgres(ql)?:\/\/\S+$/i, 'a PostgreSQL URL such as postgres://user:password@host:5432/persona')),
        ),
        'PostgreSQL URL for the history; unset = the SQLite file in PERSONA_HOME',
      ),
    }),
  ),
  research: z.optional(
    z.strictObject({
      concurrency: described(z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(64))), 'questions asked at once by a survey'),
    }),
  ),
  /** `persona serve`: who may call the HTTP API. A token is a secret of at least 16 characters. */
  server: z.optional(
    z.strictObject({
      token: described(z.optional(z.string().check(z.minLength(16))), 'bearer token of the local user (sessions shared with the CLI)'),
      users: described(
        z.optional(z.record(z.string().check(z.regex(/^[A-Za-z0-9._-]{1,64}$/)), z.string().check(z.minLength(16)))),
        'user id -> bearer token, one per API user',
      ),
      corsOrigins: described(
        z.optional(z.array(z.string().check(z.regex(/^(\*|https?:\/\/[^/\s?#]+)$/i, 'an origin such as http://localhost:5173, or *')))),
        'web page origins allowed to call the API (CORS); none by default',
      ),
    }),
  ),
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
  'openai.structuredOutput': String,
  'anthropic.apiKey': String,
  'anthropic.baseUrl': String,
  'anthropic.model': String,
  'anthropic.structuredOutput': String,
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
  'server.token': String,
  'server.corsOrigins': (raw) =>
    raw
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  'research.concurrency': Number,
  'database.url': String,
};

// A database URL usually carries its password.
export const SECRET_KEYS = new Set(['openai.apiKey', 'anthropic.apiKey', 'server.token', 'database.url']);

function issuesOf(error: z.core.$ZodError): Issue[] {
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
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  try {
    raw = JSON.parse(text);
  } catch (error) {
    const { where, what } = describeJsonSyntaxError(text, error as Error);
    throw new InputFileError(file, [
      { path: '', message: `not valid JSON${where ? ` at ${where}` : ''}: ${what}`, hint: 'fix the file or delete it to start over' },
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
    throw unknownSetting(key);
  }
  const value = parse(raw);
  if (typeof value === 'number' && Number.isNaN(value)) throw new UsageError(`invalid value for ${key}: expected a number, got "${raw}"`);
  const current = readConfig(homePaths(home).config);
  const next = structuredClone(current) as Record<string, unknown>;
  const [head, tail] = key.split('.') as [string, string | undefined];
  if (tail) next[head] = { ...((next[head] as object) ?? {}), [tail]: value };
  else next[head] = value;
  const checked = configSchema.safeParse(next);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(`invalid value for ${key}: ${issue.message}`, 'the README lists each setting and its range');
  }
  const store = await openConf(home);
  store.set(key, value);
  chmodSync(store.path, 0o600);
  return store.path;
}

export async function unsetConfigValue(key: string, home = homePaths().home): Promise<string> {
  if (!SETTABLE_KEYS[key]) throw unknownSetting(key);
  const store = await openConf(home);
  store.delete(key);
  return store.path;
}

/** An unknown key for `config get/set/unset`: the closest known one, else where to see them all. */
export function unknownSetting(key: string): UsageError {
  const near = closest(key, Object.keys(SETTABLE_KEYS));
  return new UsageError(
    `unknown setting "${key}"`,
    near ? `did you mean "${near}"? (persona config keys lists them all)` : 'persona config keys lists them all',
  );
}

/** `sk-abc...wxyz` -> `sk-a…wxyz`: enough to tell keys apart, never enough to use one. */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '••••';
  return `${value.slice(0, 4)}…${value.slice(-4)}`;
}
