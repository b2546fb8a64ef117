import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import type { NewRunAnswer } from '../../../src/core/run-records.js';
import type { HistoryStore } from '../../../src/store/history-store.js';
import { startSession, tickingClock } from './fixtures.js';
import type { StoreFactory } from './store-factory.js';

function newRun(store: HistoryStore, title = 'Pricing survey') {
  return store.runs().createRun({
    kind: 'survey',
    title,
    spec: { title, questions: [{ id: 'q1' }] },
    personaIds: ['maria-lopez', 'tom'],
    provider: 'offline',
    model: 'offline',
  });
}

function answer(runId: string, overrides: Partial<NewRunAnswer> = {}): NewRunAnswer {
  return {
    runId,
    personaId: 'maria-lopez',
    questionId: 'q1',
    snapshotId: null,
    status: 'valid',
    answer: ['monthly', 'yearly'],
    reason: 'it fits',
    raw: null,
    error: null,
    attempts: 1,
    via: 'rules',
    provider: 'offline',
    model: 'offline',
    inputTokens: null,
    outputTokens: null,
    costUsd: null,
    latencyMs: 12,
    ...overrides,
  };
}

/** Research runs: the run, its answers, its sessions, prefixes, deletion. */
export function runBehaviour(freshStore: StoreFactory): void {
  describe('research runs', () => {
    it('creates a run, reads it back with its counts, and changes its status', async () => {
      const store = await freshStore({ now: tickingClock() });
      const run = await newRun(store);
      expect(run).toMatchObject({ kind: 'survey', title: 'Pricing survey', status: 'running', personaIds: ['maria-lopez', 'tom'] });
      await store.runs().saveAnswer(answer(run.id));
      await store.runs().saveAnswer(answer(run.id, { personaId: 'tom', status: 'invalid', answer: null }));
      await store.runs().setRunStatus(run.id, 'complete');
      const read = await store.runs().getRun(run.id);
      expect(read).toMatchObject({ id: run.id, status: 'complete', answerCount: 2, invalidCount: 1, errorCount: 0, sessionCount: 0 });
      expect(read?.spec).toEqual({ title: 'Pricing survey', questions: [{ id: 'q1' }] });
      expect(await store.runs().getRun('missing')).toBeUndefined();
    });

    it('keeps a recorded answer and replaces only an error', async () => {
      const store = await freshStore();
      const run = await newRun(store);
      await store.runs().saveAnswer(answer(run.id, { status: 'error', answer: null, error: 'timeout' }));
      await store.runs().saveAnswer(answer(run.id, { answer: 'monthly' }));
      await store.runs().saveAnswer(answer(run.id, { answer: 'yearly' }));
      const answers = await store.runs().listAnswers(run.id);
      expect(answers).toHaveLength(1);
      expect(answers[0]).toMatchObject({ status: 'valid', answer: 'monthly', error: null });
    });

    it('lists newest first, by kind, finds by prefix or "last", and counts', async () => {
      const store = await freshStore({ now: tickingClock() });
      const first = await newRun(store, 'first');
      const second = await newRun(store, 'second');
      expect((await store.runs().listRuns()).map((r) => r.id)).toEqual([second.id, first.id]);
      expect(await store.runs().listRuns({ kind: 'ask' })).toEqual([]);
      expect((await store.runs().listRuns({ limit: 1 })).map((r) => r.id)).toEqual([second.id]);
      expect((await store.runs().findRun('last'))?.id).toBe(second.id);
      expect((await store.runs().findRun(first.id.toUpperCase()))?.id).toBe(first.id);
      expect(await store.runs().findRun('zzzz')).toBeUndefined();
      expect(await store.runs().countRuns()).toBe(2);
    });

    it('refuses an ambiguous run prefix with a UsageError', async () => {
      const store = await freshStore({ now: () => new Date('2025-03-01T10:00:00.000Z') });
      const a = await newRun(store, 'a');
      await newRun(store, 'b');
      await expect(store.runs().findRun(a.id.slice(0, 10))).rejects.toThrow(UsageError);
    });

    it('links sessions to a run, groups them in the session count, and deletes the run', async () => {
      const store = await freshStore({ now: tickingClock() });
      const run = await store
        .runs()
        .createRun({ kind: 'ask', title: 'Hello', spec: {}, personaIds: ['maria-lopez', 'tom'], provider: 'offline', model: 'offline' });
      const maria = await startSession(store);
      const tom = await startSession(store, 'tom', 'Tom');
      const alone = await startSession(store);
      await store.runs().linkSession(run.id, maria.id, 'maria-lopez');
      await store.runs().linkSession(run.id, tom.id, 'tom');
      await store.runs().linkSession(run.id, tom.id, 'tom');
      expect(await store.runs().runSessions(run.id)).toEqual([
        { sessionId: maria.id, personaId: 'maria-lopez' },
        { sessionId: tom.id, personaId: 'tom' },
      ]);
      const runOf = await store.runs().runsOfSessions([maria.id, alone.id]);
      expect([...runOf]).toEqual([[maria.id, run.id]]);
      expect(await store.runs().countSessionEntries()).toBe(2);
      expect(await store.runs().countSessionEntries('maria-lopez')).toBe(2);
      expect((await store.runs().getRun(run.id))?.sessionCount).toBe(2);
      expect(await store.runs().deleteRun(run.id)).toBe(true);
      expect(await store.runs().deleteRun(run.id)).toBe(false);
      expect(await store.runs().runSessions(run.id)).toEqual([]);
      expect(await store.getSession(maria.id)).toBeDefined();
    });
  });
}
