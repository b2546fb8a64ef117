import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStoreSpec } from '../../src/store/store-spec.js';
import { findServerBinaries } from '../setup/postgres-cluster.js';
import { tempDir } from '../support/temp.js';

describe('which database the history is in', () => {
  const sqliteFile = '/home/ana/persona.db';

  it('is the SQLite file without DATABASE_URL or database.url', () => {
    expect(resolveStoreSpec({ env: {}, sqliteFile })).toEqual({ spec: { backend: 'sqlite', file: sqliteFile }, source: 'default' });
    expect(resolveStoreSpec({ env: { DATABASE_URL: '  ' }, sqliteFile }).spec.backend).toBe('sqlite');
  });

  it('is PostgreSQL from DATABASE_URL first, then from the setting', () => {
    const env = { DATABASE_URL: 'postgres://a@h/env' };
    expect(resolveStoreSpec({ env, configUrl: 'postgresql://a@h/config', sqliteFile })).toEqual({
      spec: { backend: 'postgres', url: 'postgres://a@h/env' },
      source: 'DATABASE_URL',
    });
    expect(resolveStoreSpec({ env: {}, configUrl: 'postgresql://a@h/config', sqliteFile })).toEqual({
      spec: { backend: 'postgres', url: 'postgresql://a@h/config' },
      source: 'database.url',
    });
  });

  it('ignores a DATABASE_URL of another kind of database, and says it did', () => {
    expect(resolveStoreSpec({ env: { DATABASE_URL: 'mysql://root@h/app' }, sqliteFile })).toEqual({
      spec: { backend: 'sqlite', file: sqliteFile },
      source: 'default',
      ignoredDatabaseUrl: true,
    });
  });
});

describe('the test PostgreSQL server binaries', () => {
  it('are the newest major version that has initdb, or none', () => {
    const root = tempDir();
    expect(findServerBinaries(join(root, 'missing'))).toBeUndefined();
    for (const major of ['13', '15', '9']) {
      mkdirSync(join(root, major, 'bin'), { recursive: true });
      writeFileSync(join(root, major, 'bin', 'initdb'), '');
    }
    mkdirSync(join(root, '16', 'bin'), { recursive: true }); // a client-only install: no initdb
    expect(findServerBinaries(root)).toBe(join(root, '15', 'bin'));
  });
});
