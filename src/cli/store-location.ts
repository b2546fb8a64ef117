import { readConfig } from '../core/config.js';
import { homePaths } from '../core/home.js';
import { resolveStoreSpec, type ResolvedStoreSpec } from '../store/store-spec.js';

/** The database this process uses: DATABASE_URL, else the setting database.url, else the SQLite file. */
export function configuredStore(): ResolvedStoreSpec {
  return resolveStoreSpec({ env: process.env, configUrl: readConfig().database?.url, sqliteFile: homePaths().database });
}
