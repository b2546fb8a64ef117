import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Token } from 'marked';
import { sanitizeText } from '../../core/sanitize.js';
import type { LexRequest, LexResponse } from './lexer-worker.js';
import { isLexedAhead, loadMarkdownParser, rememberLexed } from './lexer.js';
import { mayBeMarkdown } from './needs.js';

// A reopened chat draws its last replies once (<Static>), so their Markdown must be lexed before
// the first frame. Loading marked and compiling its patterns costs the main thread 30-40 ms,
// about a tenth of the frame; a worker thread does it on the other core meanwhile: it starts when
// the chat starts, gets the texts as soon as they are read from the database, and its tokens are
// in before the UI has loaded. Where there is no worker (running from source, a failed start),
// marked loads on the main thread as before; either way the tokens are marked's.

/** The worker's bundle, beside the chunk this module is bundled into (dist/chunks/ -> dist/). */
const WORKER_FILE = fileURLToPath(new URL('../markdown-lexer.js', import.meta.url));
/** A worker that has not answered by then is given up on, and the main thread lexes. */
const ANSWER_WITHIN_MS = 3000;

let worker: Worker | undefined;
let failed = false;
let nextId = 1;
const waiting = new Map<number, { texts: string[]; done: () => void }>();
const requested = new Map<string, Promise<void>>();

function fallBack(): void {
  failed = true;
  worker?.terminate().catch(() => undefined);
  worker = undefined;
  for (const { done } of waiting.values()) done();
  waiting.clear();
}

/** Starts the worker (it loads marked at once), where the built worker exists. */
export function startMarkdownWorker(file: string = WORKER_FILE): void {
  if (worker || failed) return;
  if (!existsSync(file)) {
    failed = true;
    return;
  }
  try {
    worker = new Worker(file);
  } catch {
    failed = true;
    return;
  }
  // Never what keeps the process alive: the chat ends when the user quits.
  worker.unref();
  worker.on('message', ({ id, tokens }: LexResponse) => {
    const request = waiting.get(id);
    if (!request) return;
    waiting.delete(id);
    request.texts.forEach((text, i) => rememberLexed(text, tokens[i] as Token[]));
    request.done();
  });
  worker.on('error', fallBack);
  worker.on('exit', () => {
    if (waiting.size > 0) fallBack();
    worker = undefined;
  });
}

/** Stops the worker once what it was for is drawn. */
export function stopMarkdownWorker(): void {
  const stopping = worker;
  worker = undefined;
  failed = true;
  void stopping?.terminate().catch(() => undefined);
}

function lexInWorker(texts: string[]): Promise<void> {
  const id = nextId++;
  const answered = new Promise<void>((resolve) => waiting.set(id, { texts, done: resolve }));
  const request: LexRequest = { id, texts };
  worker!.postMessage(request);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ANSWER_WITHIN_MS);
    timer.unref();
  });
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}

/**
 * Has the Markdown of these texts (as <Markdown> receives them) lexed ahead, in the worker when
 * there is one. Resolves once lexMarkdown can answer every one of them with marked's tokens:
 * from the worker, or else from marked loaded here.
 */
export async function prelexMarkdown(texts: readonly string[]): Promise<void> {
  // As before there was a worker: when none of them may be Markdown, they are drawn as they are;
  // when one may be, all of them are lexed, so each is drawn exactly as marked reads it.
  if (!texts.some(mayBeMarkdown)) return;
  const keys = [...new Set(texts.map((text) => sanitizeText(text)))];
  startMarkdownWorker();
  if (worker && !failed) {
    const fresh = keys.filter((key) => !requested.has(key));
    if (fresh.length > 0) {
      const lexed = lexInWorker(fresh);
      for (const key of fresh) requested.set(key, lexed);
    }
    await Promise.all(keys.map((key) => requested.get(key) ?? Promise.resolve()));
  }
  if (keys.every(isLexedAhead)) return;
  await loadMarkdownParser();
}
