import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { UsageError } from '../../core/errors.js';
import { homePaths } from '../../core/home.js';
import type { CopyProgress } from '../../store/copy/copy-history.js';
import type { StoreSpec } from '../../store/store-spec.js';
import { numberFlag, parseOptions } from '../options.js';
import { c, colorFor, printJson, println, sanitizeInline } from '../output.js';
import { configuredStore } from '../store-location.js';

const backend = z.enum(['sqlite', 'postgres']);
const schema = z.object({
  from: backend,
  to: backend,
  sqlite: z.optional(z.string().check(z.minLength(1))),
  url: z.optional(z.string().check(z.regex(/^postgres(ql)?:\/\//i, 'a postgres:// URL'))),
  batchSize: numberFlag(1, 50_000, true),
  json: z.optional(z.boolean()),
});

/** `persona db copy --from sqlite --to postgres` (or back): the whole history, verified. */
export default async function dbCopy(raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  if (options.from === options.to) {
    throw new UsageError(
      `--from and --to are both ${options.from}.`,
      'Copy between the two backends: --from sqlite --to postgres, or back.',
    );
  }
  const spec = (which: 'sqlite' | 'postgres'): StoreSpec => {
    if (which === 'sqlite') return { backend: 'sqlite', file: options.sqlite ?? homePaths().database };
    const configured = configuredStore().spec;
    const url = options.url ?? (configured.backend === 'postgres' ? configured.url : undefined);
    if (!url)
      throw new UsageError('No PostgreSQL database given.', 'Pass --url postgres://user:password@host:5432/db, or set DATABASE_URL.');
    return { backend: 'postgres', url };
  };
  const { openCopyEndpoint } = await import('../../store/copy/open-endpoint.js');
  const { copyHistory } = await import('../../store/copy/copy-history.js');
  const source = await openCopyEndpoint(spec(options.from), 'source');
  try {
    const target = await openCopyEndpoint(spec(options.to), 'target');
    try {
      const progress = progressPrinter();
      const report = await copyHistory(source, target, { batchSize: options.batchSize, onProgress: progress.update }).finally(progress.end);
      if (options.json) return printJson(report);
      println(
        `${c.green('✓')} Copied ${sanitizeInline(report.from.where)} → ${sanitizeInline(report.to.where)} in ${(report.ms / 1000).toFixed(1)} s`,
      );
      for (const table of report.tables) println(`  ${table.name.padEnd(22)}${String(table.rows).padStart(10)}`);
      println(`  ${'checksum (sha256)'.padEnd(22)}${report.checksum}  ${c.dim('identical on both sides')}`);
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/** Progress on stderr: one rewritten line on a terminal, a line per finished table otherwise. */
function progressPrinter(): { update(p: CopyProgress): void; end(): void } {
  const tty = Boolean(process.stderr.isTTY);
  const e = colorFor(process.stderr);
  let drawn = false;
  return {
    update(p) {
      const line = `${p.phase === 'copy' ? 'copying' : 'verifying'} ${p.table}: ${p.done}/${p.total}`;
      if (tty) {
        process.stderr.write(`\r\x1b[2K${e.dim(line)}`);
        drawn = true;
      } else if (p.done === p.total && (p.phase === 'copy' || p.total > 0)) {
        process.stderr.write(`${line}\n`);
      }
    },
    end() {
      if (drawn) process.stderr.write('\r\x1b[2K');
    },
  };
}
