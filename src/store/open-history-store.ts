import { availableParallelism } from 'node:os';
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

/**
 * The history for a long-running server: its background work moves off the event loop
 * (forServing), and SQLite itself moves to a thread of its own when that pays (storeThreadWanted)
 * and the build has one (src/store/thread/threaded-store.ts).
 */
export async function openServingStoreAt(spec: StoreSpec): Promise<HistoryStore> {
  if (spec.backend === 'sqlite' && storeThreadWanted()) {
    const { storeThreadFile, ThreadedStore } = await import('./thread/threaded-store.js');
    const threadFile = storeThreadFile();
    if (threadFile) return ThreadedStore.open(threadFile, spec.file);
  }
  const store = await openHistoryStoreAt(spec);
  store.forServing();
  return store;
}

/**
 * Whether a server keeps SQLite in a thread: with four cores or more, unless PERSONA_STORE_THREAD
 * says (on/off). The thread takes the store's time off the event loop (0.32 -> 0.25 ms of the
 * loop per turn, bench:serve) but adds the copying and the wake-ups of two threads (0.46 -> 0.63
 * ms of CPU per turn in all): a gain where the loop is the limit and cores are spare, a loss where
 * every core is busy already, as on two cores with the offline engine's threads and the clients.
 */
export function storeThreadWanted(cores = availableParallelism(), setting = process.env.PERSONA_STORE_THREAD): boolean {
  const said = setting?.trim().toLowerCase();
  if (said === 'on' || said === '1' || said === 'true') return true;
  if (said === 'off' || said === '0' || said === 'false') return false;
  return cores >= 4;
}
