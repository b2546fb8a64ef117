import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ThreadedStore } from '../../src/store/thread/threaded-store.js';
import { storeBehaviour } from './behaviour/index.js';
import { tempDir } from './helpers/fixtures.js';

// The shared store suite against SQLite in a worker thread, as `persona serve` keeps it with cores
// to spare: the built thread (dist/store-thread.cjs, which `npm test` builds first), a fresh file per store.
const threadFile = fileURLToPath(new URL('../../dist/store-thread.cjs', import.meta.url));
storeBehaviour('sqlite in a thread', async (options) => ThreadedStore.open(threadFile, join(tempDir(), 'persona.db'), options));
