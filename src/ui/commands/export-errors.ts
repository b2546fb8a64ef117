import { dirname } from 'node:path';
import { sanitizeInline } from '../../core/sanitize.js';
import type { CommandResult } from './types.js';

/** A file system error from writing the export, in plain words with the path; undefined for anything else. */
export function describeUnwritableFile(error: unknown): CommandResult | undefined {
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') return undefined;
  const path = 'path' in error && typeof error.path === 'string' ? sanitizeInline(error.path) : undefined;
  if (!path) return undefined;
  const folder = dirname(path);
  switch (error.code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return {
        type: 'error',
        message: `cannot write ${path}: the folder ${folder} does not exist`,
        hint: 'create the folder first, or give a path in a folder that exists',
      };
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return {
        type: 'error',
        message: `cannot write ${path}: no permission to write in ${folder}`,
        hint: 'give a path in a folder you can write to, e.g. /export md notes.md',
      };
    case 'EISDIR':
      return { type: 'error', message: `cannot write ${path}: it is a folder`, hint: 'give a file name, e.g. /export md notes.md' };
    default:
      return undefined;
  }
}
