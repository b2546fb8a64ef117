import type { RunSummary } from '../../core/run-records.js';
import { runResults, type RunResults } from '../../research/results/run-results.js';
import type { HistoryStore } from '../../store/history-store.js';
import { surveyOfRun } from './read-survey.js';

/** A survey run with its answers and the personas as they answered. */
export async function loadSurveyResults(store: HistoryStore, run: RunSummary): Promise<RunResults> {
  const survey = surveyOfRun(run.spec, run.id);
  const answers = await store.runs().listAnswers(run.id);
  const snapshots = new Map<string, { name: string; persona: unknown }>();
  for (const answer of answers) {
    if (answer.snapshotId && !snapshots.has(answer.snapshotId)) {
      const snapshot = await store.getSnapshot(answer.snapshotId);
      if (snapshot) snapshots.set(answer.snapshotId, { name: snapshot.name, persona: snapshot.persona });
    }
  }
  return runResults(run, survey, answers, snapshots);
}

export interface AskRunReply {
  sessionId: string;
  personaId: string;
  personaName: string;
  message: string;
  reply: string;
  status: string;
}

/** A multi-persona ask: each persona's first question and reply, in the order asked. */
export async function loadAskReplies(store: HistoryStore, run: RunSummary): Promise<AskRunReply[]> {
  const replies: AskRunReply[] = [];
  for (const { sessionId, personaId } of await store.runs().runSessions(run.id)) {
    const transcript = await store.getTranscript(sessionId);
    const messages = transcript?.messages ?? [];
    const user = messages.find((m) => m.role === 'user');
    const reply = messages.find((m) => m.role === 'persona' && (!user || m.seq > user.seq));
    replies.push({
      sessionId,
      personaId,
      personaName: transcript?.session.personaName ?? personaId,
      message: user?.content ?? '',
      reply: reply?.content ?? '',
      status: reply?.status ?? (transcript ? 'error' : 'deleted'),
    });
  }
  return replies;
}
