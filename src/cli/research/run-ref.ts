import { UsageError } from '../../core/errors.js';
import type { RunSummary } from '../../core/run-records.js';
import type { ResearchStore } from '../../research/research-store.js';
import type { HistoryStore } from '../../store/history-store.js';

/** A run by id, unique prefix or `last`; a clear error when there is none. */
export async function findRunOrFail(store: HistoryStore, ref: string): Promise<RunSummary> {
  const run = await store.runs().findRun(ref);
  if (run) return run;
  if (ref.trim().toLowerCase() === 'last')
    throw new UsageError('there are no runs yet', 'start one: persona survey docs/examples/pricing-survey.json --all');
  throw new UsageError(`no run "${ref}"`, 'see `persona runs list`');
}

/** The research layer's view of the history store. */
export function researchStoreOf(store: HistoryStore): ResearchStore {
  const runs = store.runs();
  return {
    saveSnapshot: (snapshot) => store.saveSnapshot(snapshot),
    createRun: (run) => runs.createRun(run),
    setRunStatus: (id, status) => runs.setRunStatus(id, status),
    saveAnswer: (answer) => runs.saveAnswer(answer),
    listAnswers: (id) => runs.listAnswers(id),
    getRun: (id) => runs.getRun(id),
  };
}
