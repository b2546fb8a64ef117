import { createHash, type Hash } from 'node:crypto';
import type { CopyRow, CopyTable } from './copy-tables.js';

// One checksum for a whole history, computed the same way from either backend: every row of every
// table, in primary-key order, as a JSON array of its values in the table's column order. Numbers
// are written by JSON (SQLite INTEGER and PostgreSQL bigint both read back as the same JS number,
// REAL and double precision as the same double), text as JSON strings, NULL as null. So two
// databases with the same rows give the same checksum, whichever engine holds them.

export function canonicalValue(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Buffer.isBuffer(value)) return { bytes: value.toString('base64') };
  return String(value);
}

/** The line a row contributes to the checksum. */
export function canonicalRow(row: CopyRow): string {
  return JSON.stringify(row.map(canonicalValue));
}

/** Accumulates the checksum table by table, as rows stream past. */
export class HistoryChecksum {
  private readonly hash: Hash = createHash('sha256');
  private readonly counts = new Map<string, number>();

  add(table: CopyTable, rows: readonly CopyRow[]): void {
    if (!this.counts.has(table.name)) {
      this.counts.set(table.name, 0);
      this.hash.update(`table ${table.name} ${JSON.stringify(table.columns)}\n`);
    }
    for (const row of rows) this.hash.update(`${canonicalRow(row)}\n`);
    this.counts.set(table.name, this.counts.get(table.name)! + rows.length);
  }

  /** Marks a table as read even when it had no rows, so empty tables count the same on both sides. */
  touch(table: CopyTable): void {
    this.add(table, []);
  }

  rows(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}
