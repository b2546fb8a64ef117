import type { PersonaSnapshot } from '../core/records.js';
import type { NewRunAnswer, RunAnswerRecord, RunKind, RunRecord, RunStatus, RunSummary } from '../core/run-records.js';

// What the research layer needs from storage (the SQLite store provides it; tests may use any
// object with these methods).

export interface ResearchStore {
  /** Saves the persona as it answered; returns the snapshot id (the same persona shares a row). */
  saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): { id: string };
  createRun(run: { kind: RunKind; title: string; spec: unknown; personaIds: string[]; provider: string; model: string }): RunRecord;
  setRunStatus(id: string, status: RunStatus): void;
  saveAnswer(answer: NewRunAnswer): void;
  listAnswers(runId: string): RunAnswerRecord[];
  getRun(id: string): RunSummary | undefined;
}
