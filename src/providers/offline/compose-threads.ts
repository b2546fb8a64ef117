import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ChatTurn } from '../../core/messages.js';
import { itemsOf, runsOf } from '../../core/thread-messages.js';
import type { ChatProfile, Persona } from '../../persona/schema.js';
import { composeReply, type ComposeInput } from './engine.js';

// `persona serve` composes offline replies in worker threads. Composing is a quarter of the CPU
// time of a served turn (measured with 50 streaming clients), and on the event loop it is time
// every other request waits: each reply holds up the words of all the others. In a thread it
// runs beside the loop, on another core where there is one. Short commands compose in process: a
// thread costs start-up time (its own copy of the engine and its language model) they do not have.
//
// The engine holds nothing between replies (engine.ts), so a reply is one message each way: the
// conversation in, the text out. A persona is sent to a thread once and then named by a key, and
// so is its system prompt (a few KB, as much as the conversation): a job whose prompt is the one
// the thread last had for the key says so instead of carrying it.

/**
 * One reply asked of a thread (jobs go in arrays, as JSON unless they carry a persona). `persona`
 * comes with the first job of its key (or when the thread asked for it again); `sameSystem`: the
 * input's system prompt is the one the thread last had for the key, left out. The conversation's
 * turns come by reference once the thread has them (TurnRef).
 */
export interface ComposeJob {
  job: number;
  key: number;
  persona?: Persona;
  profile?: Partial<ChatProfile>;
  sameSystem?: true;
  input: Omit<ComposeInput, 'persona' | 'profile' | 'messages'> & { messages: readonly TurnRef[] };
}

/**
 * A turn of a job's conversation: whole, with the number the thread keeps it by, or that number
 * alone once the thread has it. A served conversation hands the same turn objects to reply after
 * reply (chat/history.ts remembers them), so each turn crosses to the thread once rather than with
 * every later reply: copying a window of twenty turns was most of the cost of a job's message.
 */
export type TurnRef = number | { ref: number; role: ChatTurn['role']; content: string };

/**
 * A thread's answer to one job (answers come in arrays, as JSON): the text, the engine's error, or
 * "send it again whole" (it dropped the persona or a turn the job names).
 */
export type ComposeResult = { job: number; text: string } | { job: number; error: string } | { job: number; missing: true };

/** Threads that fail (a crash, an out-of-memory, no answer in time) are replaced until this many have; then replies are composed in process. */
const MAX_FAILED_THREADS = 4;
/**
 * A reply takes milliseconds; a thread that has not answered a job for this long is stuck (a bug
 * that loops): it is stopped and its jobs fail, rather than their requests waiting forever (and a
 * server's shutdown with them). Composing them again here could loop the same way.
 */
const DEADLINE_MS = 30_000;
/** How often a thread with jobs waiting is checked against the deadline. */
const WATCH_MS = 1_000;
/** Persona keys remembered per thread as sent (the thread keeps 256 personas; compose-thread.ts). */
const MAX_SENT_KEYS = 1024;

interface Pending {
  job: number;
  key: number;
  input: ComposeInput;
  resolve: (text: string) => void;
  reject: (error: Error) => void;
  /** performance.now() when it was asked. */
  since: number;
}

/** How replies were composed (tests check that the threads, not the fallback, answered). */
export interface ComposeCounts {
  inThreads: number;
  inProcess: number;
}

/** One worker thread and the jobs it has not answered yet. */
class ComposeThread {
  readonly pending = new Map<number, Pending>();
  /** Keys of the personas this thread has been sent, with the system prompt it last had for each. */
  readonly sent = new Map<number, string | undefined>();
  /** Turns this thread has been sent, by the number it keeps them by (it may have dropped some since). */
  private readonly turnRefs = new WeakMap<ChatTurn, number>();
  private nextTurnRef = 1;
  private readonly worker: Worker;
  private outbox: ComposeJob[] = [];
  private sending: NodeJS.Immediate | undefined;
  private readonly watch: NodeJS.Timeout;

  constructor(
    file: string,
    private readonly counts: ComposeCounts,
    deadlineMs: number,
    onFailure: (thread: ComposeThread) => void,
    onStuck: (thread: ComposeThread) => void,
  ) {
    this.worker = new Worker(file);
    this.worker.on('message', (results: string | ComposeResult[]) => {
      for (const result of itemsOf(results)) this.settle(result);
    });
    this.worker.on('error', () => onFailure(this));
    this.worker.on('exit', () => onFailure(this));
    // A thread never keeps the process alive: the requests waiting for it do. After the listeners:
    // listening for messages refs the thread again.
    this.worker.unref();
    this.watch = setInterval(
      () => {
        const oldest = this.pending.values().next().value;
        if (oldest && performance.now() - oldest.since > deadlineMs) onStuck(this);
      },
      Math.min(WATCH_MS, deadlineMs),
    ).unref();
  }

  post(entry: Pending): void {
    const { input, key } = entry;
    this.pending.set(entry.job, entry);
    const { persona, profile, messages, system, ...rest } = input;
    const message: ComposeJob = { job: entry.job, key, input: { ...rest, messages: messages.map((turn) => this.refOf(turn)) } };
    if (this.sent.has(key) && this.sent.get(key) === system) message.sameSystem = true;
    else message.input.system = system;
    if (!this.sent.has(key)) {
      // Personas reloaded over a long life get new keys; forgetting old ones only means sending again.
      if (this.sent.size >= MAX_SENT_KEYS) this.sent.clear();
      message.persona = persona;
      message.profile = profile;
    }
    this.sent.set(key, system);
    // The jobs of one turn of the event loop go in one message: a message costs a wake-up of the
    // thread and a turn of its loop besides copying, more than the copy of a conversation.
    this.outbox.push(message);
    this.sending ??= setImmediate(() => this.send());
  }

  /**
   * A turn by its number when the thread was sent it before, whole otherwise. Only frozen turns go
   * by number: one that could still change (a caller's own array) is sent as it is now, each time.
   */
  private refOf(turn: ChatTurn): TurnRef {
    const known = this.turnRefs.get(turn);
    if (known !== undefined) return known;
    if (!Object.isFrozen(turn)) return { ref: 0, role: turn.role, content: turn.content };
    const ref = this.nextTurnRef++;
    this.turnRefs.set(turn, ref);
    return { ref, role: turn.role, content: turn.content };
  }

  /** The thread lacks something a job named (a persona or a turn it dropped): the job goes again with all of it whole. */
  private resend(entry: Pending): void {
    this.sent.delete(entry.key);
    for (const turn of entry.input.messages) this.turnRefs.delete(turn);
    this.post(entry);
  }

  private send(): void {
    this.sending = undefined;
    const jobs = this.outbox;
    this.outbox = [];
    // Jobs that carry a persona go as objects (postMessage copies those, or refuses what it cannot
    // copy); the rest, most of them, as JSON: measured, copying a job of strings and numbers as one
    // string costs less than half of copying it as objects, stringify and parse included. In runs,
    // in the order asked: a job marked sameSystem means the prompt of the job before it for its key.
    for (const run of runsOf(jobs, (job) => job.persona === undefined)) {
      if (run.json) {
        this.worker.postMessage(JSON.stringify(run.items));
        continue;
      }
      try {
        this.worker.postMessage(run.items);
      } catch {
        // Something that cannot be copied to a thread (postMessage copies plain data only): in process, then.
        // The thread got none of these jobs: nor their personas, nor their prompts, nor their turns;
        // the jobs after them that count on those are answered "missing" and go again whole.
        for (const { job, key } of run.items) {
          this.sent.delete(key);
          const entry = this.pending.get(job);
          this.pending.delete(job);
          if (!entry) continue;
          for (const turn of entry.input.messages) this.turnRefs.delete(turn);
          composeInProcess(entry, this.counts);
        }
      }
    }
  }

  private settle(result: ComposeResult): void {
    const entry = this.pending.get(result.job);
    if (!entry) return;
    this.pending.delete(result.job);
    if ('text' in result) {
      this.counts.inThreads++;
      entry.resolve(result.text);
    } else if ('error' in result) entry.reject(new Error(`the offline engine failed in its thread: ${result.error}`));
    else this.resend(entry);
  }

  terminate(): void {
    clearImmediate(this.sending);
    clearInterval(this.watch);
    this.worker.removeAllListeners();
    void this.worker.terminate();
  }
}

export class ComposeThreads {
  /** How the replies so far were composed. */
  readonly counts: ComposeCounts = { inThreads: 0, inProcess: 0 };
  private readonly threads: ComposeThread[] = [];
  private readonly keys = new WeakMap<Persona, WeakMap<object, number>>();
  private nextKey = 1;
  private nextJob = 1;
  private failedThreads = 0;
  private closed = false;

  /**
   * `file` is the thread's code (dist/offline-compose.cjs); `size` how many threads compose at
   * most; `deadlineMs` how long a job may wait for its thread's answer (DEADLINE_MS).
   */
  constructor(
    private readonly file: string,
    private readonly size: number,
    private readonly deadlineMs = DEADLINE_MS,
  ) {}

  /** The reply `composeReply(input)` gives, composed in a thread (in process once threads keep failing). */
  compose(input: ComposeInput): Promise<string> {
    const thread = this.closed ? undefined : this.threadFor();
    if (!thread) {
      this.counts.inProcess++;
      return composeReply(input);
    }
    const key = this.keyOf(input.persona, input.profile);
    return new Promise((resolve, reject) => thread.post({ job: this.nextJob++, key, input, resolve, reject, since: performance.now() }));
  }

  /** Stops the threads; what they had not answered, and replies asked for afterwards, are composed in process. */
  close(): void {
    this.closed = true;
    for (const thread of this.threads.splice(0)) {
      thread.terminate();
      this.recompose(thread);
    }
  }

  /** The thread with the fewest replies waiting, or a new one while there are fewer than `size` and all are busy. */
  private threadFor(): ComposeThread | undefined {
    let best: ComposeThread | undefined;
    for (const thread of this.threads) if (!best || thread.pending.size < best.pending.size) best = thread;
    const canStart = this.threads.length < this.size && this.failedThreads < MAX_FAILED_THREADS;
    if ((!best || best.pending.size > 0) && canStart) {
      try {
        best = new ComposeThread(
          this.file,
          this.counts,
          this.deadlineMs,
          (failed) => {
            if (this.remove(failed)) this.recompose(failed);
          },
          (stuck) => {
            if (this.remove(stuck)) this.fail(stuck);
          },
        );
        this.threads.push(best);
      } catch {
        // No threads here (threads refused): compose in process.
        this.failedThreads = MAX_FAILED_THREADS;
      }
    }
    return best;
  }

  /** Takes a failed thread out (once; an error is followed by an exit) and stops it; the next reply starts another. */
  private remove(thread: ComposeThread): boolean {
    const index = this.threads.indexOf(thread);
    if (index === -1) return false;
    this.threads.splice(index, 1);
    this.failedThreads++;
    thread.terminate();
    return true;
  }

  /** A thread died: what it had not answered is composed in process. */
  private recompose(thread: ComposeThread): void {
    for (const entry of thread.pending.values()) composeInProcess(entry, this.counts);
    thread.pending.clear();
  }

  /** A thread stuck past the deadline: its jobs fail (as an engine error: the request ends with one). */
  private fail(thread: ComposeThread): void {
    const error = new Error(`the offline engine did not answer within ${this.deadlineMs / 1000} s`);
    for (const entry of thread.pending.values()) entry.reject(error);
    thread.pending.clear();
  }

  /** The same key for the same persona and profile objects (the chat prepares each persona once). */
  private keyOf(persona: Persona, profile: Partial<ChatProfile> | undefined): number {
    let byProfile = this.keys.get(persona);
    if (!byProfile) this.keys.set(persona, (byProfile = new WeakMap()));
    const profileKey = profile ?? NO_PROFILE;
    let key = byProfile.get(profileKey);
    if (key === undefined) byProfile.set(profileKey, (key = this.nextKey++));
    return key;
  }
}

const NO_PROFILE = {};

/** A job's reply composed here after all. */
function composeInProcess({ input, resolve, reject }: Pending, counts: ComposeCounts): void {
  counts.inProcess++;
  composeReply(input).then(resolve, reject);
}

/** The thread's code beside the CLI bundle; missing when running from source (tests), where replies are composed in process. */
export function composeThreadFile(): string | undefined {
  const file = fileURLToPath(new URL('./offline-compose.cjs', import.meta.url));
  return existsSync(file) ? file : undefined;
}

/** One thread per core beyond the event loop's, at least one, at most four (a reply takes well under a millisecond). */
export function defaultComposeThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}
