import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { ExitCode, formatIssue, InputFileError, UsageError, type Issue } from '../../core/errors.js';
import { homePaths } from '../../core/home.js';
import { slugify } from '../../core/ids.js';
import { loadPersonas } from '../../persona/loader.js';
import { checkExplicit, EXTRA_FIELDS_KEY, mappingFileSchema, parseMapFlags, type ColumnPlan } from '../../persona/respondents/mapping.js';
import { planImport, type ImportPlan, type PlannedPersona } from '../../persona/respondents/import-plan.js';
import { formatPath } from '../../persona/validate.js';
import { readConfig } from '../../core/config.js';
import { createProvider } from '../../providers/registry.js';
import { chooseProvider, resolveProviderSettings } from '../../providers/settings.js';
import type { StructuredProvider } from '../../providers/types.js';
import { enrichFile, replaceFile } from '../authoring/enrich-file.js';
import { parseOptions } from '../options.js';
import { c, colorFor, printJson, println, sanitizeInline } from '../output.js';
import { needsLiveModel } from './personas-enrich.js';

// `persona personas import respondents.csv|.jsonl`: one persona per respondent row, no model
// needed. Rows that fail are reported by line and column; the others are still written.

const options = z.object({
  mapping: z.optional(z.string()),
  map: z.optional(z.array(z.string())),
  autoMatch: z.optional(z.boolean()),
  outDir: z.optional(z.string()),
  force: z.optional(z.boolean()),
  dryRun: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
  enrich: z.optional(z.boolean()),
  provider: z.optional(z.string()),
  model: z.optional(z.string().check(z.minLength(1))),
});
type Options = z.output<typeof options>;

const MAX_BYTES = 64 * 1024 * 1024;

export function isRespondentFile(file: string): boolean {
  return ['.csv', '.jsonl', '.ndjson', '.tsv'].includes(extname(file).toLowerCase());
}

function readText(file: string, what: string): string {
  const path = resolve(file);
  try {
    if (statSync(path).size > MAX_BYTES) throw new InputFileError(path, [{ path: '', message: `${what} is over 64 MB` }]);
    const bytes = readFileSync(path);
    if (bytes.includes(0)) throw new InputFileError(path, [{ path: '', message: `${what} is not text`, hint: 'save it as UTF-8 CSV' }]);
    return bytes.toString('utf8');
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputFileError(path, [{ path: '', message: code === 'ENOENT' ? 'no such file' : (error as Error).message }]);
  }
}

function readMapping(file: string | undefined): { columns: Record<string, string>; autoMatch?: boolean; extraFieldsKey?: string } {
  if (!file) return { columns: {} };
  const path = resolve(file);
  let value: unknown;
  try {
    value = JSON.parse(readText(path, 'the mapping file'));
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(path, [{ path: '', message: `not valid JSON (${(error as Error).message})` }]);
  }
  const result = mappingFileSchema.safeParse(value);
  if (!result.success) {
    throw new InputFileError(
      path,
      result.error.issues.map((i) => ({
        path: formatPath(i.path),
        message: i.message,
        hint: 'a mapping file is { "columns": { "Column header": "baseSelection.age" | "ignore" }, "autoMatch": true }',
      })),
    );
  }
  return { columns: result.data.columns ?? {}, autoMatch: result.data.autoMatch, extraFieldsKey: result.data.extraFieldsKey };
}

export default async function importRespondents(file: string, rawOptions: Record<string, unknown>): Promise<void> {
  const opts = parseOptions(options, rawOptions);
  const source = resolve(file);
  const text = readText(source, 'the respondent file');
  const mapping = readMapping(opts.mapping);
  const flags = parseMapFlags(opts.map ?? []);
  if (flags.issues.length > 0) throw new UsageError(flags.issues.map((i) => i.message).join('\n'), flags.issues[0]!.hint);
  const columns = { ...mapping.columns, ...flags.columns };
  const explicitIssues = checkExplicit(columns);
  if (explicitIssues.length > 0) throw new InputFileError(opts.mapping ? resolve(opts.mapping) : '--map', explicitIssues);

  // --enrich needs a live model: find out before anything is written.
  const enricher = opts.enrich && !opts.dryRun ? await liveEnricher(opts) : undefined;
  const outDir = resolve(opts.outDir ?? homePaths().personas);
  // Ids of personas that live elsewhere are reserved; files in the target folder are ours to
  // replace with --force, so a re-import keeps the same ids.
  const reservedIds = new Set(
    loadPersonas()
      .personas.filter((p) => resolve(p.source, '..') !== outDir)
      .map((p) => p.id),
  );
  const plan = planImport(text, {
    format: /\.(jsonl|ndjson)$/i.test(source) ? 'jsonl' : 'csv',
    prefix: slugify(basename(source, extname(source))) || 'respondent',
    columns,
    autoMatch: opts.autoMatch !== false && mapping.autoMatch !== false,
    extraFieldsKey: mapping.extraFieldsKey ?? EXTRA_FIELDS_KEY,
    reservedIds,
  });
  if (plan.fileIssues.length > 0) throw new InputFileError(source, plan.fileIssues);

  const written: Array<PlannedPersona & { path?: string }> = [];
  if (!opts.dryRun) mkdirSync(outDir, { recursive: true });
  for (const item of plan.personas) {
    if (opts.dryRun) {
      written.push(item);
      continue;
    }
    const path = join(outDir, `${item.id}.json`);
    if (existsSync(path) && !opts.force) {
      plan.failed.push({ line: item.line, issues: [{ path: 'id', message: `${path} already exists`, hint: 'add --force to replace it' }] });
      continue;
    }
    writeFileSync(path, `${JSON.stringify(item.persona, null, 2)}\n`, 'utf8');
    written.push({ ...item, path });
  }
  plan.failed.sort((a, b) => a.line - b.line);
  const enriched = enricher ? await enrichAll(written, enricher) : undefined;
  report(source, outDir, plan, written, opts, enriched);
  if (plan.failed.length > 0) process.exitCode = ExitCode.invalidInput;
}

interface Enricher {
  provider: StructuredProvider;
  model: string;
}

async function liveEnricher(opts: Options): Promise<Enricher> {
  const config = readConfig();
  const flags = { provider: opts.provider, model: opts.model };
  if (chooseProvider(flags, config) === 'offline') throw needsLiveModel('--enrich');
  const settings = resolveProviderSettings(flags, config);
  return { provider: await createProvider(settings), model: settings.model };
}

interface EnrichReport {
  enriched: string[];
  failed: Array<{ id: string; problem: string }>;
}

/** Enriches every written file, a few at a time; a failure is reported and the others go on. */
async function enrichAll(written: Array<PlannedPersona & { path?: string }>, enricher: Enricher): Promise<EnrichReport> {
  const result: EnrichReport = { enriched: [], failed: [] };
  const e = colorFor(process.stderr);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < written.length) {
      const item = written[next++]!;
      if (!item.path) continue;
      const { outcome } = await enrichFile(item.path, enricher.provider, enricher.model);
      done++;
      if (outcome.status === 'enriched') {
        replaceFile(item.path, outcome.text);
        result.enriched.push(item.id);
      } else if (outcome.status === 'error' || outcome.status === 'invalid') {
        const problem = outcome.status === 'error' ? outcome.error.message : outcome.problem;
        result.failed.push({ id: item.id, problem });
      }
      process.stderr.write(e.dim(`enriched ${done}/${written.length}\r`));
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, written.length) }, worker));
  process.stderr.write('\n');
  return result;
}

function describeColumn(column: ColumnPlan): string {
  if (column.how === 'ignored') return 'ignored';
  if (column.how === 'extra') return 'extra field';
  return column.target && column.target !== 'ignore' ? column.target.path : 'ignored';
}

function report(
  source: string,
  outDir: string,
  plan: ImportPlan,
  written: Array<PlannedPersona & { path?: string }>,
  opts: Options,
  enriched?: EnrichReport,
): void {
  const rowIssues = (line: number, issues: Issue[]) => issues.map((i) => formatIssue(`${source}: line ${line}`, i));
  if (opts.json) {
    printJson({
      source,
      outDir: opts.dryRun ? null : outDir,
      columns: plan.columns.map((col) => ({ header: col.header, field: describeColumn(col), how: col.how })),
      written: written.map((w) => ({
        line: w.line,
        id: w.id,
        name: w.name,
        path: w.path ?? null,
        ...(opts.dryRun ? { persona: w.persona } : {}),
      })),
      failed: plan.failed.map((f) => ({
        line: f.line,
        issues: f.issues.map((i) => ({ where: i.path, message: i.message, hint: i.hint ?? null })),
      })),
    });
    return;
  }
  const e = c;
  println(e.bold('Columns'));
  const width = Math.min(32, Math.max(...plan.columns.map((col) => sanitizeInline(col.header).length)));
  for (const col of plan.columns) {
    const how = col.how === 'matched' ? e.dim(' (matched by header)') : '';
    println(`  ${sanitizeInline(col.header).padEnd(width)}  -> ${describeColumn(col)}${how}`);
  }
  const verb = opts.dryRun ? 'would write' : 'wrote';
  println(`${e.green('✓')} ${verb} ${written.length} persona${written.length === 1 ? '' : 's'}${opts.dryRun ? '' : ` to ${outDir}`}`);
  if (plan.failed.length > 0) {
    process.stderr.write(`${e.red('✗')} ${plan.failed.length} row${plan.failed.length === 1 ? '' : 's'} not imported:\n`);
    for (const f of plan.failed) for (const line of rowIssues(f.line, f.issues)) process.stderr.write(`  ${sanitizeInline(line)}\n`);
  }
  if (enriched) {
    println(`${e.green('✓')} enriched ${enriched.enriched.length} of ${written.length}`);
    for (const f of enriched.failed) process.stderr.write(`  ${sanitizeInline(`${f.id}: not enriched: ${f.problem}`)}\n`);
  }
  const first = written[0];
  if (first && !opts.dryRun)
    println(e.dim(`  chat with one: npx persona chat ${first.id}   ·   check them: npx persona personas validate ${outDir}`));
}
