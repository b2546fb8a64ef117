import type { HistoryStore } from '../../../src/store/history-store.js';
import { personaReply, snapshotInput, userMessage } from '../helpers/fixtures.js';

// A history with a bit of everything a copy must carry: one-to-one and group sessions, speakers and
// addressees, replies with and without prices, awkward text, events, a survey run with answers and
// a multi-persona ask with its sessions, and counted chat requests.

export const AWKWARD_TEXTS = [
  'Plain words about pricing and onboarding.',
  'Emoji 🎉👩‍👩‍👧, CJK 价格很重要, RTL مرحبا, combining e\u0301 and Å.',
  'Control characters: tab\there, newline\nthere, CR\r, bell\u0007, escape\u001b[31m, DEL\u007f, \u0001\u001f.',
  'Quotes \' " ` and backslashes \\ \\n and SQL -- ; DROP TABLE messages;',
  'Line separator\u2028 and paragraph separator\u2029 and BOM\ufeff and zero-width\u200b.',
  '',
];

export async function buildRichHistory(store: HistoryStore): Promise<{ sessions: number; messages: number }> {
  const maria = await store.saveSnapshot(snapshotInput('maria', 'María José'));
  const tom = await store.saveSnapshot(snapshotInput('tom', 'Tom 🐢'));
  const ana = await store.saveSnapshot(snapshotInput('ana', 'Ana'));
  const base = { userId: 'tester', provider: 'openai' as const, model: 'gpt-4o-mini' };

  const one = await store.createSession({ ...base, personaId: 'maria', snapshotId: maria.id, title: 'Pricing «interview»' });
  for (const [i, text] of AWKWARD_TEXTS.entries()) {
    await store.appendMessage(userMessage(one.id, text));
    await store.appendMessage(personaReply(one.id, `Reply ${i}: ${text}`, { costUsd: i === 2 ? null : 0.1 + 0.2 * i, fallback: i === 3 }));
  }
  await store.appendMessage(
    personaReply(one.id, 'failed', { status: 'error', error: 'HTTP 500 «upstream»', costUsd: null, finishReason: 'error' }),
  );

  const group = await store.createSession({ ...base, personaId: 'tom', snapshotId: tom.id, title: null });
  await store.addParticipants(group.id, [
    { personaId: 'tom', snapshotId: tom.id },
    { personaId: 'ana', snapshotId: ana.id },
  ]);
  await store.appendMessage({ ...userMessage(group.id, 'Ana, what do you think?'), addresseeId: 'ana' });
  await store.appendMessage(personaReply(group.id, 'I think the price is fair.', { speakerId: 'ana', inputTokens: 2 ** 40 }));
  await store.appendMessage(personaReply(group.id, 'I disagree.', { speakerId: 'tom', latencyFirstTokenMs: 0 }));

  await store.recordEvent({ kind: 'provider_error', sessionId: one.id, personaId: 'maria', data: { kind: 'rate_limit', status: 429 } });
  await store.recordEvent({ kind: 'limit_reached', data: { limit: 'daily_budget', text: 'naïve \u0001' } });

  const runs = store.runs();
  const survey = await runs.createRun({
    kind: 'survey',
    title: 'Price survey',
    spec: { questions: [{ id: 'q1' }] },
    personaIds: ['maria', 'tom'],
    provider: 'offline',
    model: 'offline',
  });
  const answer = {
    runId: survey.id,
    questionId: 'q1',
    status: 'valid' as const,
    reason: null,
    raw: '{"answer": 4}',
    error: null,
    attempts: 1,
    via: 'json_schema',
    provider: 'offline',
    model: 'offline',
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: 12,
  };
  await runs.saveAnswer({ ...answer, personaId: 'maria', snapshotId: maria.id, answer: 4 });
  await runs.saveAnswer({ ...answer, personaId: 'tom', snapshotId: null, answer: ['a', 'b'], status: 'invalid', reason: 'two picked' });
  await runs.setRunStatus(survey.id, 'complete');
  const ask = await runs.createRun({
    kind: 'ask',
    title: 'Ask both',
    spec: {},
    personaIds: ['maria', 'ana'],
    provider: 'openai',
    model: 'x',
  });
  await runs.linkSession(ask.id, one.id, 'maria');
  await runs.linkSession(ask.id, group.id, 'ana');

  await store.admitRequest('tester', 10);
  await store.admitRequest('someone else', 10);
  return { sessions: 2, messages: 2 * AWKWARD_TEXTS.length + 4 };
}
