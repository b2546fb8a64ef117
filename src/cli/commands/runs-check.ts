import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { readConfig } from '../../core/config.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { personaSchema, type Persona } from '../../persona/schema.js';
import { createProvider } from '../../providers/registry.js';
import { resolveProviderSettings } from '../../providers/settings.js';
import { checkRows, type ConsistencyFlag } from '../../research/check/consistency-rules.js';
import { judgeRows } from '../../research/check/judge.js';
import type { ResultRow } from '../../research/results/run-results.js';
import { openHistoryStore, parseModelFlags } from '../engine-setup.js';
import { abortOnInterrupt } from '../interrupt.js';
import { parseOptions } from '../options.js';
import { c, colorFor, printJson, println, sanitizeInline } from '../output.js';
import { loadSurveyResults } from '../research/load-results.js';
import { findRunOrFail } from '../research/run-ref.js';

const schema = z.object({ judge: z.optional(z.boolean()), json: z.optional(z.boolean()) });

export default async function runsCheck(ref: string, raw: Record<string, unknown>): Promise<void> {
  const options = parseOptions(schema, raw);
  const flags = parseModelFlags(raw);
  const store = await openHistoryStore();
  const interrupt = abortOnInterrupt();
  try {
    const run = await findRunOrFail(store, ref);
    if (run.kind !== 'survey') throw new UsageError(`run ${run.id} is an ask, not a survey: there are no typed answers to check`);
    const results = await loadSurveyResults(store, run);
    const found: ConsistencyFlag[] = checkRows(results.rows, personaOfRow);
    let judged: number | undefined;
    let judgeFailures = 0;
    if (options.judge) {
      const config = readConfig();
      const settings = resolveProviderSettings(flags, config);
      if (settings.name === 'offline') {
        throw new UsageError(
          '--judge needs a model: the offline engine cannot judge',
          'configure one (persona config set openai.apiKey …) or pass --provider openai|anthropic',
        );
      }
      const outcome = await judgeRows(results.rows, {
        provider: await createProvider(settings),
        model: settings.model,
        concurrency: config.research?.concurrency ?? 4,
        signal: interrupt.signal,
      });
      found.push(...outcome.flags);
      judged = outcome.judged;
      judgeFailures = outcome.failures.length;
      const fatal = outcome.failures.find((f) => f.providerError && ['auth', 'config', 'not_found'].includes(f.providerError.kind));
      if (fatal) throw fatal.providerError!;
    }
    const invalid = results.rows.filter((r) => r.status === 'invalid').length;
    if (options.json) {
      printJson({
        runId: run.id,
        checked: results.rows.filter((r) => r.status === 'valid').length,
        invalid,
        judged: judged ?? null,
        judgeFailures,
        flags: found,
      });
    } else printFlags(found, results.rows.length, invalid, judged, judgeFailures);
    if (interrupt.signal.aborted) process.exitCode = ExitCode.interrupted;
    // Like a linter: findings make the exit code non-zero, so a script can stop on them.
    else if (found.length > 0) process.exitCode = ExitCode.failure;
  } finally {
    interrupt.dispose();
    await store.close();
  }
}

function personaOfRow(row: ResultRow): Persona | undefined {
  const parsed = personaSchema.safeParse(row.persona);
  if (!parsed.success) return undefined;
  return { id: row.personaId, name: parsed.data.name, data: parsed.data, source: '(snapshot)', origin: 'path' };
}

function printFlags(flags: ConsistencyFlag[], total: number, invalid: number, judged: number | undefined, judgeFailures: number): void {
  for (const flag of flags) {
    println(
      `${c.yellow('✗')} ${c.bold(sanitizeInline(flag.personaName))} ${c.dim(`(${flag.personaId})`)} · ${flag.questionId}: ${sanitizeInline(flag.answer)}`,
    );
    println(`  ${sanitizeInline(flag.explanation)} ${c.dim(`[${flag.rule}]`)}`);
    if (flag.fact) println(`  ${c.dim(flag.factPath ? `${flag.factPath}:` : 'persona:')} “${sanitizeInline(flag.fact)}”`);
  }
  const e = colorFor(process.stdout);
  const judgedNote =
    judged === undefined ? '' : `, ${judged} judged by the model${judgeFailures ? ` (${judgeFailures} could not be judged)` : ''}`;
  println(
    (flags.length ? e.yellow : e.green)(
      `${flags.length} contradiction${flags.length === 1 ? '' : 's'} in ${total} answers${invalid ? ` (${invalid} invalid, not checked)` : ''}${judgedNote}.`,
    ),
  );
}
