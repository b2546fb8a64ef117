import * as z from 'zod/mini';
import '../../core/zod-setup.js';
import { readConfig } from '../../core/config.js';
import { ExitCode, UsageError } from '../../core/errors.js';
import { loadPersonas, resolvePersona } from '../../persona/loader.js';
import type { Persona } from '../../persona/schema.js';
import { costOf, priceFor } from '../../providers/pricing.js';
import { createProvider } from '../../providers/registry.js';
import { resolveProviderSettings } from '../../providers/settings.js';
import { modelAnswerer, ruleAnswerer } from '../../research/survey/answerers.js';
import { respondentsFor } from '../../research/survey/respondents.js';
import { runSurvey, type SurveyProgress } from '../../research/survey/run-survey.js';
import { surveyJsonSchema, type Survey } from '../../research/survey/survey-schema.js';
import { openHistoryStore, parseModelFlags } from '../engine-setup.js';
import { abortOnInterrupt } from '../interrupt.js';
import { numberFlag, parseOptions } from '../options.js';
import { c, colorFor, printJson, println, sanitizeInline } from '../output.js';
import { findRunOrFail, researchStoreOf } from '../research/run-ref.js';
import { readSurveyFile, surveyOfRun } from '../research/read-survey.js';

const surveyOptions = z.object({
  all: z.optional(z.boolean()),
  resume: z.optional(z.string().check(z.minLength(1))),
  concurrency: z.optional(numberFlag(1, 64, true)),
  schema: z.optional(z.boolean()),
  json: z.optional(z.boolean()),
});

const DEFAULT_CONCURRENCY = 4;

export default async function survey(
  file: string | undefined,
  personaArg: string | undefined,
  raw: Record<string, unknown>,
): Promise<void> {
  const options = parseOptions(surveyOptions, raw);
  if (options.schema) return printJson(surveyJsonSchema());
  const flags = parseModelFlags(raw);
  const config = readConfig();
  const concurrency = options.concurrency ?? config.research?.concurrency ?? DEFAULT_CONCURRENCY;
  const history = await openHistoryStore();
  const store = researchStoreOf(history);
  const interrupt = abortOnInterrupt();
  try {
    let surveySpec: Survey;
    let personas: Persona[];
    let run;
    const settings = resolveProviderSettings(flags, config);
    if (options.resume) {
      if (file || personaArg || options.all)
        throw new UsageError('--resume takes the survey and personas from the run', `persona survey --resume ${options.resume}`);
      const found = await findRunOrFail(history, options.resume);
      if (found.kind !== 'survey') throw new UsageError(`run ${found.id} is not a survey`, 'see `persona runs list`');
      surveySpec = surveyOfRun(found.spec, found.id);
      personas = found.personaIds.map((id) => resolvePersona(id));
      if (found.provider !== settings.name || found.model !== settings.model) {
        process.stderr.write(
          `${colorFor(process.stderr).yellow('note:')} run ${found.id} was started with ${found.provider}/${found.model}; the missing answers come from ${settings.name}/${settings.model}\n`,
        );
      }
      run = found;
    } else {
      if (!file) throw new UsageError('which survey?', 'persona survey <survey.json> <id,id,…|--all> (see docs/surveys.md)');
      surveySpec = readSurveyFile(file);
      personas = choosePersonas(personaArg, options.all);
      run = await store.createRun({
        kind: 'survey',
        title: surveySpec.title,
        spec: surveySpec,
        personaIds: personas.map((p) => p.id),
        provider: settings.name,
        model: settings.model,
      });
    }
    const provider = await createProvider(settings);
    const answerer =
      settings.name === 'offline'
        ? ruleAnswerer(surveySpec)
        : modelAnswerer({
            survey: surveySpec,
            provider,
            model: settings.model,
            maxOutputTokens: flags.maxTokens ?? config.maxOutputTokens ?? 400,
            costOf: (usage) => {
              const price = priceFor(settings.model, config.prices);
              return price ? costOf(usage, price) : null;
            },
          });
    const respondents = await respondentsFor(personas, store, flags.temperature ?? config.temperature);
    const progress = progressPrinter(run.id);
    const outcome = await runSurvey({
      survey: surveySpec,
      run,
      respondents,
      store,
      answerer,
      provider: settings.name,
      concurrency,
      signal: interrupt.signal,
      onProgress: progress.update,
    });
    progress.end();
    const summary = {
      runId: run.id,
      status: outcome.status,
      asked: outcome.done,
      alreadyAnswered: outcome.skipped,
      invalid: outcome.invalid,
      failed: outcome.failed,
    };
    if (options.json) printJson(summary);
    else {
      println(
        `${c.bold(`Run ${run.id}`)}: ${outcome.done} answers${outcome.skipped ? ` (+${outcome.skipped} from before)` : ''}, ${outcome.invalid} invalid, ${outcome.failed} failed (${outcome.status}).`,
      );
      if (outcome.status === 'complete' && outcome.failed === 0)
        println(c.dim(`See it: persona runs show ${run.id} · persona report ${run.id} -o report.html`));
      else println(c.dim(`Ask what is missing: persona survey --resume ${run.id}`));
    }
    if (outcome.stoppedBy) {
      process.stderr.write(`${colorFor(process.stderr).red('error:')} ${sanitizeInline(outcome.stoppedBy)}\n`);
      if (outcome.stoppedHint) process.stderr.write(`${colorFor(process.stderr).dim(`hint: ${outcome.stoppedHint}`)}\n`);
      process.exitCode = ExitCode.provider;
    } else if (outcome.status === 'interrupted') process.exitCode = ExitCode.interrupted;
    else if (outcome.failed > 0) process.exitCode = ExitCode.provider;
  } finally {
    interrupt.dispose();
    await history.close();
  }
}

function choosePersonas(arg: string | undefined, all: boolean | undefined): Persona[] {
  if (all) {
    if (arg) throw new UsageError('give persona ids or --all, not both');
    const personas = loadPersonas().personas;
    if (personas.length === 0) throw new UsageError('no personas to ask', 'see `persona personas list`');
    return personas;
  }
  if (!arg) throw new UsageError('which personas?', 'persona survey <survey.json> cfo,icu-nurse (or --all)');
  const ids = [
    ...new Set(
      arg
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  return ids.map((id) => resolvePersona(id));
}

/** Progress on stderr: one rewritten line on a terminal, a line per tenth otherwise. */
function progressPrinter(runId: string): { update(p: SurveyProgress): void; end(): void } {
  const tty = Boolean(process.stderr.isTTY);
  const e = colorFor(process.stderr);
  let lastTenth = -1;
  let drawn = false;
  const line = (p: SurveyProgress) =>
    `survey ${runId}: ${p.done}/${p.total} answered${p.skipped ? ` (${p.skipped} already)` : ''}${p.invalid ? `, ${p.invalid} invalid` : ''}${p.failed ? `, ${p.failed} failed` : ''}`;
  return {
    update(p) {
      if (tty) {
        process.stderr.write(`\r\x1b[2K${e.dim(line(p))}`);
        drawn = true;
        return;
      }
      const tenth = p.total === 0 ? 10 : Math.floor((p.done / p.total) * 10);
      if (tenth !== lastTenth || p.done === 0) {
        lastTenth = tenth;
        process.stderr.write(`${line(p)}\n`);
      }
    },
    end() {
      if (tty && drawn) process.stderr.write('\n');
    },
  };
}
