import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { checkStore, type CheckName } from '../../store/store-check.js';
import { parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline, warn } from '../output.js';
import { configuredStore } from '../store-location.js';

const schema = z.object({ json: z.optional(z.boolean()), fix: z.optional(z.boolean()) });

const LABELS: Record<CheckName, string> = {
  schema: 'the schema is this version’s',
  file: 'the file (SQLite quick_check)',
  references: 'every row’s session and persona snapshot exist',
  'session-totals': 'session totals match their messages',
  'message-numbers': 'each session’s messages numbered 1, 2, 3…',
};

/** `persona db check`: whether the history is whole; exit code 1 when something is wrong and was not fixed. */
export default async function dbCheck(raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const resolved = configuredStore();
  if (resolved.ignoredDatabaseUrl) warn('DATABASE_URL is set but is not a postgres:// URL; it is ignored.');
  if (options.fix && resolved.spec.backend === 'postgres')
    warn('--fix recounts SQLite totals; PostgreSQL sums them by query, so there is nothing to fix.');
  const checked = await checkStore(resolved.spec, { fix: options.fix === true });
  if (!checked.ok) process.exitCode = 1;
  if (options.json) return printJson(checked);
  const where = sanitizeInline(checked.location.where);
  if (!checked.exists) return println(`${where} has no history yet: nothing to check.`);
  println(c.bold(`${where} (${checked.location.backend})`));
  for (const check of checked.checks) {
    const mark = check.fixed ? c.green('✓ fixed') : check.ok ? c.green('✓') : c.red('✗');
    println(`${mark} ${LABELS[check.name]}${check.count > 0 ? c.dim(` (${check.count} wrong)`) : ''}`);
    for (const problem of check.problems) println(`    ${sanitizeInline(problem)}`);
    if (check.count > check.problems.length) println(c.dim(`    … and ${check.count - check.problems.length} more`));
    if (check.hint) println(c.dim(`    ${check.hint}`));
  }
  if (checked.ok) println(checked.checks.some((c) => c.fixed) ? 'Fixed; the history is whole.' : 'The history is whole.');
}
