import { StoreError, UsageError } from '../../core/errors.js';
import type { HistoryStore, RunStore } from '../history-store.js';

// What crosses between `persona serve`'s event loop and its store thread (threaded-store.ts says
// why there is one): calls of HistoryStore and RunStore methods by name, with their arguments, and
// their outcomes. Every method takes and returns plain data, which postMessage copies as it is
// (a Map too), and most cross as JSON (JSON_METHODS); errors are the one thing rebuilt on the other
// side, as the classes callers test for.

/** Methods a call may name: every method of the two contracts but those about the store object itself. */
export const HISTORY_METHODS = [
  'saveSnapshot',
  'getSnapshot',
  'createSession',
  'getSession',
  'setSessionTitle',
  'appendMessage',
  'addParticipants',
  'listParticipants',
  'listMessages',
  'recentMessages',
  'replyTotals',
  'recordEvent',
  'spentSince',
  'admitRequest',
  'usageStats',
  'attachAudio',
  'listSessions',
  'getSessionSummary',
  'latestSession',
  'latestSessionRecord',
  'findSession',
  'deleteSession',
  'search',
  'getTranscript',
] as const satisfies ReadonlyArray<keyof HistoryStore>;

export const RUN_METHODS = [
  'createRun',
  'setRunStatus',
  'saveAnswer',
  'linkSession',
  'getRun',
  'findRun',
  'listRuns',
  'countRuns',
  'listAnswers',
  'runSessions',
  'runsOfSessions',
  'countSessionEntries',
  'deleteRun',
] as const satisfies ReadonlyArray<keyof RunStore>;

// A method added to a contract and not to the lists above fails to compile here, not at run time.
type Unlisted<T, Listed> = Exclude<{ [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never }[keyof T], Listed>;
const everyHistoryMethod: [Unlisted<HistoryStore, (typeof HISTORY_METHODS)[number] | 'close'>] extends [never] ? true : never = true;
const everyRunMethod: [Unlisted<RunStore, (typeof RUN_METHODS)[number]>] extends [never] ? true : never = true;
void everyHistoryMethod;
void everyRunMethod;

export type HistoryMethod = (typeof HISTORY_METHODS)[number];
export type RunMethod = (typeof RUN_METHODS)[number];

/** One call (calls go in arrays, those of one turn of the event loop together). */
export interface StoreCall {
  id: number;
  target: 'history' | 'runs';
  method: HistoryMethod | RunMethod;
  args: unknown[];
  /** The caller's clock (ms) when the store was opened with one: rows are stamped with it. */
  at?: number;
}

/** An error as it crosses: enough to rebuild what the caller tests for and shows. */
export interface CrossingError {
  name: string;
  message: string;
  hint?: string;
  stack?: string;
}

export type StoreOutcome = { id: number; value: unknown } | { id: number; error: CrossingError };

/** What the thread says once, first: the store is open (where), or why it could not be. */
export type StoreThreadReady = { ready: true; location: HistoryStore['location'] } | { ready: false; error: CrossingError };

export function toCrossing(error: unknown): CrossingError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const hint = (error as { hint?: unknown }).hint;
  return { name: error.name, message: error.message, ...(typeof hint === 'string' ? { hint } : {}), stack: error.stack };
}

/** The error a caller of the store in process would have got: StoreError and UsageError keep their class and hint. */
export function fromCrossing(crossing: CrossingError): Error {
  if (crossing.name === 'StoreError') return new StoreError(crossing.message, crossing.hint);
  if (crossing.name === 'UsageError') return new UsageError(crossing.message, crossing.hint);
  const error = new Error(crossing.message);
  error.name = crossing.name;
  // A bug: its stack in the thread is the one that says where.
  if (crossing.stack) error.stack = crossing.stack;
  return error;
}

/**
 * Methods whose arguments and values are JSON through and through (records of strings, numbers,
 * booleans and null; an event's data is saved as JSON anyway): their calls and answers cross as
 * one JSON string, not as objects for postMessage to copy. Measured on a served turn, copying the
 * calls as objects was a fifth of the event loop's time; as JSON, stringify and parse included,
 * less than half of that. A call with an undefined argument before its last goes as objects
 * (JSON would make it null).
 */
const JSON_METHODS: ReadonlySet<string> = new Set<HistoryMethod>([
  'saveSnapshot',
  'getSnapshot',
  'createSession',
  'getSession',
  'appendMessage',
  'recentMessages',
  'replyTotals',
  'recordEvent',
  'spentSince',
  'admitRequest',
]);

/** Whether a call crosses as JSON (see JSON_METHODS). */
export function crossesAsJson(call: StoreCall): boolean {
  return call.target === 'history' && JSON_METHODS.has(call.method) && !call.args.includes(undefined);
}
