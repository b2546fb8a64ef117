// Research runs as stored and read back: a survey (typed answers per persona x question) or a
// multi-persona `ask` (one session per persona, grouped). Plain records, shared by the store that
// writes them and the research layer that reads them.

export const RUN_KINDS = ['survey', 'ask'] as const;
export type RunKind = (typeof RUN_KINDS)[number];

export const RUN_STATUSES = ['running', 'complete', 'interrupted', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** valid: fits the question; invalid: the model's output did not, kept raw; error: no answer (re-asked on resume). */
export const ANSWER_STATUSES = ['valid', 'invalid', 'error'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

/** A typed answer: a choice, several choices, a number (scale or quantity), yes/no, or text. */
export type AnswerValue = string | string[] | number | boolean;

export interface RunRecord {
  id: string;
  kind: RunKind;
  title: string;
  /** What was asked: the survey file's content, or the ask's message. */
  spec: unknown;
  /** Persona ids in the order given. */
  personaIds: string[];
  provider: string;
  model: string;
  status: RunStatus;
  createdAt: string;
  updatedAt: string;
}

export interface NewRunAnswer {
  runId: string;
  personaId: string;
  questionId: string;
  /** The persona as it answered (persona_snapshots), for attributes in exports. */
  snapshotId: string | null;
  status: AnswerStatus;
  answer: AnswerValue | null;
  reason: string | null;
  /** What the model sent, kept for an invalid answer (and for the record on a valid one). */
  raw: string | null;
  error: string | null;
  /** How many requests it took (1, or 2 after a retry). */
  attempts: number;
  /** json_schema, tool, text or rules. */
  via: string | null;
  provider: string | null;
  model: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  costUsd: number | null;
  latencyMs: number | null;
}

export interface RunAnswerRecord extends NewRunAnswer {
  createdAt: string;
}

export interface RunSummary extends RunRecord {
  answerCount: number;
  invalidCount: number;
  errorCount: number;
  sessionCount: number;
}
