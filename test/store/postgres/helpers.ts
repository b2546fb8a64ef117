import { afterEach } from 'vitest';
import { openPostgresStore, type PostgresStore, type PostgresStoreOptions } from '../../../src/store/postgres/postgres-store.js';
import type { SessionRecord } from '../../../src/core/records.js';
import { snapshotInput } from '../helpers/fixtures.js';

// PostgreSQL stores for the tests of this folder: opened on the file's own database, closed after each test.

const opened: PostgresStore[] = [];

afterEach(async () => {
  for (const store of opened.splice(0)) await store.close();
});

export async function openTestStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
  const store = await openPostgresStore(url, options);
  opened.push(store);
  return store;
}

export async function startSession(
  store: PostgresStore,
  personaId = 'maria-lopez',
  name = 'Maria Lopez',
  userId = 'tester',
): Promise<SessionRecord> {
  const snapshot = await store.saveSnapshot(snapshotInput(personaId, name));
  return store.createSession({ personaId, snapshotId: snapshot.id, userId, provider: 'openai', model: 'gpt-4o-mini', title: null });
}
