import type { StoreSpec } from '../store-spec.js';
import type { CopyEndpoint } from './copy-endpoint.js';
import { openPostgresCopyEndpoint } from './postgres-endpoint.js';
import { openSqliteCopyEndpoint } from './sqlite-endpoint.js';

/** Opens one side of a copy (migrated to this build's schema; a SQLite source must exist). */
export async function openCopyEndpoint(spec: StoreSpec, role: 'source' | 'target'): Promise<CopyEndpoint> {
  return spec.backend === 'sqlite' ? openSqliteCopyEndpoint(spec.file, role) : openPostgresCopyEndpoint(spec.url);
}
