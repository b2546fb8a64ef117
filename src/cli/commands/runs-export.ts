import { existsSync, writeFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { UsageError, UserError } from '../../core/errors.js';
import { csvTable } from '../../research/results/csv.js';
import { exportRun, type RunExportFormat } from '../../research/results/export-run.js';
import { openHistoryStore } from '../engine-setup.js';
import { parseOptions } from '../options.js';
import { printJson, sanitizeText } from '../output.js';
import { loadAskReplies, loadSurveyResults, type AskRunReply } from '../research/load-results.js';
import { findRunOrFail } from '../research/run-ref.js';

const schema = z.object({
  format: z.optional(z.enum(['csv', 'json', 'md'])),
  output: z.optional(z.string().check(z.minLength(1))),
  force: z.optional(z.boolean()),
});

const BY_EXTENSION: Record<string, RunExportFormat> = { '.csv': 'csv', '.json': 'json', '.md': 'md', '.markdown': 'md' };

export default async function runsExport(ref: string, raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const format = formatFor(options.format, options.output);
  const store = await openHistoryStore();
  let text: string;
  try {
    const run = await findRunOrFail(store, ref);
    text =
      run.kind === 'survey'
        ? exportRun(await loadSurveyResults(store, run), format)
        : exportAsk(run.id, run.title, await loadAskReplies(store, run), format);
  } finally {
    await store.close();
  }
  if (!options.output) {
    // Files keep the original text; a terminal gets it sanitized.
    if (format === 'json' && process.stdout.isTTY) return printJson(JSON.parse(text));
    process.stdout.write(process.stdout.isTTY ? sanitizeText(text) : text);
    return;
  }
  const path = resolve(options.output);
  if (existsSync(path) && !options.force) throw new UsageError(`${path} exists`, 'use --force to overwrite it, or another -o');
  try {
    writeFileSync(path, text);
  } catch (error) {
    throw new UserError(`cannot write ${path}: ${(error as Error).message}`);
  }
  process.stderr.write(`wrote ${path}\n`);
}

function formatFor(flag: RunExportFormat | undefined, output: string | undefined): RunExportFormat {
  const fromName = output ? BY_EXTENSION[extname(output).toLowerCase()] : undefined;
  if (flag && fromName && flag !== fromName)
    throw new UsageError(`--format ${flag} does not match the file name ${output}`, `use -o with .${flag}, or drop --format`);
  return flag ?? fromName ?? 'csv';
}

/** A multi-persona ask as one file: one row per persona with the question and the reply. */
function exportAsk(runId: string, title: string, replies: AskRunReply[], format: RunExportFormat): string {
  switch (format) {
    case 'csv':
      return csvTable(
        ['run_id', 'session_id', 'persona_id', 'persona_name', 'message', 'reply', 'status'],
        replies.map((r) => [runId, r.sessionId, r.personaId, r.personaName, r.message, r.reply, r.status]),
      );
    case 'json':
      return `${JSON.stringify({ run: { id: runId, kind: 'ask', title }, replies }, null, 2)}\n`;
    case 'md':
      return [
        `# ${title.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`)}`,
        '',
        `Run ${runId} · ${replies.length} personas`,
        '',
        ...replies.flatMap((r) => [
          `## ${r.personaName.replace(/[\\`*_[\]<>|#]/g, (ch) => `\\${ch}`)} (${r.personaId})`,
          '',
          r.reply || `*(${r.status})*`,
          '',
        ]),
      ].join('\n');
  }
}
