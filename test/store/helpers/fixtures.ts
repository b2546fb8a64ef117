import { newUserMessage } from '../../../src/core/new-message.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openStore, type SqliteStore, type SqliteStoreOptions } from '../../../src/store/sqlite-store.js';
import type { NewMessage, PersonaSnapshot, SessionRecord } from '../../../src/core/records.js';

const made: string[] = [];
const opened: Array<{ close(): void }> = [];

afterEach(() => {
  for (const handle of opened.splice(0)) handle.close();
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'persona-store-'));
  made.push(dir);
  return dir;
}

/** A store on a fresh file, closed after the test. */
export function freshStore(options: SqliteStoreOptions = {}): SqliteStore {
  const store = openStore(join(tempDir(), 'persona.db'), options);
  opened.push(store);
  return store;
}

/** A second, plain connection to the store's file, to look at or damage rows directly. */
export function rawConnection(store: SqliteStore): BetterSqlite3.Database {
  const db = new BetterSqlite3(store.file);
  opened.unshift(db);
  return db;
}

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

export function startSession(store: SqliteStore, personaId = 'maria-lopez', name = 'Maria Lopez'): SessionRecord {
  const snapshot = store.saveSnapshot(snapshotInput(personaId, name));
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
