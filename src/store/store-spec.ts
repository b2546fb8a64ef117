import { isPostgresUrl } from './postgres/postgres-url.js';

// Which database the history is in. DATABASE_URL (the convention of hosted apps) wins, then the
// config's database.url, else the SQLite file: without either nothing changes. A DATABASE_URL that
// is not a PostgreSQL URL belongs to something else on the machine (a MySQL app, say) and is ignored.

/** Where a history is: a SQLite file or a PostgreSQL URL. */
export type StoreSpec = { backend: 'sqlite'; file: string } | { backend: 'postgres'; url: string };

export type StoreSource = 'DATABASE_URL' | 'database.url' | 'default';

export interface ResolvedStoreSpec {
  spec: StoreSpec;
  /** What chose it, for `persona db status` and error hints. */
  source: StoreSource;
  /** Set when DATABASE_URL was set but is not a PostgreSQL URL (and so ignored). */
  ignoredDatabaseUrl?: boolean;
}

export function resolveStoreSpec(input: { env: NodeJS.ProcessEnv; configUrl?: string; sqliteFile: string }): ResolvedStoreSpec {
  const fromEnv = input.env.DATABASE_URL?.trim();
  if (fromEnv && isPostgresUrl(fromEnv)) return { spec: { backend: 'postgres', url: fromEnv }, source: 'DATABASE_URL' };
  const ignored = fromEnv ? { ignoredDatabaseUrl: true } : {};
  const fromConfig = input.configUrl?.trim();
  if (fromConfig) return { spec: { backend: 'postgres', url: fromConfig }, source: 'database.url', ...ignored };
  return { spec: { backend: 'sqlite', file: input.sqliteFile }, source: 'default', ...ignored };
}
