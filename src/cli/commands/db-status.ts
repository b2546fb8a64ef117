import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { readStoreStatus } from '../../store/store-status.js';
import { parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline, warn } from '../output.js';
import { configuredStore } from '../store-location.js';

const schema = z.object({ json: z.optional(z.boolean()) });

const SOURCE_LABEL = {
  DATABASE_URL: 'from DATABASE_URL',
  'database.url': 'from the setting database.url',
  default: 'the default',
} as const;

/** `persona db status`: where the history is, how far its schema is, how many rows it holds. */
export default async function dbStatus(raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const resolved = configuredStore();
  if (resolved.ignoredDatabaseUrl) warn('DATABASE_URL is set but is not a postgres:// URL; it is ignored.');
  const status = await readStoreStatus(resolved.spec);
  if (options.json) return printJson({ ...status, source: resolved.source });
  const { applied, pending, unknown } = status.migrations;
  println(`${c.bold('backend')}     ${status.location.backend} ${c.dim(`(${SOURCE_LABEL[resolved.source]})`)}`);
  println(`${c.bold('where')}       ${sanitizeInline(status.location.where)}${status.exists ? '' : c.dim(' (not created yet)')}`);
  const schemaLine = !status.exists
    ? 'created by the first command that saves a chat'
    : unknown.length > 0
      ? c.red(`written by a newer persona-chat (${unknown.join(', ')}): upgrade persona-chat`)
      : pending.length > 0
        ? c.yellow(`${applied.length} migrations applied, ${pending.length} pending (persona db migrate applies them)`)
        : `up to date (${applied.length} migrations, latest ${applied[applied.length - 1] ?? 'none'})`;
  println(`${c.bold('schema')}      ${schemaLine}`);
  const rows = Object.entries(status.rows);
  if (rows.length > 0) {
    println(c.bold('rows'));
    for (const [table, n] of rows) println(`  ${table.padEnd(22)}${String(n).padStart(10)}`);
  }
}
