import type { CopyEndpoint } from './copy-endpoint.js';
import { openPostgresCopyEndpoint } from './postgres-endpoint.js';
import { openSqliteCopyEndpoint } from './sqlite-endpoint.js';

/** Where a history is: a SQLite file or a PostgreSQL URL. */
export type StoreSpec = { backend: 'sqlite'; file: string } | { backend: 'postgres'; url: string };

/** Opens one side of a copy (migrated to this build's schema; a SQLite source must exist). */
export async function openCopyEndpoint(spec: StoreSpec, role: 'source' | 'target'): Promise<CopyEndpoint> {
  return spec.backend === 'sqlite' ? openSqliteCopyEndpoint(spec.file, role) : openPostgresCopyEndpoint(spec.url);
}
