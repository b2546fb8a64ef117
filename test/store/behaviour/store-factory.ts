import type { HistoryStore } from '../../../src/store/history-store.js';

/** Options every backend takes: the clock (tests pin it to order rows deterministically). */
export interface StoreOptions {
  now?: () => Date;
}

/** A store on an empty database, closed by the suite after each test. */
export type StoreFactory = (options?: StoreOptions) => Promise<HistoryStore>;
