import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputFileError } from '../../core/errors.js';
import { MAX_CARD_FILE_BYTES } from '../../persona/cards/parse-card.js';

// Reads a card file for import: the size is checked before a byte is read, so an oversized or
// wrong file never fills memory. Only local files: a card path is never fetched.

export function readCardFile(file: string): { path: string; bytes: Buffer } {
  const path = resolve(file);
  let size: number;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new InputFileError(path, [{ path: '', message: 'is a folder', hint: 'give the card files themselves' }]);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    throw new InputFileError(path, [{ path: '', message: describeFsError(error) }]);
  }
  if (size > MAX_CARD_FILE_BYTES) {
    throw new InputFileError(path, [
      {
        path: '',
        message: `file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit for a card is ${MAX_CARD_FILE_BYTES / 1024 / 1024} MB`,
        hint: 'is this the right file?',
      },
    ]);
  }
  try {
    return { path, bytes: readFileSync(path) };
  } catch (error) {
    throw new InputFileError(path, [{ path: '', message: describeFsError(error) }]);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
}
