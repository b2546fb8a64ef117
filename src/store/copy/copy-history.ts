import { StoreError, UsageError } from '../../core/errors.js';
import type { StoreLocation } from '../history-store.js';
import type { CopyEndpoint } from './copy-endpoint.js';
import { COPY_TABLES, type CopyRow, type CopyTable } from './copy-tables.js';
import { HistoryChecksum } from './row-checksum.js';

// Moves a whole history from one store to another (SQLite <-> PostgreSQL, or between two of a
// kind): every table in dependency order, in batches, ids and keys preserved, into an empty target.
// The source is read inside one snapshot and checksummed as it is read; the target is read back
// inside its still-open transaction and must give the same row counts and the same checksum, or
// the transaction is rolled back and the target stays empty.

export interface CopyProgress {
  phase: 'copy' | 'verify';
  table: string;
  /** Rows of this table done so far, and how many it has. */
  done: number;
  total: number;
}

export interface CopyOptions {
  batchSize?: number;
  onProgress?: (progress: CopyProgress) => void;
  /** The clock for the reported duration. */
  now?: () => number;
}

export interface CopyReport {
  from: StoreLocation;
  to: StoreLocation;
  tables: Array<{ name: string; rows: number }>;
  /** sha256 over every row of every table, identical on both sides. */
  checksum: string;
  ms: number;
}

const DEFAULT_BATCH_SIZE = 1000;

export async function copyHistory(source: CopyEndpoint, target: CopyEndpoint, options: CopyOptions = {}): Promise<CopyReport> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const now = options.now ?? (() => performance.now());
  const progress = options.onProgress ?? (() => undefined);
  const started = now();
  if (source.location.backend === target.location.backend && source.location.where === target.location.where) {
    throw new UsageError(`Cannot copy ${source.location.where} onto itself.`, 'Give a different target.');
  }
  await refuseNonEmpty(target);

  await source.beginRead();
  try {
    const totals = new Map<string, number>();
    for (const table of COPY_TABLES) totals.set(table.name, await source.count(table));
    await target.beginWrite();
    try {
      const sourceSum = new HistoryChecksum();
      for (const table of COPY_TABLES) {
        const total = totals.get(table.name)!;
        sourceSum.touch(table);
        let done = 0;
        progress({ phase: 'copy', table: table.name, done, total });
        for await (const rows of source.read(table, batchSize)) {
          sourceSum.add(table, rows);
          await writeBatch(target, table, rows);
          done += rows.length;
          progress({ phase: 'copy', table: table.name, done, total });
        }
      }
      const targetSum = await checksumOf(target, batchSize, totals, progress);
      const sourceRows = sourceSum.rows();
      compare(totals, sourceRows, targetSum.rows(), source.location, target.location);
      const checksum = sourceSum.digest();
      const targetChecksum = targetSum.digest();
      if (checksum !== targetChecksum) {
        throw new StoreError(
          `The copy in ${target.location.where} does not match ${source.location.where} (checksum ${targetChecksum.slice(0, 12)} vs ${checksum.slice(0, 12)}); nothing was written.`,
          'Report this as a bug with both databases.',
        );
      }
      await target.commitWrite();
      return {
        from: source.location,
        to: target.location,
        tables: COPY_TABLES.map((t) => ({ name: t.name, rows: sourceRows[t.name] ?? 0 })),
        checksum,
        ms: Math.round(now() - started),
      };
    } catch (error) {
      await target.rollbackWrite();
      throw error;
    }
  } finally {
    await source.endRead();
  }
}

/** The checksum and row counts of everything in `endpoint` (inside its open transaction, if any). */
export async function checksumOf(
  endpoint: CopyEndpoint,
  batchSize = DEFAULT_BATCH_SIZE,
  totals?: ReadonlyMap<string, number>,
  progress: (progress: CopyProgress) => void = () => undefined,
): Promise<HistoryChecksum> {
  const sum = new HistoryChecksum();
  for (const table of COPY_TABLES) {
    sum.touch(table);
    const total = totals?.get(table.name) ?? 0;
    let done = 0;
    for await (const rows of endpoint.read(table, batchSize)) {
      sum.add(table, rows);
      done += rows.length;
      progress({ phase: 'verify', table: table.name, done, total });
    }
  }
  return sum;
}

async function refuseNonEmpty(target: CopyEndpoint): Promise<void> {
  const held: string[] = [];
  for (const table of COPY_TABLES) {
    const rows = await target.count(table);
    if (rows > 0) held.push(`${rows} ${table.name}`);
  }
  if (held.length === 0) return;
  throw new StoreError(
    `The target ${target.location.where} already holds a history (${held.join(', ')}); a copy goes only into an empty one.`,
    target.location.backend === 'postgres'
      ? 'Create an empty database (createdb <name>) and give its URL with --url.'
      : 'Give a path where no database exists yet, or move the file aside.',
  );
}

/** A failed batch names its table and where the batch starts (e.g. a NUL character PostgreSQL cannot store). */
async function writeBatch(target: CopyEndpoint, table: CopyTable, rows: readonly CopyRow[]): Promise<void> {
  try {
    await target.write(table, rows);
  } catch (error) {
    if (!(error instanceof StoreError)) throw error;
    const key = table.key.map((k) => `${k}=${String(rows[0]?.[table.columns.indexOf(k)])}`).join(', ');
    throw new StoreError(`Copying ${table.name} (batch from ${key}) failed: ${error.message}`, error.hint, error);
  }
}

function compare(
  counted: ReadonlyMap<string, number>,
  read: Record<string, number>,
  written: Record<string, number>,
  from: StoreLocation,
  to: StoreLocation,
): void {
  for (const table of COPY_TABLES) {
    const expected = counted.get(table.name) ?? 0;
    const sourceRows = read[table.name] ?? 0;
    const targetRows = written[table.name] ?? 0;
    if (expected !== sourceRows || sourceRows !== targetRows) {
      throw new StoreError(
        `Row counts differ for ${table.name}: ${from.where} has ${expected} (${sourceRows} read), ${to.where} has ${targetRows}; nothing was written.`,
        'Report this as a bug with both databases.',
      );
    }
  }
}
