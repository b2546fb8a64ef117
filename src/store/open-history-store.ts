import type { HistoryStore } from './history-store.js';
import type { StoreSpec } from './store-spec.js';

/**
 * Opens the history where `spec` says. Each backend is imported only when chosen: on the SQLite
 * file (the default) the PostgreSQL client is never loaded, and the other way round.
 */
export async function openHistoryStoreAt(spec: StoreSpec): Promise<HistoryStore> {
  if (spec.backend === 'postgres') {
    const { openPostgresStore } = await import('./postgres/postgres-store.js');
    return openPostgresStore(spec.url);
  }
  const { openStore } = await import('./sqlite-store.js');
  return openStore(spec.file);
}
