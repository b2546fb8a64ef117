import { migratePostgres, type PostgresMigration } from './postgres-migrations.js';
import { openPostgresPool, type OpenPoolOptions, type PostgresConnection } from './postgres-pool.js';
import { withPostgresErrors } from './postgres-errors.js';

/**
 * Connects (loading the driver) and brings the schema up to date under the migration lock: what
 * every use of a PostgreSQL database starts with. Fails with a StoreError naming the server, never
 * the password; the pool is closed again on failure.
 */
export async function openMigratedPostgres(
  url: string,
  options: OpenPoolOptions & { migrations?: readonly PostgresMigration[] } = {},
): Promise<PostgresConnection> {
  const connection = await openPostgresPool(url, options);
  try {
    await withPostgresErrors(connection.server, connection.secret, async () => {
      const client = await connection.pool.connect();
      try {
        await migratePostgres(client, connection.server, options.migrations);
      } finally {
        client.release();
      }
    });
  } catch (error) {
    await connection.pool.end().catch(() => undefined);
    throw error;
  }
  return connection;
}
