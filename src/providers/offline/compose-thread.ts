import { parentPort } from 'node:worker_threads';
import type { ChatProfile, Persona } from '../../persona/schema.js';
import type { ComposeJob, ComposeResult } from './compose-threads.js';
import { composeReply } from './engine.js';

// The offline engine inside a worker thread (built as dist/offline-compose.cjs; compose-threads.ts
// says why). It answers one message per reply with the reply's text. Personas arrive once and are
// kept by the key the main thread gave them: the engine's own caches (phrasebook, facts) are
// keyed by the persona object, so it must be the same object from one reply to the next.

/** Personas kept; past this the oldest is dropped, and the main thread sends it again when asked. */
const KEPT_PERSONAS = 256;

interface Kept {
  persona: Persona;
  profile?: Partial<ChatProfile>;
  /** The system prompt of the key's last job: a job marked `sameSystem` has this one. */
  system?: string;
}

const personas = new Map<number, Kept>();

function keep(job: ComposeJob): Kept | undefined {
  // Kept already (the main thread forgot it had sent it): the kept copy, whose caches are warm.
  if (job.persona && !personas.has(job.key)) {
    if (personas.size >= KEPT_PERSONAS) personas.delete(personas.keys().next().value!);
    personas.set(job.key, { persona: job.persona, profile: job.profile });
  }
  const kept = personas.get(job.key);
  if (kept && !job.sameSystem) kept.system = job.input.system;
  return kept;
}

async function answer(job: ComposeJob): Promise<ComposeResult> {
  const known = keep(job);
  if (!known) return { job: job.job, missing: true };
  try {
    const input = { ...job.input, system: known.system, persona: known.persona, profile: known.profile };
    return { job: job.job, text: await composeReply(input) };
  } catch (error) {
    return { job: job.job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

if (!parentPort) throw new Error('offline-compose runs as a worker thread of `persona serve`');
const port = parentPort;
// Answers go back together too, the ones ready in one turn of this thread's loop.
let outbox: ComposeResult[] = [];
let sending: NodeJS.Immediate | undefined;
const reply = (result: ComposeResult): void => {
  outbox.push(result);
  sending ??= setImmediate(() => {
    sending = undefined;
    const results = outbox;
    outbox = [];
    port.postMessage(results);
  });
};
port.on('message', (jobs: ComposeJob[]) => {
  for (const job of jobs) void answer(job).then(reply);
});
