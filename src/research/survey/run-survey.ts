import type { ProviderErrorKind } from '../../core/errors.js';
import type { RunRecord } from '../../core/run-records.js';
import type { ResearchStore } from '../research-store.js';
import type { Answerer, Respondent } from './answerers.js';
import type { Survey } from './survey-schema.js';

// Runs a survey: every respondent x question not yet answered in this run, `concurrency` at a
// time, each answer saved as soon as it arrives (so a killed run loses at most what was in
// flight, and `--resume` asks only what is missing). Provider failures are saved as errors,
// which a resume asks again; a failure no retry can fix (a bad key, an unknown model) stops the run.

export interface SurveyProgress {
  done: number;
  total: number;
  invalid: number;
  failed: number;
  /** Already answered before this run started (a resume). */
  skipped: number;
}

export interface RunSurveyOptions {
  survey: Survey;
  run: RunRecord;
  respondents: Respondent[];
  store: ResearchStore;
  answerer: Answerer;
  provider: string;
  concurrency: number;
  signal: AbortSignal;
  onProgress?(progress: SurveyProgress): void;
}

export interface SurveyOutcome extends SurveyProgress {
  status: 'complete' | 'interrupted' | 'failed';
  /** The error that stopped the run, if one did. */
  stoppedBy?: string;
  stoppedHint?: string;
}

const FATAL: ReadonlySet<ProviderErrorKind> = new Set(['auth', 'config', 'not_found', 'bad_request']);

export async function runSurvey(options: RunSurveyOptions): Promise<SurveyOutcome> {
  const answered = new Set(
    (await options.store.listAnswers(options.run.id)).filter((a) => a.status !== 'error').map((a) => `${a.personaId}\u0000${a.questionId}`),
  );
  const tasks: Array<{ respondent: Respondent; index: number }> = [];
  for (const respondent of options.respondents) {
    options.survey.questions.forEach((question, index) => {
      if (!answered.has(`${respondent.persona.id}\u0000${question.id}`)) tasks.push({ respondent, index });
    });
  }
  const progress: SurveyProgress = { done: 0, total: tasks.length, invalid: 0, failed: 0, skipped: answered.size };
  const stop = new AbortController();
  const signal = AbortSignal.any([options.signal, stop.signal]);
  let stoppedBy: { message: string; hint?: string } | undefined;
  options.onProgress?.({ ...progress });

  let next = 0;
  const worker = async () => {
    while (!signal.aborted && next < tasks.length) {
      const { respondent, index } = tasks[next++]!;
      const question = options.survey.questions[index]!;
      const outcome = await options.answerer(respondent, question, index, signal);
      // An answer cut short by Ctrl-C or by a stop is not an answer: leave it missing for --resume.
      if (signal.aborted && outcome.status === 'error') break;
      const { providerError, ...saved } = outcome;
      await options.store.saveAnswer({
        runId: options.run.id,
        personaId: respondent.persona.id,
        questionId: question.id,
        snapshotId: respondent.snapshotId,
        provider: options.provider,
        ...saved,
      });
      progress.done++;
      if (outcome.status === 'invalid') progress.invalid++;
      if (outcome.status === 'error') progress.failed++;
      options.onProgress?.({ ...progress });
      if (providerError && FATAL.has(providerError.kind) && !stoppedBy) {
        stoppedBy = { message: providerError.message, ...(providerError.hint ? { hint: providerError.hint } : {}) };
        stop.abort();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, tasks.length)) }, worker));

  const status = stoppedBy ? 'failed' : options.signal.aborted ? 'interrupted' : 'complete';
  await options.store.setRunStatus(options.run.id, status === 'complete' && progress.failed > 0 ? 'interrupted' : status);
  return {
    ...progress,
    status,
    ...(stoppedBy ? { stoppedBy: stoppedBy.message, ...(stoppedBy.hint ? { stoppedHint: stoppedBy.hint } : {}) } : {}),
  };
}
