import { parentPort } from 'node:worker_threads';
import type { ChatProfile, Persona } from '../../persona/schema.js';
import type { ChatTurn } from '../../core/messages.js';
import { itemsOf } from '../../core/thread-messages.js';
import type { ComposeJob, ComposeResult, TurnRef } from './compose-threads.js';
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

/**
 * Turns kept by their number (TurnRef), the oldest dropped first: the windows of several hundred
 * conversations at once. A job naming a dropped one is sent again whole. Not least recently used:
 * moving a turn to the end on every use (a delete and a set) kept rebuilding the map, measured at
 * 9% of the thread's time, and a turn leaves a conversation's window within a few replies anyway.
 */
const KEPT_TURNS = 16_384;
const turns = new Map<number, ChatTurn>();

/** A job's conversation from its references, or undefined when one names a turn no longer kept. */
function conversationOf(refs: readonly TurnRef[]): ChatTurn[] | undefined {
  const conversation: ChatTurn[] = [];
  for (const ref of refs) {
    if (typeof ref === 'number') {
      const turn = turns.get(ref);
      if (!turn) return undefined;
      conversation.push(turn);
      continue;
    }
    const turn = { role: ref.role, content: ref.content };
    if (ref.ref > 0) {
      if (turns.size >= KEPT_TURNS) turns.delete(turns.keys().next().value!);
      turns.set(ref.ref, turn);
    }
    conversation.push(turn);
  }
  return conversation;
}

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
  // Read at once, before any later job's turns can push these out.
  const messages = conversationOf(job.input.messages);
  if (!known || !messages) return { job: job.job, missing: true };
  try {
    const input = { ...job.input, messages, system: known.system, persona: known.persona, profile: known.profile };
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
    port.postMessage(JSON.stringify(results));
  });
};
port.on('message', (message: ComposeJob[] | string) => {
  for (const job of itemsOf(message)) void answer(job).then(reply);
});
