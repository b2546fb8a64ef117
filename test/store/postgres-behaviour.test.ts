import { openPostgresStore } from '../../src/store/postgres/postgres-store.js';
import { clonePostgresDatabase, describePostgres, useFreshPostgresDatabase } from '../support/postgres.js';
import { storeBehaviour } from './behaviour/index.js';

// The shared store suite against PostgreSQL. Each store gets a database of its own, cloned from
// one migrated once for this file (a clone costs a third of migrating an empty database).
describePostgres('postgres', () => {
  const template = useFreshPostgresDatabase();
  let migrated: Promise<void> | undefined;
  storeBehaviour('postgres', async (options) => {
    await (migrated ??= openPostgresStore(template()).then((store) => store.close()));
    return openPostgresStore(await clonePostgresDatabase(template()), options);
  });
});
