import type { Pool, PoolConfig } from 'pg';
import { describeServer, parsePostgresUrl, redactPostgresUrl } from './postgres-url.js';
import { withPostgresErrors } from './postgres-errors.js';

// Opening a pool loads the driver: `pg` is imported here and only here, dynamically, so a command
// on the SQLite file (ask, chat) never loads it.

export interface PostgresConnection {
  pool: Pool;
  /** The URL without its password: what messages and `location.where` show. */
  where: string;
  /** host:port/database, for error messages. */
  server: string;
  /** The password, so errors can scrub any copy of it. */
  secret: string | undefined;
}

export interface OpenPoolOptions {
  /** Connections per process; the pool opens them as work needs them. */
  max?: number;
  /** How long a new connection may take before the command fails. */
  connectTimeoutMs?: number;
}

const DEFAULT_MAX = 10;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

// SQLite gives back integers as numbers. The driver gives bigint (count, sums of integers) and
// numeric (sums of bigint, averages) as strings to avoid precision loss; every such value here is
// a count, a token total, a millisecond figure or a cost, far inside a double's exact range.
const INT8_OID = 20;
const NUMERIC_OID = 1700;

export async function openPostgresPool(url: string, options: OpenPoolOptions = {}): Promise<PostgresConnection> {
  const parsed = parsePostgresUrl(url);
  const server = describeServer(parsed);
  const secret = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  const { default: pg } = await import('pg');
  const parseNumber = (text: string) => Number(text);
  const config: PoolConfig = {
    connectionString: url.trim(),
    max: options.max ?? DEFAULT_MAX,
    connectionTimeoutMillis: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    application_name: 'persona-chat',
    // Idle connections must not keep a finished command's process alive (SQLite never did).
    allowExitOnIdle: true,
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === INT8_OID || oid === NUMERIC_OID
          ? parseNumber
          : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
    },
  };
  const pool = new pg.Pool(config);
  // An idle connection the server drops (restart, failover) emits 'error' on the pool; unhandled,
  // that would end the process. The next query opens a fresh connection or reports the failure.
  pool.on('error', () => undefined);
  const connection = { pool, where: redactPostgresUrl(url), server, secret };
  // Connect once now, so a wrong URL fails at start-up with a clear message, not mid-chat.
  await withPostgresErrors(server, secret, async () => {
    const client = await pool.connect();
    client.release();
  }).catch(async (error: unknown) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  return connection;
}
