import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';
import { join } from 'node:path';
import type { Persona } from '../../../persona/schema.js';
import { loadNlp, nlpIfLoaded } from '../nlp.js';
import { factsOf } from '../recall/persona-facts.js';
import { toFirstPerson, type Converted, type Probe, type Speaker } from './first-person.js';
import { conversionsNeeded } from './frames.js';

// The first-person form of every fact of a persona, computed once with the NLP library and kept
// (in memory, and in a small JSON file under the app's home when the provider is given a cache
// folder). Loading the library costs about two bare Node start-ups, more than a one-shot
// `persona ask` can afford; with the file, only the first reply from a persona file pays it, and
// editing the file (a new content hash) computes it again.

export interface Phrasebook {
  convert(text: string, probe: Probe): Converted;
}

interface Stored {
  version: 1;
  entries: Record<string, Converted>;
}

const memory = new WeakMap<Persona, Map<string, Converted>>();
const keyOf = (text: string, probe: Probe) => `${String(probe)}\u0000${text}`;
/** Part of the cache file's hash: a change to the conversion rules computes every phrasebook again. */
const RULES_VERSION = 5;

function fileFor(cacheDir: string, persona: Persona, speaker: Speaker): string {
  const hash = createHash('sha256')
    .update(JSON.stringify([RULES_VERSION, speaker, factsOf(persona).map((f) => [f.field, f.text])]))
    .digest('hex')
    .slice(0, 24);
  return join(cacheDir, `phrasing-${hash}.json`);
}

function readStored(file: string): Map<string, Converted> | undefined {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Stored;
    if (data?.version !== 1 || typeof data.entries !== 'object') return undefined;
    const map = new Map<string, Converted>();
    for (const [key, value] of Object.entries(data.entries)) {
      if (value && typeof value.text === 'string' && typeof value.shape === 'string') map.set(key, value);
    }
    return map;
  } catch {
    return undefined;
  }
}

function writeStored(file: string, cacheDir: string, map: Map<string, Converted>): void {
  try {
    mkdirSync(cacheDir, { recursive: true });
    // The thread too: `persona serve` composes in several threads of one process (compose-threads.ts).
    const tmp = `${file}.${process.pid}-${threadId}.tmp`;
    writeFileSync(tmp, JSON.stringify({ version: 1, entries: Object.fromEntries(map) } satisfies Stored));
    renameSync(tmp, file);
  } catch {
    // A read-only or full disk only costs the next run the library load; the reply is unaffected.
  }
}

/**
 * Phrasebooks known complete, per persona: a reply asks for its persona's book several times, and
 * checking every fact's entry again each time cost more than the rest of the lookup.
 */
const ready = new WeakMap<Persona, { speaker: Speaker; book: Phrasebook }>();

/**
 * Books being made: the first replies of a server that has just started ask for the same book at
 * once, and each would otherwise convert every fact with the library and write the file again.
 */
const making = new WeakMap<Persona, { speaker: Speaker; book: Promise<Phrasebook> }>();

/** The persona's phrasebook, complete for every fact: from memory, the cache file, or the library. */
export function phrasebookFor(persona: Persona, speaker: Speaker, cacheDir: string | undefined): Promise<Phrasebook> {
  const known = ready.get(persona);
  if (known?.speaker === speaker) return Promise.resolve(known.book);
  const pending = making.get(persona);
  if (pending?.speaker === speaker) return pending.book;
  const book = makePhrasebook(persona, speaker, cacheDir);
  making.set(persona, { speaker, book });
  const done = () => {
    if (making.get(persona)?.book === book) making.delete(persona);
  };
  book.then(done, done);
  return book;
}

async function makePhrasebook(persona: Persona, speaker: Speaker, cacheDir: string | undefined): Promise<Phrasebook> {
  let map = memory.get(persona);
  const needed = factsOf(persona).flatMap(conversionsNeeded);
  const complete = (m: Map<string, Converted>) => needed.every(([text, probe]) => m.has(keyOf(text, probe)));
  if (!map && cacheDir) {
    const stored = readStored(fileFor(cacheDir, persona, speaker));
    if (stored && complete(stored)) map = stored;
  }
  if (!map || !complete(map)) {
    const nlp = await loadNlp();
    map ??= new Map();
    for (const [text, probe] of needed)
      if (!map.has(keyOf(text, probe))) map.set(keyOf(text, probe), toFirstPerson(text, speaker, nlp, probe));
    if (cacheDir) writeStored(fileFor(cacheDir, persona, speaker), cacheDir, map);
  }
  memory.set(persona, map);
  const entries = map;
  const book: Phrasebook = {
    convert(text, probe) {
      const hit = entries.get(keyOf(text, probe));
      if (hit) return hit;
      const nlp = nlpIfLoaded();
      // Every fact is in the book; this is only reached for text built at reply time.
      return nlp ? toFirstPerson(text, speaker, nlp, probe) : { text, shape: 'noun-phrase' };
    },
  };
  ready.set(persona, { speaker, book });
  return book;
}
