import type { AnswerValue, RunAnswerRecord, RunSummary } from '../../core/run-records.js';
import { answerText } from '../survey/answer-schema.js';
import type { Question, Survey } from '../survey/survey-schema.js';
import { personaAttributes, type PersonaAttributes } from './persona-attributes.js';

// A survey run in one shape every output reads: rows (persona x question) in survey order, each
// with the persona's attributes, and the questions. Exports, `runs show`, the report and the
// checks all start here.

export interface ResultRow {
  personaId: string;
  personaName: string;
  question: Question;
  status: RunAnswerRecord['status'] | 'missing';
  answer: AnswerValue | null;
  /** The answer as one line ("yes", "A; B", "25 USD per month"). */
  answerText: string;
  reason: string;
  raw: string;
  error: string;
  attributes: PersonaAttributes;
  /** The persona data as it answered (for cross-tabs by any field). */
  persona: unknown;
}

export interface RunResults {
  run: RunSummary;
  survey: Survey;
  rows: ResultRow[];
}

/** `snapshots`: snapshot id -> persona data (from persona_snapshots). */
export function runResults(
  run: RunSummary,
  survey: Survey,
  answers: RunAnswerRecord[],
  snapshots: Map<string, { name: string; persona: unknown }>,
): RunResults {
  const byKey = new Map(answers.map((a) => [`${a.personaId}\u0000${a.questionId}`, a]));
  const snapshotOf = new Map<string, { name: string; persona: unknown }>();
  for (const answer of answers) {
    const snapshot = answer.snapshotId ? snapshots.get(answer.snapshotId) : undefined;
    if (snapshot && !snapshotOf.has(answer.personaId)) snapshotOf.set(answer.personaId, snapshot);
  }
  const rows: ResultRow[] = [];
  for (const personaId of run.personaIds) {
    const snapshot = snapshotOf.get(personaId);
    const attributes = personaAttributes(snapshot?.persona);
    for (const question of survey.questions) {
      const answer = byKey.get(`${personaId}\u0000${question.id}`);
      rows.push({
        personaId,
        personaName: snapshot?.name ?? personaId,
        question,
        status: answer?.status ?? 'missing',
        answer: answer?.status === 'valid' ? answer.answer : null,
        answerText: answer?.status === 'valid' ? answerText(question, answer.answer) : '',
        reason: answer?.reason ?? '',
        raw: answer?.status === 'valid' ? '' : (answer?.raw ?? ''),
        error: answer?.error ?? '',
        attributes,
        persona: snapshot?.persona,
      });
    }
  }
  return { run, survey, rows };
}
