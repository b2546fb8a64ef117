import { describe, expect, it } from 'vitest';
import { POSTGRES_MIGRATIONS, postgresMigrationState } from '../../../src/store/postgres/postgres-migrations.js';

// A server opening a database that another server is migrating at this very moment: the other
// server's transaction commits the migrations table and our tables together, between any two of
// our queries. Whatever moment that is, the state read must be "empty" or "migrated", never
// "someone else's tables". No PostgreSQL needed: the client answers as the catalog would.

type Client = Parameters<typeof postgresMigrationState>[0];

/** A catalog in which everything appears at once, after `queriesBeforeCommit` queries. */
function catalogCommittingAfter(queriesBeforeCommit: number): Client {
  let queries = 0;
  const query = async (sql: string, params?: unknown[]) => {
    const committed = queries++ >= queriesBeforeCommit;
    if (/FROM migrations/.test(sql)) return { rows: committed ? POSTGRES_MIGRATIONS.map((m) => ({ name: m.name })) : [] };
    if (/unnest/.test(sql)) return { rows: committed ? [{ name: (params![0] as string[])[0] }] : [] };
    if (/to_regclass/.test(sql)) return { rows: [{ found: committed }] };
    throw new Error(`unexpected query: ${sql}`);
  };
  return { query } as unknown as Client;
}

describe('PostgreSQL migration state while another server migrates', () => {
  it('reads an empty or a migrated database at every moment of the other commit', async () => {
    for (let moment = 0; moment <= 4; moment++) {
      const state = await postgresMigrationState(catalogCommittingAfter(moment));
      expect([[], POSTGRES_MIGRATIONS.map((m) => m.name)]).toContainEqual(state.applied);
      expect(state.unknown).toEqual([]);
    }
  });
});
