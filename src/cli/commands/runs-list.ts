import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { openHistoryStore } from '../engine-setup.js';
import { numberFlag, parseOptions } from '../options.js';
import { c, printJson, println, sanitizeInline, truncate } from '../output.js';
import { formatWhen } from '../session-ref.js';

const schema = z.object({ limit: numberFlag(1, 100_000, true), json: z.optional(z.boolean()) });

export default async function runsList(raw: unknown): Promise<void> {
  const options = parseOptions(schema, raw);
  const store = await openHistoryStore();
  try {
    const runs = await store.runs().listRuns({ limit: options.limit });
    const total = await store.runs().countRuns();
    if (options.json) return printJson(runs.map(({ spec: _spec, ...run }) => run));
    if (runs.length === 0) {
      println('No runs yet. Start one: persona survey docs/examples/pricing-survey.json --all, or persona ask --all "…"');
      return;
    }
    const width = process.stdout.isTTY ? (process.stdout.columns ?? 120) : 200;
    for (const run of runs) {
      const size =
        run.kind === 'survey'
          ? `${run.personaIds.length} personas, ${run.answerCount} answers${run.invalidCount ? ` (${run.invalidCount} invalid)` : ''}`
          : `${run.sessionCount} sessions`;
      println(
        `${c.bold(run.id)}  ${formatWhen(run.createdAt)}  ${run.kind.padEnd(6)}  ${size}  ${c.dim(`${run.provider}/${sanitizeInline(run.model)} · ${run.status}`)}`,
      );
      println(`  ${c.dim(truncate(sanitizeInline(run.title), width - 4))}`);
    }
    if (total > runs.length) println(c.dim(`showing ${runs.length} of ${total}; --limit <n> for more`));
  } finally {
    await store.close();
  }
}
