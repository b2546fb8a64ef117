import type { PersonaSnapshot } from '../core/records.js';
import type { NewRunAnswer, RunAnswerRecord, RunKind, RunRecord, RunStatus, RunSummary } from '../core/run-records.js';

// What the research layer needs from storage (the history store provides it, SQLite or PostgreSQL;
// tests may use any object with these methods). Asynchronous like the history store itself.

export interface ResearchStore {
  /** Saves the persona as it answered; returns the snapshot id (the same persona shares a row). */
  saveSnapshot(snapshot: Omit<PersonaSnapshot, 'id' | 'createdAt'>): Promise<{ id: string }>;
  createRun(run: {
    kind: RunKind;
    title: string;
    spec: unknown;
    personaIds: string[];
    provider: string;
    model: string;
  }): Promise<RunRecord>;
  setRunStatus(id: string, status: RunStatus): Promise<void>;
  saveAnswer(answer: NewRunAnswer): Promise<void>;
  listAnswers(runId: string): Promise<RunAnswerRecord[]>;
  getRun(id: string): Promise<RunSummary | undefined>;
}
