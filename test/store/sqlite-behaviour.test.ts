import { join } from 'node:path';
import { openStore } from '../../src/store/sqlite-store.js';
import { storeBehaviour } from './behaviour/index.js';
import { tempDir } from './helpers/fixtures.js';

// The shared store suite against SQLite: a fresh file per store.
storeBehaviour('sqlite', async (options) => openStore(join(tempDir(), 'persona.db'), options));
