import { readFileSync, statSync } from 'node:fs';
import { InputFileError } from './errors.js';

/**
 * The bytes of a file the user named (a persona, a survey), with a size limit and the usual
 * failures (missing, unreadable, a folder, too big) as an InputFileError naming the file.
 */
export function readInputFile(path: string, what: string, maxBytes = 1024 * 1024): Buffer {
  try {
    const size = statSync(path).size;
    if (size > maxBytes) {
      throw new InputFileError(path, [
        {
          path: '',
          message: `file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${(maxBytes / 1024 / 1024).toFixed(0)} MB`,
          hint: `a ${what} file is a few KB: is this the right file?`,
        },
      ]);
    }
    return readFileSync(path);
  } catch (error) {
    if (error instanceof InputFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'is a folder'
            : (error as Error).message;
    throw new InputFileError(path, [{ path: '', message }]);
  }
}
