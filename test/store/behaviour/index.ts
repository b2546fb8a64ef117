import { afterEach, describe } from 'vitest';
import type { HistoryStore } from '../../../src/store/history-store.js';
import { admitRequestBehaviour } from './admit-request.js';
import { historyReadBehaviour } from './history-reads.js';
import { participantBehaviour } from './participants.js';
import { runBehaviour } from './runs.js';
import { searchBehaviour } from './search.js';
import { sessionBehaviour } from './sessions.js';
import type { StoreFactory } from './store-factory.js';

export type { StoreFactory, StoreOptions } from './store-factory.js';

/**
 * The behaviour every HistoryStore backend must show, through its public methods only. Each
 * backend's test file calls this once with a factory that opens an empty database; the stores it
 * makes are closed after each test. What only one backend has (SQLite's file modes, WAL, damaged
 * files; PostgreSQL's pool) is tested in that backend's own files.
 */
export function storeBehaviour(name: string, makeStore: StoreFactory): void {
  describe(`HistoryStore behaviour: ${name}`, () => {
    const opened: HistoryStore[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });
    const freshStore: StoreFactory = async (options) => {
      const store = await makeStore(options);
      opened.push(store);
      return store;
    };
    sessionBehaviour(freshStore);
    historyReadBehaviour(freshStore);
    participantBehaviour(freshStore);
    searchBehaviour(freshStore);
    runBehaviour(freshStore);
    admitRequestBehaviour(freshStore);
  });
}
