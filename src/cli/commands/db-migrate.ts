import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { migrateStore } from '../../store/store-status.js';
import { parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline } from '../output.js';
import { configuredStore } from '../store-location.js';

const schema = z.object({ json: z.optional(z.boolean()) });

/** `persona db migrate`: applies pending migrations (under PostgreSQL's advisory lock) and says which. */
export default async function dbMigrate(raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const result = await migrateStore(configuredStore().spec);
  if (options.json) return printJson(result);
  const where = sanitizeInline(result.location.where);
  if (result.applied.length === 0) println(`${c.green('✓')} ${where} is up to date.`);
  else println(`${c.green('✓')} Applied ${result.applied.length} migrations to ${where}: ${result.applied.join(', ')}`);
}
