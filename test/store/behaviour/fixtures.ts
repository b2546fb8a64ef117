import { newUserMessage } from '../../../src/core/new-message.js';
import type { NewMessage, PersonaSnapshot, SessionRecord } from '../../../src/core/records.js';
import type { HistoryStore } from '../../../src/store/history-store.js';

// Rows for the store tests, the same for every backend.

export function snapshotInput(personaId = 'maria-lopez', name = 'Maria Lopez'): Omit<PersonaSnapshot, 'id' | 'createdAt'> {
  return {
    personaId,
    name,
    contentHash: `hash-of-${personaId}`,
    persona: { id: personaId, name, age: 41 },
    chatProfile: { tone: 'warm', verbosity: 'short' },
    systemPrompt: `You are ${name}.`,
  };
}

export async function startSession(store: HistoryStore, personaId = 'maria-lopez', name = 'Maria Lopez'): Promise<SessionRecord> {
  const snapshot = await store.saveSnapshot(snapshotInput(personaId, name));
  return store.createSession({
    personaId,
    snapshotId: snapshot.id,
    userId: 'tester',
    provider: 'openai',
    model: 'gpt-4o-mini',
    title: null,
  });
}

export function userMessage(sessionId: string, content: string): NewMessage {
  return newUserMessage(sessionId, content);
}

export function personaReply(sessionId: string, content: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return {
    ...userMessage(sessionId, content),
    role: 'persona',
    provider: 'openai',
    model: 'gpt-4o-mini',
    inputTokens: 120,
    outputTokens: 40,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    costUsd: 0.0003,
    latencyFirstTokenMs: 210,
    latencyTotalMs: 900,
    finishReason: 'stop',
    inputMode: null,
    ...overrides,
  };
}

/** A clock that advances one second per call, so ordering by time is deterministic. */
export function tickingClock(start = Date.parse('2025-03-01T10:00:00.000Z')): () => Date {
  let t = start;
  return () => new Date((t += 1000));
}

/** A clock the test moves by hand. */
export function manualClock(start = Date.parse('2025-03-01T10:00:00.000Z')): { now: () => Date; advance(ms: number): void } {
  let t = start;
  return { now: () => new Date(t), advance: (ms) => void (t += ms) };
}
