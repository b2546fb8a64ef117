import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { resolveLimits } from '../../chat/limits/settings.js';
import { readConfig, type Config } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { ComposeThreads, composeThreadFile, defaultComposeThreads } from '../../providers/offline/compose-threads.js';
import type { ComposeInput } from '../../providers/offline/engine.js';
import { diskPersonaCatalog } from '../../server/persona-catalog.js';
import { startServer } from '../../server/server.js';
import { LOCAL_USER, type EngineRequest } from '../../server/types.js';
import { openServingStore, parseModelFlags, providerCache, resolveActiveProvider, setUpEngine, type ModelFlags } from '../engine-setup.js';
import { numberFlag, parseOptions } from '../options.js';

const serveOptions = z.object({
  host: z.string().check(z.minLength(1)),
  port: numberFlag(0, 65_535, true),
  token: z.optional(z.string().check(z.minLength(16, 'a token needs at least 16 characters'))),
  grace: numberFlag(0, 3600),
  cors: z.optional(z.array(z.string().check(z.regex(/^(\*|https?:\/\/[^/\s?#]+)$/i, 'an origin such as http://localhost:5173, or *')))),
  quiet: z.optional(z.boolean()),
});

/** Bearer token -> user: the --token / server.token user is the CLI's own user; server.users adds others. */
export function tokenTable(ownerToken: string | undefined, users: Record<string, string> = {}): Map<string, string> {
  const table = new Map<string, string>();
  const add = (token: string, userId: string) => {
    if (table.has(token))
      throw new UsageError(
        `users "${table.get(token)}" and "${userId}" have the same token`,
        'give every user their own token in server.users',
      );
    table.set(token, userId);
  };
  if (ownerToken) add(ownerToken, LOCAL_USER);
  for (const [userId, token] of Object.entries(users)) add(token, userId);
  return table;
}

/** A request's provider/model over the command line's: a named provider brings its own model. */
function flagsFor(base: ModelFlags, request: EngineRequest): ModelFlags {
  if (request.provider) return { ...base, provider: request.provider, model: request.model };
  return request.model ? { ...base, model: request.model } : base;
}

export default async function serve(rawOptions: Record<string, unknown>): Promise<void> {
  const options = parseOptions(serveOptions, rawOptions);
  const flags = parseModelFlags(rawOptions);
  const config: Config = readConfig();
  const envToken = process.env.PERSONA_SERVER_TOKEN || undefined;
  if (envToken !== undefined && envToken.length < 16) throw new UsageError('PERSONA_SERVER_TOKEN needs at least 16 characters');
  const tokens = tokenTable(options.token ?? envToken ?? config.server?.token, config.server?.users);
  // A missing key or unknown provider is a start-up error, not a 503 on every request.
  const active = await resolveActiveProvider(flags, config);
  const store = await openServingStore();
  const log = options.quiet ? undefined : (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
  // Offline replies are composed beside the event loop, not on it (src/providers/offline/compose-threads.ts):
  // one set of threads for every offline model name a request may give.
  const threadFile = composeThreadFile();
  const threads = threadFile ? new ComposeThreads(threadFile, defaultComposeThreads()) : undefined;
  const resolveProvider = providerCache({ compose: threads && ((input: ComposeInput) => threads.compose(input)) });
  let server;
  try {
    server = await startServer({
      store,
      personas: diskPersonaCatalog(),
      createEngine: (request) =>
        setUpEngine({
          persona: request.persona,
          store: request.store,
          session: request.session,
          flags: flagsFor(flags, request),
          config,
          resolveProvider,
        }),
      host: options.host,
      port: options.port,
      tokens,
      messagesPerMinute: resolveLimits(config.limits).messagesPerMinute,
      corsOrigins: options.cors ?? config.server?.corsOrigins ?? [],
      log,
    });
  } catch (error) {
    threads?.close();
    await store.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE')
      throw new UsageError(`port ${options.port} is in use`, 'pick another with --port, or --port 0 for a free one');
    throw error;
  }
  // The URL alone on stdout, so scripts can read it; everything for people goes to stderr.
  process.stdout.write(`${server.url}\n`);
  const who = tokens.size === 0 ? 'no token (this machine only)' : `${tokens.size} token${tokens.size === 1 ? '' : 's'}`;
  process.stderr.write(`persona serve: ${active.provider.name}/${active.model} · ${who} · Ctrl-C stops\n`);

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      // A second signal while replies finish quits at once.
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  const running = server.inFlight;
  process.stderr.write(
    `persona serve: stopping${running > 0 ? `; ${running} repl${running === 1 ? 'y' : 'ies'} in progress may finish for ${options.grace} s` : ''}\n`,
  );
  await server.close({ graceMs: options.grace * 1000 });
  threads?.close();
  await store.close();
}
