import type { StoreLocation } from '../history-store.js';
import type { CopyRow, CopyTable } from './copy-tables.js';

/**
 * One side of a copy, whichever backend: reads a table in key order, in batches, inside one
 * consistent snapshot (the source), or writes batches inside one transaction (the target). While
 * a write is open, reads see what it wrote: the target is verified before it commits, so a copy
 * that does not check out leaves the target as empty as it was.
 */
export interface CopyEndpoint {
  readonly location: StoreLocation;
  count(table: CopyTable): Promise<number>;
  read(table: CopyTable, batchSize: number): AsyncIterable<CopyRow[]>;
  beginRead(): Promise<void>;
  endRead(): Promise<void>;
  beginWrite(): Promise<void>;
  write(table: CopyTable, rows: readonly CopyRow[]): Promise<void>;
  commitWrite(): Promise<void>;
  rollbackWrite(): Promise<void>;
  close(): Promise<void>;
}
