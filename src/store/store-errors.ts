import { StoreError } from '../core/errors.js';

// SQLite and the file system report trouble with codes (SQLITE_NOTADB, EACCES, ...). A person sees
// one sentence naming the file and a hint saying what to do; the original error stays as `cause`.

function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

/** A message for a session deleted meanwhile (by another terminal or server); both backends say it so. */
export function sessionGoneError(sessionId: string): StoreError {
  return new StoreError(
    `Cannot save the message: session ${sessionId} no longer exists.`,
    'It may have been deleted from another terminal; start a new chat.',
  );
}

export function damagedDatabaseError(file: string, cause?: unknown): StoreError {
  return new StoreError(
    `${file} is not a persona-chat database or is damaged.`,
    `Move it aside (mv "${file}" "${file}.bak") and run again to start a fresh one.`,
    cause,
  );
}

export function readOnlyError(path: string, what: 'file' | 'folder', cause?: unknown): StoreError {
  return new StoreError(
    `Cannot write the chat history: the ${what} ${path} is read-only.`,
    what === 'file'
      ? `Make it writable (chmod u+w "${path}") or set PERSONA_HOME to a writable folder.`
      : `Make the folder writable or set PERSONA_HOME to a writable folder.`,
    cause,
  );
}

export function busyError(file: string, waitedMs: number, cause?: unknown): StoreError {
  return new StoreError(
    `${file} stayed locked by another persona-chat process for ${(waitedMs / 1000).toFixed(1)} s.`,
    'Let the other process finish (or close it) and try again.',
    cause,
  );
}

/**
 * Turns a known SQLite or file-system failure into a StoreError; returns undefined for anything
 * else (those are bugs and must surface as such).
 */
export function toStoreError(error: unknown, file: string, busyTimeoutMs: number): StoreError | undefined {
  if (error instanceof StoreError) return error;
  const code = errorCode(error);
  if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) return damagedDatabaseError(file, error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return busyError(file, busyTimeoutMs, error);
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return readOnlyError(file, 'file', error);
  if (code === 'EACCES' || code === 'EPERM') {
    return new StoreError(
      `No permission to use ${file}.`,
      'Check the permissions of the file and its folder, or set PERSONA_HOME elsewhere.',
      error,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new StoreError(`Cannot open ${file}.`, 'Check that its folder exists and is writable, or set PERSONA_HOME elsewhere.', error);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new StoreError(`The disk holding ${file} is full.`, 'Free some space and try again.', error);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    return new StoreError(`Reading or writing ${file} failed (${code}).`, 'Check the disk and try again.', error);
  }
  return undefined;
}

/** Runs `work`, rethrowing known failures as StoreError. */
export function withStoreErrors<T>(file: string, busyTimeoutMs: number, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw toStoreError(error, file, busyTimeoutMs) ?? error;
  }
}
